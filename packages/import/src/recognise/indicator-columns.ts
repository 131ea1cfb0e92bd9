/**
 * Columns of an indicator table: the header's, a second header row that refines them, and —
 * for rows with fewer cells than the header (PDF text and OCR drop empty cells; merged cells
 * vanish) — columns read from the right, where the numbers are.
 */
import { parseCellNumber } from '../parse-number.js';
import { isBlankCell } from '../parse-number.js';
import type { Cell } from '../document/document.js';
import { INDICATOR_COLUMNS, LEVEL1_NAME, type IndicatorColumn } from '../vocab/table-vocab.js';
import { aligned, num } from './cells.js';

const SUB_HEADER_WORD = /^(?:年初|调整后?|全年|年度|初始|预期|指标值|目标值|实际|完成值|分值|得分|值|计量单位|指标性质)/;

export function isSubHeader(texts: string[]): boolean {
  const filled = texts.map((t) => t.replace(/[\s\u3000]+/g, '')).filter((t) => t !== '');
  if (filled.length === 0 || filled.some((t) => t.length > 10 || parseCellNumber(t) !== null)) return false;
  if (filled.every((t) => SUB_HEADER_WORD.test(t))) return true;
  // the wrapped second line of header cells ("偏差原因分析" / "及改进措施")
  return filled.every((t) => /^(?:及|和|与|或|（|\()|措施$|原因$|说明$|分析$|\)$|）$/.test(t) && !LEVEL1_NAME.test(t) && !/指标$/.test(t));
}

function subColumn(t: string): IndicatorColumn | null {
  if (/^(?:年初|初始)/.test(t)) return 'initialTarget';
  if (/^(?:调整|全年|年度)/.test(t)) return 'target';
  if (/实际|完成/.test(t)) return 'actual';
  for (const v of INDICATOR_COLUMNS) if (v.re.test(t)) return v.key;
  return null;
}

export function refineIndicatorHeader(cols: Array<IndicatorColumn | null>, texts: string[]): void {
  const H = cols.length;
  texts.forEach((raw, i) => {
    const t = raw.replace(/[\s\u3000]+/g, '');
    if (t === '') return;
    const j = aligned(texts.length, H, i);
    if (j < 0 || j >= H) return;
    const k = subColumn(t);
    if (k) cols[j] = k;
  });
  // the column right of a split "年度指标值" that the upper row left empty
  for (let j = 1; j < H; j++) if (cols[j] === null && cols[j - 1] === 'initialTarget') cols[j] = 'target';
}

function lastPlainNumber(cells: Cell[], idx: number[]): number {
  for (let k = idx.length - 1; k >= 0; k--) {
    const n = num(cells[idx[k]!]);
    if (n && !n.percent) return k;
  }
  return -1;
}

/** Read a short row from the right: score, weight, actual, target, then names, the deepest level nearest. */
export function semanticColumns(cells: Cell[], texts: string[]): Partial<Record<IndicatorColumn, number>> {
  const idx = texts.map((_, i) => i).filter((i) => !isBlankCell(texts[i]!));
  const out: Partial<Record<IndicatorColumn, number>> = {};
  const last = lastPlainNumber(cells, idx);
  let names: number[] = idx;
  const before = last >= 1 ? num(cells[idx[last - 1]!]) : null;
  if (before && !before.percent) {
    out.score = idx[last]!;
    out.weight = idx[last - 1]!;
    if (last + 1 < idx.length) out.reason = idx[last + 1]!;
    let k = last - 2;
    if (k >= 0) out.actual = idx[k--]!;
    if (k >= 0) out.target = idx[k--]!;
    names = idx.slice(0, Math.max(0, k + 1));
  }
  const order: IndicatorColumn[] = ['level3', 'level2', 'level1'];
  const hasLeaf = out.weight !== undefined;
  const pool = [...names];
  if (!hasLeaf) order.shift();
  for (const key of order) {
    const i = pool.pop();
    if (i === undefined) break;
    out[key] = i;
  }
  // a lone level name: a level-1 name only if it reads like one
  const l2 = out.level2 !== undefined ? texts[out.level2]!.replace(/\s+/g, '') : '';
  if (!hasLeaf && out.level1 === undefined && out.level2 !== undefined && LEVEL1_NAME.test(l2) && !/效益指标$|^(?:数量|质量|时效|成本)指标$/.test(l2)) {
    out.level1 = out.level2;
    delete out.level2;
  }
  return out;
}
