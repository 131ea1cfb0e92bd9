/**
 * Ruled tables of a PDF page, read from their drawn borders (a "lattice"): the rules that
 * touch each other form a table; their distinct x and y positions the grid; a missing border
 * between two grid cells merges them (kept as a span on the anchor and `covered` cells, as
 * for a .docx table); each text item goes to the cell its centre lies in, and a cell's lines
 * are joined again — a heading wrapped over three lines of a narrow column is one text.
 */
import type { RawCell } from '../document/raw-blocks.js';
import type { PageRules, Segment } from './pdf-rules.js';

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  w: number;
  h: number;
}

export interface LatticeTable {
  /** Top and bottom edge (page space: y grows upwards). */
  top: number;
  bottom: number;
  rows: RawCell[][];
}

/** Lines of text wrapped by the page joined again: with a space only where the break fell between two Latin words. */
export function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** Positions this close (points) are one rule. */
const TOL = 2.5;

/** Pieces of one line drawn cell by cell, joined: collinear segments that touch or overlap. */
function joinCollinear(segs: Segment[], vertical: boolean): Segment[] {
  const pos = (s: Segment) => (vertical ? s.x1 : s.y1);
  const [from, to] = vertical ? (['y1', 'y2'] as const) : (['x1', 'x2'] as const);
  const out: Segment[] = [];
  for (const s of [...segs].sort((a, b) => pos(a) - pos(b) || a[from] - b[from])) {
    const last = out.find((o) => Math.abs(pos(o) - pos(s)) <= TOL && s[from] <= o[to] + TOL && s[to] >= o[from] - TOL);
    if (last) last[to] = Math.max(last[to], s[to]);
    else out.push({ ...s });
  }
  return out;
}

/** Connected groups of rules: a horizontal and a vertical one touch where they cross or meet. */
function groups(page: PageRules): Array<{ h: Segment[]; v: Segment[] }> {
  const rules = { h: joinCollinear(page.h, false), v: joinCollinear(page.v, true) };
  const all = [...rules.h, ...rules.v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  rules.h.forEach((h, i) => {
    rules.v.forEach((v, j) => {
      const touch = v.x1 >= h.x1 - TOL && v.x1 <= h.x2 + TOL && h.y1 >= v.y1 - TOL && h.y1 <= v.y2 + TOL;
      if (touch) parent[find(i)] = find(rules.h.length + j);
    });
  });
  const byRoot = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((s, i) => {
    const g = byRoot.get(find(i)) ?? { h: [], v: [] };
    (i < rules.h.length ? g.h : g.v).push(s);
    byRoot.set(find(i), g);
  });
  return [...byRoot.values()];
}

/** Distinct positions, ascending, those within the tolerance taken as one. */
function cluster(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (out.length && v - out[out.length - 1]! <= TOL) continue;
    out.push(v);
  }
  return out;
}

interface Grid {
  xs: number[];
  /** Descending (top of the page first). */
  ys: number[];
  g: { h: Segment[]; v: Segment[] };
}

const hasV = (grid: Grid, x: number, yTop: number, yBottom: number) => {
  const mid = (yTop + yBottom) / 2;
  return grid.g.v.some((s) => Math.abs(s.x1 - x) <= TOL && s.y1 - TOL <= mid && s.y2 + TOL >= mid);
};
const hasH = (grid: Grid, y: number, xLeft: number, xRight: number) => {
  const mid = (xLeft + xRight) / 2;
  return grid.g.h.some((s) => Math.abs(s.y1 - y) <= TOL && s.x1 - TOL <= mid && s.x2 + TOL >= mid);
};

/** Grid cells joined where no border separates them: each cell's region id (row-major index of its root). */
function regions(grid: Grid): number[] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (c + 1 < cols && !hasV(grid, grid.xs[c + 1]!, grid.ys[r]!, grid.ys[r + 1]!)) join(i, i + 1);
      if (r + 1 < rows && !hasH(grid, grid.ys[r + 1]!, grid.xs[c]!, grid.xs[c + 1]!)) join(i, i + cols);
    }
  }
  return parent.map((_, i) => find(i));
}

/** The grid index an item's centre falls in, or -1 outside the table. */
function cellOf(grid: Grid, it: PdfItem): number {
  const cx = it.x + it.w / 2;
  const cy = it.y + it.h * 0.35;
  const c = grid.xs.findIndex((x, i) => i + 1 < grid.xs.length && cx >= x && cx < grid.xs[i + 1]!);
  const r = grid.ys.findIndex((y, i) => i + 1 < grid.ys.length && cy <= y && cy > grid.ys[i + 1]!);
  return c < 0 || r < 0 ? -1 : r * (grid.xs.length - 1) + c;
}

/** The table's rows: anchors with their spans and text, covered cells where a merge reaches. */
function gridRows(grid: Grid, region: number[], text: Map<number, string[]>): RawCell[][] {
  const cols = grid.xs.length - 1;
  const rows: RawCell[][] = [];
  const extent = new Map<number, { r1: number; c1: number }>();
  region.forEach((root, i) => {
    const e = extent.get(root) ?? { r1: 0, c1: 0 };
    extent.set(root, { r1: Math.max(e.r1, Math.floor(i / cols)), c1: Math.max(e.c1, i % cols) });
  });
  for (let r = 0; r < grid.ys.length - 1; r++) {
    const row: RawCell[] = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const root = region[i]!;
      if (root !== i) {
        row.push({ parts: [], covered: true });
        continue;
      }
      const e = extent.get(root)!;
      const cell: RawCell = { parts: text.get(root) ?? [] };
      if (e.c1 > c) cell.colSpan = e.c1 - c + 1;
      if (e.r1 > r) cell.rowSpan = e.r1 - r + 1;
      row.push(cell);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * The ruled tables of a page and the items they hold (removed from `items`). `toLines` turns
 * a cell's items into its lines of text (the reader's own baseline grouping).
 */
export function findTables(rules: PageRules, items: PdfItem[], toLines: (items: PdfItem[]) => string[]): { tables: LatticeTable[]; rest: PdfItem[] } {
  const tables: LatticeTable[] = [];
  let rest = items;
  for (const g of groups(rules)) {
    const grid: Grid = { xs: cluster(g.v.map((s) => s.x1)), ys: cluster(g.h.map((s) => s.y1)).reverse(), g };
    // a table has at least two cells; a lone frame around a paragraph is no table
    if (grid.xs.length < 2 || grid.ys.length < 2 || (grid.xs.length - 1) * (grid.ys.length - 1) < 2) continue;
    const region = regions(grid);
    const inCell = new Map<number, PdfItem[]>();
    const outside: PdfItem[] = [];
    for (const it of rest) {
      const i = cellOf(grid, it);
      if (i < 0) outside.push(it);
      else inCell.set(region[i]!, [...(inCell.get(region[i]!) ?? []), it]);
    }
    // a cell's lines are one text wrapped by its width (a PDF does not tell them from paragraphs)
    const text = new Map([...inCell].map(([k, v]) => [k, [toLines(v).map((l) => l.replace(/\t+/g, ' ').trim()).reduce(joinWrapped)]]));
    tables.push({ top: grid.ys[0]!, bottom: grid.ys[grid.ys.length - 1]!, rows: gridRows(grid, region, text) });
    rest = outside;
  }
  return { tables, rest };
}
