/**
 * Read a target cell (年度指标值) as written in real tables: "≥95%", ">=3", "≤90万元",
 * "不少于3个", "达到90%及以上", "90%-95%", "0起", "$\geq 90\%$", qualitative words
 * ("有效增强", "按计划完成", "是") … Never throws: anything it cannot read comes back as
 * `kind: 'unparseable'` with a plain Chinese reason.
 */
import { Decimal } from '../decimal/decimal.js';
import type { Sign } from '../model/evaluation.js';
import type { ParsedTarget, TargetSign } from './types.js';
import {
  isDateLike,
  isPlaceholderText,
  normaliseTargetText,
  scanDirections,
  type Direction,
} from './normalise-target-text.js';

export interface TargetHints {
  /** Sign from a separate 指标性质 column. */
  sign?: Sign | null;
  /** Unit from a separate 计量单位 column ("%" means percent). */
  unitOfMeasure?: string | null;
}

const NUMBER_RE = /\d+(?:\.\d+)?/g;
/** Verbs that trail a number ("100%完成") and are not a unit. */
export const FILLER_SUFFIX_RE = /^(?:完成|实现|覆盖|达标|办结|到位|落实|兑现|执行)$/;
const UNIT_RE = /^[\p{Script=Han}A-Za-z‰°²³/·]{1,8}$/u;
const RANGE_RE =
  /^(\D*?)(-?)(\d+(?:\.\d+)?)(%?)([\p{Script=Han}A-Za-z‰°²³/·]*)(?:-|~|～|〜|—|–|―|至|到)(-?)(\d+(?:\.\d+)?)(%?)([\p{Script=Han}A-Za-z‰°²³/·]*)$/u;

const DIRECTION_SIGN: Record<Direction, TargetSign> = { ge: '>=', gt: '>', le: '<=', lt: '<', eq: '=' };

function toDecimal(sign: string, digits: string): Decimal {
  const d = new Decimal(`${sign}${digits}`);
  return d.isZero() ? new Decimal(0) : d;
}

function unparseable(reason: string, raw: string): ParsedTarget {
  return { kind: 'unparseable', reason, raw };
}

function hintUnit(hints: TargetHints | undefined): { unit: string | null; percent: boolean } {
  const u = hints?.unitOfMeasure ? normaliseTargetText(hints.unitOfMeasure) : '';
  if (u === '') return { unit: null, percent: false };
  if (u === '%' || u === '百分比' || u === '百分率') return { unit: null, percent: true };
  return { unit: u, percent: false };
}

/** Pick one sign from the direction words, or explain the contradiction. */
export function resolveDirection(
  words: Array<{ word: string; direction: Direction }>,
): { sign: TargetSign | null } | { contradiction: string } {
  const up = words.filter((w) => w.direction === 'ge' || w.direction === 'gt');
  const down = words.filter((w) => w.direction === 'le' || w.direction === 'lt');
  if (up.length > 0 && down.length > 0) {
    const list = (xs: typeof words) => [...new Set(xs.map((x) => x.word))].map((w) => `“${w}”`).join('');
    const [first, second] = words.indexOf(up[0]!) < words.indexOf(down[0]!) ? [up, down] : [down, up];
    return { contradiction: `同时出现${list(first)}和${list(second)}，方向矛盾` };
  }
  if (up.length > 0) return { sign: up.some((w) => w.direction === 'ge') ? '>=' : '>' };
  if (down.length > 0) return { sign: down.some((w) => w.direction === 'le') ? '<=' : '<' };
  if (words.some((w) => w.direction === 'eq')) return { sign: '=' };
  return { sign: null };
}

export function parseTarget(text: string, hints?: TargetHints): ParsedTarget {
  const raw = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  try {
    return parseTargetUnsafe(raw, hints);
  } catch {
    return unparseable('无法识别的指标值', raw);
  }
}

function parseTargetUnsafe(raw: string, hints: TargetHints | undefined): ParsedTarget {
  const s = normaliseTargetText(raw);
  if (s === '') return unparseable('未填写指标值', raw);
  if (isPlaceholderText(s)) return unparseable(`指标值为占位符“${s}”，未填写具体目标`, raw);

  if (hints?.sign === 'qualitative' || isDateLike(s)) {
    return { kind: 'qualitative', level: s, raw };
  }

  const { rest, words } = scanDirections(s);
  const dir = resolveDirection(words);
  if ('contradiction' in dir) return unparseable(dir.contradiction, raw);

  const numbers = rest.match(NUMBER_RE) ?? [];
  if (numbers.length === 0) {
    if (!/[\p{Script=Han}]/u.test(s)) return unparseable(`无法识别指标值“${s}”`, raw);
    return { kind: 'qualitative', level: s, raw };
  }

  const hinted = hintUnit(hints);

  if (numbers.length === 2) {
    const m = RANGE_RE.exec(rest);
    if (m) {
      const [, prefix = '', s1 = '', n1 = '', p1 = '', u1 = '', s2 = '', n2 = '', p2 = '', u2 = ''] = m;
      if (/[^\p{Script=Han}A-Za-z]/u.test(prefix)) return unparseable(`无法识别指标值“${s}”`, raw);
      if (u1 !== '' && u2 !== '' && u1 !== u2) return unparseable(`区间两端单位不一致（${u1}、${u2}）`, raw);
      let lo = toDecimal(s1, n1);
      let hi = toDecimal(s2, n2);
      if (lo.greaterThan(hi)) [lo, hi] = [hi, lo];
      const unitText = u2 || u1;
      const percent = p1 === '%' || p2 === '%' || (unitText === '' && hinted.percent);
      const unit = unitText !== '' ? unitText : percent ? null : hinted.unit;
      return { kind: 'quantitative', sign: '>=', value: lo, upper: hi, unit, percent, raw };
    }
  }
  if (numbers.length > 1) {
    return unparseable(`含有多个数字（${numbers.join('、')}），无法确定指标值`, raw);
  }

  const m = /^(\D*?)(-?)(\d+(?:\.\d+)?)(%?)(.*)$/u.exec(rest);
  if (!m) return unparseable(`无法识别指标值“${s}”`, raw);
  const [, prefix = '', minus = '', digits = '', pct = '', suffix = ''] = m;
  if (prefix !== '' && !/^[\p{Script=Han}A-Za-z]*$/u.test(prefix)) {
    return unparseable(`无法识别指标值“${s}”`, raw);
  }
  const unitText = FILLER_SUFFIX_RE.test(suffix) ? '' : suffix;
  if (unitText !== '' && !UNIT_RE.test(unitText)) {
    return unparseable(`无法识别计量单位“${unitText}”`, raw);
  }
  const value = toDecimal(minus, digits);
  const percent = pct === '%' || (unitText === '' && hinted.percent);
  const unit = unitText !== '' ? unitText : percent ? null : hinted.unit;
  const hintSign: TargetSign | null = hints?.sign ?? null;
  const sign: TargetSign = dir.sign ?? hintSign ?? '=';
  return { kind: 'quantitative', sign, value, upper: null, unit, percent, raw };
}

export { DIRECTION_SIGN };
