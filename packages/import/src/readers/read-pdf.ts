/**
 * .pdf → raw blocks with their page numbers. Ruled tables (the borders a word processor draws)
 * are read cell by cell from their lines (`pdf-lattice.ts`), merges kept; the other text goes
 * as lines to the one table-detection step, as for plain text: items on one baseline form a
 * line, a wide gap between items becomes a tab (a table cell boundary). Page numbers and
 * running headers/footers are dropped.
 */
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { JxError } from '@jixiao/core';
import type { RawBlock, RawCell } from '../document/raw-blocks.js';
import { PAGE_NUMBER_PATTERNS } from '../vocab/text-debris.js';
import { findTables, joinWrapped, type PdfItem } from './pdf-lattice.js';
import { pageRules, type PageRules, type PdfOps } from './pdf-rules.js';

type Item = PdfItem;
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>['getPage']>>;

/**
 * A page's content from top to bottom: lines of text and ruled tables. A line is `full` when it
 * reaches the right margin of the page's body text and `flush` when it starts at its left margin
 * (not indented): a full line followed by a flush one is a paragraph wrapped by the page.
 */
type TextEntry = { y: number; text: string; left: number; right: number; em: number; full?: boolean; flush?: boolean };
type Entry = TextEntry | { y: number; table: RawCell[][] };

/** A line starting a numbered heading or list item ("二、", "（三）", "1.", "①") begins anew. */
const NUMBERED_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])/;

export async function readPdf(bytes: Uint8Array, notes: string[], isCancelled: () => boolean): Promise<RawBlock[]> {
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
    const ops = (await getResolvedPDFJS()).OPS as unknown as PdfOps;
    const pages: Entry[][] = [];
    let chars = 0;
    let tables = 0;
    const maxPages = Math.min(doc.numPages, 2000);
    for (let p = 1; p <= maxPages; p++) {
      if (isCancelled()) throw new JxError('TIMEOUT', 'PDF 解析超时');
      const page = await doc.getPage(p);
      const items = await pageItems(page);
      chars += items.reduce((n, it) => n + it.str.trim().length, 0);
      // drawing is read only where the text has columns (a wide gap on some line): it costs the page's fonts
      const columns = itemsToLines(items).some((l) => l.text.includes('\t'));
      const found = findTables(columns ? await readRules(page, ops) : { h: [], v: [] }, items, (xs) => itemsToLines(xs).map((l) => l.text));
      tables += found.tables.length;
      const entries: Entry[] = [...markMargins(itemsToLines(found.rest)), ...found.tables.map((t) => ({ y: t.top, table: t.rows }))];
      pages.push(entries.sort((a, b) => b.y - a.y));
      page.cleanup();
    }
    if (chars < 10) throw new JxError('DOCUMENT_NO_TEXT', 'PDF 中没有文字层，可能是扫描图片，请先做文字识别（OCR）');
    notes.push(`已从 PDF 提取文字（${doc.numPages} 页），去除页码和页眉页脚`);
    if (tables > 0) notes.push(`PDF 中有框线的表格按单元格读取（${tables} 处，合并单元格保留）`);
    return toBlocks(pages, dropRunningHeaders(pages));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function pageItems(page: PdfPage): Promise<Item[]> {
  const content = await page.getTextContent();
  const items: Item[] = [];
  for (const it of content.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    const h = Math.abs(it.height ?? 0) || Math.abs(it.transform[3] ?? 0) || 10;
    items.push({ str: it.str, x: it.transform[4] ?? 0, y: it.transform[5] ?? 0, w: it.width ?? 0, h });
  }
  return items;
}

/**
 * The page's ruling lines; none when its drawing cannot be read (the text is still read).
 * pdf.js 5 hands a page's fonts over with its operators through ArrayBuffer#transferToFixedLength
 * (ES2024: Node ≥ 21); on an older Node the same copy is made with slice.
 */
async function readRules(page: PdfPage, ops: PdfOps): Promise<PageRules> {
  const proto = ArrayBuffer.prototype as { transferToFixedLength?: (n?: number) => ArrayBuffer };
  if (typeof proto.transferToFixedLength !== 'function') {
    Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
      value(this: ArrayBuffer, n?: number) {
        return this.slice(0, n ?? this.byteLength);
      },
      configurable: true,
      writable: true,
    });
  }
  try {
    return pageRules(await page.getOperatorList(), ops);
  } catch {
    return { h: [], v: [] };
  }
}

function itemsToLines(items: Item[]): TextEntry[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, row[0]!.h * 0.4)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => ({
    y: row[0]!.y,
    text: rowText(row),
    left: Math.min(...row.map((it) => it.x)),
    right: Math.max(...row.map((it) => it.x + it.w)),
    em: row[0]!.h || 10,
  }));
}

/** A line of body text is at least this many characters (ems) wide. */
const BODY_EMS = 15;

/** Which lines reach the right margin of the page's body text and which start at its left one. */
function markMargins(lines: TextEntry[]): TextEntry[] {
  const body = lines.filter((l) => !l.text.includes('\t') && l.right - l.left >= BODY_EMS * l.em);
  if (body.length < 3) return lines;
  const right = Math.max(...body.map((l) => l.right));
  const left = Math.min(...body.map((l) => l.left));
  // a body of wrapped text: several long lines end at the same right margin
  if (body.filter((l) => l.right >= right - 2 * l.em).length < 3) return lines;
  for (const l of lines) {
    const plain = !l.text.includes('\t');
    l.full = plain && l.right - l.left >= BODY_EMS * l.em && l.right >= right - 2 * l.em;
    l.flush = plain && l.left <= left + 0.5 * l.em;
  }
  return lines;
}

function rowText(row: Item[]): string {
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
}

/** Page numbers and lines repeated at the top or bottom of most pages: which entries to drop. */
function dropRunningHeaders(pages: Entry[][]): Set<Entry> {
  const edgeCount = new Map<string, number>();
  const key = (s: string) => s.replace(/\d+/g, '#').trim();
  const texts = (p: Entry[]) => p.map((e) => ('text' in e ? e.text : null));
  for (const p of pages) {
    const t = texts(p);
    const edges = new Set([t[0], t[1], t[t.length - 1], t[t.length - 2]].filter((x): x is string => !!x).map(key));
    for (const e of edges) edgeCount.set(e, (edgeCount.get(e) ?? 0) + 1);
  }
  const repeated = (s: string) => pages.length >= 3 && (edgeCount.get(key(s)) ?? 0) >= Math.max(3, pages.length * 0.6);
  const dropped = new Set<Entry>();
  for (const p of pages) {
    p.forEach((e, i) => {
      const edge = i < 2 || i >= p.length - 2;
      if (!edge || !('text' in e)) return;
      const line = e.text;
      if (PAGE_NUMBER_PATTERNS.some((re) => re.test(line)) || /^\s*\d{1,4}\s*$/.test(line) || repeated(line)) dropped.add(e);
    });
  }
  return dropped;
}

/** Runs of text lines become text blocks (with their pages), tables table blocks; a paragraph wrapped by the page is one line again. */
function toBlocks(pages: Entry[][], dropped: Set<Entry>): RawBlock[] {
  const blocks: RawBlock[] = [];
  let text: { kind: 'text'; lines: string[]; pages: number[] } | null = null;
  let prev: TextEntry | null = null;
  pages.forEach((p, n) => {
    for (const e of p) {
      if (dropped.has(e)) continue;
      if ('table' in e) {
        text = null;
        prev = null;
        blocks.push({ kind: 'table', rows: e.table, page: n + 1 });
        continue;
      }
      if (text && prev?.full && e.flush && !NUMBERED_START.test(e.text.trim())) {
        text.lines[text.lines.length - 1] = joinWrapped(text.lines[text.lines.length - 1]!, e.text.trim());
      } else {
        if (!text) blocks.push((text = { kind: 'text', lines: [], pages: [] }));
        text.lines.push(e.text);
        text.pages.push(n + 1);
      }
      prev = e;
    }
  });
  return blocks.length ? blocks : [{ kind: 'text', lines: [], pages: [] }];
}
