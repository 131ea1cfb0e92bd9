import { describe, expect, it } from 'vitest';
import { findTables, joinWrapped, type PdfItem } from './pdf-lattice.js';
import type { PageRules, Segment } from './pdf-rules.js';

const h = (y: number, x1: number, x2: number): Segment => ({ x1, x2, y1: y, y2: y });
const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });
const item = (str: string, x: number, y: number): PdfItem => ({ str, x, y, w: str.length * 8, h: 8 });
/** One line per baseline, as the reader groups them. */
const toLines = (items: PdfItem[]) => {
  const ys = [...new Set(items.map((i) => i.y))].sort((a, b) => b - a);
  return ys.map((y) => items.filter((i) => i.y === y).sort((a, b) => a.x - b.x).map((i) => i.str).join(' '));
};

describe('ruled tables of a PDF page', () => {
  // columns at x 0 | 60 | 160 | 260, rows at y 100 | 80 | 60 | 40 (the top of the page first)
  // merged: the header over columns 1–2 (no border at x 160 in the top row), column 0 over rows 1–2 (no border at y 60 there)
  const rules: PageRules = {
    h: [h(100, 0, 260), h(80, 0, 260), h(60, 60, 260), h(40, 0, 260), h(320, 300, 400), h(300, 300, 400)],
    v: [v(0, 40, 100), v(60, 40, 100), v(160, 40, 80), v(260, 40, 100), v(300, 300, 320), v(400, 300, 320)],
  };
  const items = [
    item('标题', 0, 120),
    item('项目', 5, 88),
    item('全年预算数', 80, 88),
    item('项目资金', 5, 70),
    item('（万元）', 5, 58),
    item('100.00', 70, 68),
    item('90.00', 170, 68),
    item('80.00', 170, 48),
    item('框内的字', 310, 305),
  ];

  it('rebuilds the grid with merged cells as spans and a heading wrapped over lines as one text', () => {
    const { tables, rest } = findTables(rules, items, toLines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!).toMatchObject({ top: 100, bottom: 40 });
    expect(tables[0]!.rows).toEqual([
      [{ parts: ['项目'] }, { parts: ['全年预算数'], colSpan: 2 }, { parts: [], covered: true }],
      [{ parts: ['项目资金（万元）'], rowSpan: 2 }, { parts: ['100.00'] }, { parts: ['90.00'] }],
      [{ parts: [], covered: true }, { parts: [] }, { parts: ['80.00'] }],
    ]);
    // text outside the table, and inside a lone frame (one cell is no table), stays text
    expect(rest.map((i) => i.str)).toEqual(['标题', '框内的字']);
  });

  it('borders drawn cell by cell are one line', () => {
    const pieces: PageRules = {
      h: [h(100, 0, 60), h(100, 60, 120), h(80, 0, 120), h(60, 0, 60), h(60, 60, 120)],
      v: [v(0, 80, 100), v(0, 60, 80), v(60, 60, 100), v(120, 80, 100), v(120, 60, 80)],
    };
    const { tables } = findTables(pieces, [item('a', 5, 88), item('b', 65, 68)], toLines);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.parts.join('')))).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('wrapped lines join with a space only between two Latin words', () => {
    expect(joinWrapped('≤', '263.38')).toBe('≤263.38');
    expect(joinWrapped('偏差原因分析及改进', '措施')).toBe('偏差原因分析及改进措施');
    expect(joinWrapped('Annual', 'budget')).toBe('Annual budget');
  });
});
