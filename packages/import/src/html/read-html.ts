/**
 * HTML (a saved web page, or the HTML mammoth makes of a .docx) → raw blocks: paragraphs,
 * and tables straight from their cells with colspan/rowspan kept. A table that holds another
 * table is page layout, read as flow. On web pages, site furniture — navigation, headers and
 * footers, breadcrumbs, share bars, link lists — is dropped (vocabulary in
 * `vocab/site-furniture.ts`).
 */
import type { RawBlock, RawCell } from '../document/raw-blocks.js';
import { FURNITURE_CLASS, FURNITURE_TAGS, isFurnitureText } from '../vocab/site-furniture.js';
import { attr, parseHtml, type HtmlElement, type HtmlNode } from './html-tree.js';

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'br', 'hr',
  'blockquote', 'pre', 'center', 'figure', 'figcaption', 'address', 'caption', 'body', 'html', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'title',
]);
const HIDDEN_TAGS = new Set(['select', 'button', 'iframe', 'object', 'canvas', 'option', 'input', 'img', 'map']);

export interface HtmlReadOptions {
  /** A web page: drop navigation, headers, footers and other site furniture. */
  web: boolean;
}

interface Flow {
  blocks: RawBlock[];
  text: string;
  linkText: number;
  opts: HtmlReadOptions;
}

function flush(f: Flow): void {
  const t = f.text.replace(/\s+/g, ' ').trim();
  const links = f.linkText;
  f.text = '';
  f.linkText = 0;
  if (t === '') return;
  if (f.opts.web && (isFurnitureText(t) || (links >= t.length * 0.7 && t.length < 120))) return;
  f.blocks.push({ kind: 'para', text: t });
}

function isFurniture(el: HtmlElement, opts: HtmlReadOptions): boolean {
  if (HIDDEN_TAGS.has(el.tag)) return true;
  if (/display\s*:\s*none/i.test(attr(el, 'style') ?? '')) return true;
  if (!opts.web) return false;
  if (FURNITURE_TAGS.has(el.tag)) return true;
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  return FURNITURE_CLASS.test(names);
}

function hasTable(el: HtmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string' && (c.tag === 'table' || hasTable(c)));
}

function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (node.tag === 'br') return '\n';
  return node.children.map(textOf).join('');
}

function walk(node: HtmlNode, f: Flow, inLink: boolean): void {
  if (typeof node === 'string') {
    f.text += node;
    if (inLink) f.linkText += node.replace(/\s+/g, '').length;
    return;
  }
  if (isFurniture(node, f.opts)) return;
  if (node.tag === 'table' && !hasTable(node)) {
    flush(f);
    const rows = tableRows(node, f.opts);
    if (rows.length > 0) f.blocks.push({ kind: 'table', rows });
    return;
  }
  const block = BLOCK_TAGS.has(node.tag);
  if (block) flush(f);
  const link = inLink || (node.tag === 'a' && attr(node, 'href') !== null);
  for (const c of node.children) walk(c, f, link);
  if (block) flush(f);
}

/** A cell's paragraphs (its own p/br/div boundaries). */
function cellParts(td: HtmlElement, opts: HtmlReadOptions): string[] {
  const f: Flow = { blocks: [], text: '', linkText: 0, opts: { ...opts, web: false } };
  for (const c of td.children) walk(c, f, false);
  flush(f);
  return f.blocks.map((b) => (b.kind === 'para' ? b.text : '')).filter((t) => t !== '');
}

function rowsOf(el: HtmlElement, out: HtmlElement[][]): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.tag === 'tr') out.push(c.children.filter((x): x is HtmlElement => typeof x !== 'string' && (x.tag === 'td' || x.tag === 'th')));
    else if (c.tag !== 'table') rowsOf(c, out);
  }
}

function span(el: HtmlElement, name: string, max: number): number {
  const v = Number(attr(el, name) ?? '1');
  return Number.isFinite(v) && v >= 1 ? Math.min(max, Math.floor(v)) : 1;
}

/** The table as a grid: a merged cell's span on its anchor, covered positions filled in. */
function tableRows(table: HtmlElement, opts: HtmlReadOptions): RawCell[][] {
  const trs: HtmlElement[][] = [];
  rowsOf(table, trs);
  const grid: RawCell[][] = [];
  trs.forEach((tds, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tds) {
      while (grid[r]![c] !== undefined) c++;
      const colSpan = span(td, 'colspan', 50);
      const rowSpan = span(td, 'rowspan', 500);
      for (let dr = 0; dr < rowSpan; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) row[c + dc] = { parts: [], covered: true };
      }
      const anchor: RawCell = { parts: cellParts(td, opts) };
      if (colSpan > 1) anchor.colSpan = colSpan;
      if (rowSpan > 1) anchor.rowSpan = rowSpan;
      grid[r]![c] = anchor;
      c += colSpan;
    }
  });
  return grid.slice(0, trs.length).map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? { parts: [] }));
}

export function htmlToRawBlocks(html: string, opts: HtmlReadOptions): RawBlock[] {
  const root = parseHtml(html);
  const f: Flow = { blocks: [], text: '', linkText: 0, opts };
  walk(root, f, false);
  flush(f);
  return f.blocks;
}

/** The page's <title>, for a web page whose body never names the report. */
export function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? textOf(parseHtml(m[1]!)).replace(/\s+/g, ' ').trim() || null : null;
}
