/**
 * .pdf → text lines with their page numbers (tables are found later by the one
 * table-detection step, as for plain text). Items on one baseline form a line; a wide gap between items becomes a
 * tab (a table cell boundary). Page numbers and running headers/footers are dropped.
 */
import { getDocumentProxy } from 'unpdf';
import { JxError } from '@jixiao/core';
import type { RawBlock } from '../document/raw-blocks.js';
import { PAGE_NUMBER_PATTERNS } from '../vocab/text-debris.js';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export async function readPdf(bytes: Uint8Array, notes: string[], isCancelled: () => boolean): Promise<RawBlock> {
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false } as never);
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException' || /password/i.test(String((e as Error).message))) {
      throw new JxError('DOCUMENT_ENCRYPTED', 'PDF 设有打开密码');
    }
    throw new JxError('DOCUMENT_CORRUPT', `无法读取 PDF（${e instanceof Error ? e.message.slice(0, 80) : '未知原因'}）`);
  }
  try {
    const pages: string[][] = [];
    let chars = 0;
    const maxPages = Math.min(doc.numPages, 2000);
    for (let p = 1; p <= maxPages; p++) {
      if (isCancelled()) throw new JxError('TIMEOUT', 'PDF 解析超时');
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>) {
        if (typeof it.str !== 'string' || !it.transform) continue;
        const h = Math.abs(it.height ?? 0) || Math.abs(it.transform[3] ?? 0) || 10;
        items.push({ str: it.str, x: it.transform[4] ?? 0, y: it.transform[5] ?? 0, w: it.width ?? 0, h });
        chars += it.str.trim().length;
      }
      pages.push(itemsToLines(items));
      page.cleanup();
    }
    if (chars < 10) throw new JxError('DOCUMENT_NO_TEXT', 'PDF 中没有文字层，可能是扫描图片，请先做文字识别（OCR）');
    const text = dropRunningHeaders(pages);
    notes.push(`已从 PDF 提取文字（${doc.numPages} 页），去除页码和页眉页脚`);
    return { kind: 'text', ...text };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function itemsToLines(items: Item[]): string[] {
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of items) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, row[0]!.h * 0.4)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end = -Infinity;
    let space = false;
    for (const it of row) {
      if (it.str.trim() === '') {
        // a space the PDF itself contains: kept if the next text follows closely
        space = line !== '';
        continue;
      }
      const gap = it.x - end;
      const em = it.h || 10;
      if (line !== '') {
        if (gap > em * 1.8) line += '\t';
        else if (space || (gap > em * 0.25 && !/[\u3000-\u9fff]$/.test(line) && !/^[\u3000-\u9fff]/.test(it.str))) line += ' ';
      }
      space = false;
      line += it.str;
      end = it.x + (it.w || it.str.length * em);
    }
    return line;
  });
}

/** Remove page numbers and lines repeated at the top or bottom of most pages. */
function dropRunningHeaders(pages: string[][]): { lines: string[]; pages: number[] } {
  const edgeCount = new Map<string, number>();
  const key = (s: string) => s.replace(/\d+/g, '#').trim();
  for (const p of pages) {
    const edges = new Set([p[0], p[1], p[p.length - 1], p[p.length - 2]].filter((x): x is string => !!x).map(key));
    for (const e of edges) edgeCount.set(e, (edgeCount.get(e) ?? 0) + 1);
  }
  const repeated = (s: string) => pages.length >= 3 && (edgeCount.get(key(s)) ?? 0) >= Math.max(3, pages.length * 0.6);
  const out: string[] = [];
  const pageOf: number[] = [];
  pages.forEach((p, n) => {
    p.forEach((line, i) => {
      const edge = i < 2 || i >= p.length - 2;
      if (edge && (PAGE_NUMBER_PATTERNS.some((re) => re.test(line)) || /^\s*\d{1,4}\s*$/.test(line) || repeated(line))) return;
      out.push(line);
      pageOf.push(n + 1);
    });
  });
  return { lines: out, pages: pageOf };
}
