/**
 * Read an actual cell (实际完成值): numbers with units or percent, qualitative words
 * mapped to a QualitativeLevel where possible, placeholders ("——", "/", "-") as empty.
 * Never throws.
 */
import { Decimal } from '../decimal/decimal.js';
import type { QualitativeLevel } from '../model/evaluation.js';
import type { ParsedActual } from './types.js';
import { FILLER_SUFFIX_RE, type TargetHints } from './parse-target.js';
import { isDateLike, isPlaceholderText, normaliseTargetText, scanDirections } from './normalise-target-text.js';

const NOT_ACHIEVED_RE =
  /未(?:能)?(?:全部)?(?:达成|完成|达到|达标|实现|开展|落实|提高|提升|增强|改善|到位|启动)|不(?:合格|达标|满意|符合|到位|理想)|没有|尚未|无法|较差|失败|^差$|^否$/;
const PARTIAL_RE = /部分|基本|有所|初步|一定程度|一定效果|^一般$|^中$|^较好$/;
const ACHIEVED_RE =
  /达成|完成|达到|达标|实现|合格|增强|提高|提升|改善|显著|明显|良好|优秀|^优$|^良$|满意|^是$|有效|按计划|按时|及时|到位|全部|符合|落实|做到|^好$|较好|加强|规范|完善|保障/;

/** Map a qualitative word to a level; null when the word says nothing about achievement. */
export function qualitativeLevelOf(word: string): QualitativeLevel | null {
  const w = normaliseTargetText(word);
  if (w === '') return null;
  if (NOT_ACHIEVED_RE.test(w)) return 'not_achieved';
  if (PARTIAL_RE.test(w)) return 'partial';
  if (ACHIEVED_RE.test(w)) return 'achieved';
  return null;
}

const UNIT_RE = /^[\p{Script=Han}A-Za-z‰°²³/·]{1,8}$/u;

export function parseActual(text: string, hints?: TargetHints): ParsedActual {
  const raw = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  try {
    return parseActualUnsafe(raw, hints);
  } catch {
    return { kind: 'unparseable', reason: '无法识别的实际完成值', raw };
  }
}

function parseActualUnsafe(raw: string, hints: TargetHints | undefined): ParsedActual {
  const s = normaliseTargetText(raw);
  if (s === '' || isPlaceholderText(s)) return { kind: 'empty', raw };
  if (hints?.sign === 'qualitative' || isDateLike(s)) {
    return { kind: 'qualitative', level: qualitativeLevelOf(s), word: s, raw };
  }
  const { rest } = scanDirections(s);
  const numbers = rest.match(/\d+(?:\.\d+)?/g) ?? [];
  if (numbers.length === 0) {
    if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return { kind: 'unparseable', reason: `无法识别实际完成值“${s}”`, raw };
    return { kind: 'qualitative', level: qualitativeLevelOf(s), word: s, raw };
  }
  if (numbers.length > 1) {
    return { kind: 'unparseable', reason: `含有多个数字（${numbers.join('、')}），无法确定实际完成值`, raw };
  }
  const m = /^(\D*?)(-?)(\d+(?:\.\d+)?)(%?)(.*)$/u.exec(rest);
  if (!m) return { kind: 'unparseable', reason: `无法识别实际完成值“${s}”`, raw };
  const [, , minus = '', digits = '', pct = '', suffix = ''] = m;
  let value = new Decimal(`${minus}${digits}`);
  if (value.isZero()) value = new Decimal(0);
  const hintUnit = hints?.unitOfMeasure ? normaliseTargetText(hints.unitOfMeasure) : '';
  const percent = pct === '%' || (suffix === '' && (hintUnit === '%' || hintUnit === '百分比'));
  const unit = suffix !== '' && UNIT_RE.test(suffix) && !FILLER_SUFFIX_RE.test(suffix) ? suffix : !percent && hintUnit !== '' && hintUnit !== '%' ? hintUnit : null;
  return { kind: 'quantitative', value, unit, percent, raw };
}
