/**
 * Plain text → raw blocks: its lines, for the one table-detection step. HTML tables inside the
 * text (PDF-to-Markdown converters write them) are read straight from their cells.
 */
import type { RawBlock } from '../document/raw-blocks.js';
import { htmlToRawBlocks } from '../html/read-html.js';

const LINE_BREAK = /\r\n|\n|\r/;
/** A cell of a table saved one cell a line, each ended by a bar ("238.93 |"), or an empty one ("|"). */
const BARRED_CELL = /^[^|]*\S\s*\|\s*$/;
const EMPTY_CELL = /^\s*\|\s*$/;

/**
 * A page whose tables were saved one cell a line, each cell ended by a bar and an empty cell a bar
 * alone: the bars go, and an empty cell is kept as "—" (a printed blank), so the cells stay in
 * their columns. Only when most of the text's lines are such cells (a bar in prose is left alone).
 */
function unbarCells(lines: string[], notes: string[]): string[] {
  let barred = 0;
  let filled = 0;
  for (const l of lines) {
    if (l.trim() === '') continue;
    filled++;
    if (BARRED_CELL.test(l) || EMPTY_CELL.test(l)) barred++;
  }
  if (barred < 8 || barred < filled * 0.6) return lines;
  notes.push('文本中的表格是一格一行、以“|”分隔的，已按单元格读取（空格子记为“—”）');
  return lines.map((l) => (EMPTY_CELL.test(l) ? '—' : BARRED_CELL.test(l) ? l.replace(/\s*\|\s*$/, '') : l));
}

export function readText(text: string, notes: string[]): RawBlock[] {
  if (!/<table[\s>]/i.test(text)) {
    const lines = text.split(LINE_BREAK);
    return [{ kind: 'text', lines: text.includes('|') ? unbarCells(lines, notes) : lines }];
  }
  const out: RawBlock[] = [];
  for (const part of text.split(/(<table[\s\S]*?<\/table>)/i)) {
    if (/^<table/i.test(part)) out.push(...htmlToRawBlocks(part, { web: false }));
    else if (part.trim() !== '') out.push({ kind: 'text', lines: part.split(LINE_BREAK) });
  }
  notes.push('文本中的 HTML 表格已按单元格读取（行号指转换后的文本）');
  return out;
}
