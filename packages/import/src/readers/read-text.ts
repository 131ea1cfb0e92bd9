/**
 * Plain text → raw blocks: its lines, for the one table-detection step. HTML tables inside the
 * text (PDF-to-Markdown converters write them) are read straight from their cells.
 */
import type { RawBlock } from '../document/raw-blocks.js';
import { htmlToRawBlocks } from '../html/read-html.js';

const LINE_BREAK = /\r\n|\n|\r/;

export function readText(text: string, notes: string[]): RawBlock[] {
  if (!/<table[\s>]/i.test(text)) return [{ kind: 'text', lines: text.split(LINE_BREAK) }];
  const out: RawBlock[] = [];
  for (const part of text.split(/(<table[\s\S]*?<\/table>)/i)) {
    if (/^<table/i.test(part)) out.push(...htmlToRawBlocks(part, { web: false }));
    else if (part.trim() !== '') out.push({ kind: 'text', lines: part.split(LINE_BREAK) });
  }
  notes.push('文本中的 HTML 表格已按单元格读取（行号指转换后的文本）');
  return out;
}
