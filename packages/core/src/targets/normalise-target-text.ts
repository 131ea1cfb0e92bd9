/**
 * Shared text clean-up for target and actual cells: NFKC (full-width digits and
 * symbols), LaTeX debris from PDF conversion ("$\geq 90\%$"), ASCII comparison
 * operators, whitespace, thousands separators and trailing punctuation.
 */

const LATEX_MARKS = /[[\\${}]/;
const COMPARISON_MARKS = /[=≧⩾≦⩽]/;

export function normaliseTargetText(input: unknown): string {
  let s = typeof input === 'string' ? input : input === null || input === undefined ? '' : String(input);
  s = s.normalize('NFKC');
  // LaTeX debris and bookmarks all need one of these characters; most cells have none.
  if (LATEX_MARKS.test(s)) {
    s = s
      .replace(/\[bookmark:[^\]]*\]/gi, '')
      .replace(/\\(?:text|mathrm|mathbf|rm|textrm)\s*\{([^{}]*)\}/g, '$1')
      .replace(/\\(?:geqslant|geq|ge)(?![a-zA-Z])/g, '≥')
      .replace(/\\(?:leqslant|leq|le)(?![a-zA-Z])/g, '≤')
      .replace(/\\gt(?![a-zA-Z])/g, '>')
      .replace(/\\lt(?![a-zA-Z])/g, '<')
      .replace(/\\%/g, '%')
      .replace(/\\[,;:! ]/g, '')
      .replace(/\$/g, '')
      .replace(/[{}]/g, '');
  }
  s = s.replace(/\s+/g, '');
  // Each step below runs only when the character its pattern needs occurs (same result, less work).
  if (COMPARISON_MARKS.test(s)) {
    s = s.replace(/>=|=>/g, '≥').replace(/<=|=</g, '≤').replace(/[≧⩾]/g, '≥').replace(/[≦⩽]/g, '≤');
  }
  if (s.includes('﹪')) s = s.replace(/﹪/g, '%');
  // NFKC turns ㎡ into "m2": keep the exponent out of the digits.
  if (s.includes('m')) {
    s = s.replace(/(\d)(k?m)([23])(?!\d)/g, (_m, d: string, u: string, e: string) => `${d}${u}${e === '2' ? '²' : '³'}`);
  }
  // Thousands separators: 1,234,567.8 → 1234567.8
  if (s.includes(',')) s = s.replace(/(\d),(?=\d{3}(?:,\d{3})*(?!\d))/g, '$1');
  // "(含)" marks an inclusive bound; other parenthetical remarks are notes, not part of the value.
  if (s.includes('(')) {
    s = s.replace(/\((?:含|含本数|包含)\)/g, '');
    const withoutNotes = s.replace(/\([^()]*\)/g, '');
    if (withoutNotes !== '') s = withoutNotes;
  }
  s = s.replace(/^[。;；,，、:：]+|[。;；,，、:：]+$/g, '');
  s = chineseCountsToDigits(s);
  return s;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_MEASURE = '(?:小时|人次|[次个项人轮期场批家所户篇份天件名位条套台辆本起周])';

/** "三" → 3, "十二" → 12, "一百零五" → 105; null when not a plain Chinese count. */
export function chineseNumeralValue(s: string): number | null {
  if (s === '' || s.length > 8) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== null) return null;
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_UNITS) {
      total += (digit ?? 1) * CN_UNITS[ch]!;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const CN_COUNT_RE = new RegExp(`([零〇一二两三四五六七八九十百千]+)(?=${CN_MEASURE}(?:及以上|以上|及以下|以下|以内)?$)`, 'g');

/** Counts written in Chinese before a measure word ("不少于三次") become digits ("不少于3次"). */
function chineseCountsToDigits(s: string): string {
  if (/\d/.test(s)) return s;
  // Only a count at the end ("不少于三次", "两个以上"), so "一次性完成" stays words.
  return s.replace(CN_COUNT_RE, (m: string) => {
    const v = chineseNumeralValue(m);
    return v === null ? m : String(v);
  });
}

/** Cells that mean "nothing entered": empty, dashes, slashes, dots. */
export function isPlaceholderText(s: string): boolean {
  return /^[-—–―_/\\、.。·…~〜]*$/.test(s) || /^(?:n\/?a|null|none)$/i.test(s);
}

/** Deadlines such as "12月底前", "2023年12月31日" are qualitative targets, not numbers. */
export function isDateLike(s: string): boolean {
  return /(?<!\d)(?:19|20)\d{2}年(?:\d|底|末|前|内|之前|以前|上半年|下半年)|\d{1,2}月(?:\d|底|末|前|中|上旬|中旬|下旬|份)|(?<![\d.])(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}(?!\d)/.test(
    s,
  );
}

export type Direction = 'ge' | 'gt' | 'le' | 'lt' | 'eq';

/** Direction words, longest first so that 不超过 wins over 超过 and 不低于 over 低于. */
const DIRECTION_WORDS: Array<[string, Direction]> = (
  [
    ['大于或等于', 'ge'],
    ['高于或等于', 'ge'],
    ['小于或等于', 'le'],
    ['低于或等于', 'le'],
    ['大于等于', 'ge'],
    ['小于等于', 'le'],
    ['不得低于', 'ge'],
    ['不得少于', 'ge'],
    ['不得超过', 'le'],
    ['不得高于', 'le'],
    ['不低于', 'ge'],
    ['不少于', 'ge'],
    ['不小于', 'ge'],
    ['不短于', 'ge'],
    ['不下于', 'ge'],
    ['不超过', 'le'],
    ['不高于', 'le'],
    ['不多于', 'le'],
    ['不大于', 'le'],
    ['不超出', 'le'],
    ['及以上', 'ge'],
    ['及以下', 'le'],
    ['以上', 'ge'],
    ['以下', 'le'],
    ['以内', 'le'],
    ['之内', 'le'],
    ['达到', 'ge'],
    ['至少', 'ge'],
    ['至多', 'le'],
    ['最多', 'le'],
    ['最少', 'ge'],
    ['大于', 'gt'],
    ['高于', 'gt'],
    ['超过', 'gt'],
    ['多于', 'gt'],
    ['小于', 'lt'],
    ['低于', 'lt'],
    ['少于', 'lt'],
    ['不足', 'lt'],
    ['等于', 'eq'],
    ['≥', 'ge'],
    ['≤', 'le'],
    ['>', 'gt'],
    ['<', 'lt'],
    ['=', 'eq'],
  ] as Array<[string, Direction]>
).sort((a, b) => b[0].length - a[0].length);

export interface DirectionScan {
  /** The text with direction words removed. */
  rest: string;
  /** Direction words found, in order. */
  words: Array<{ word: string; direction: Direction }>;
}

/** DIRECTION_WORDS by first character (longest first within each), so a scan tries only those that can match. */
const DIRECTION_WORDS_BY_FIRST: ReadonlyMap<string, ReadonlyArray<[string, Direction]>> = (() => {
  const m = new Map<string, Array<[string, Direction]>>();
  for (const entry of DIRECTION_WORDS) {
    const first = entry[0][0]!;
    const list = m.get(first);
    if (list) list.push(entry);
    else m.set(first, [entry]);
  }
  return m;
})();
const NO_WORDS: ReadonlyArray<[string, Direction]> = [];

export function scanDirections(s: string): DirectionScan {
  const words: DirectionScan['words'] = [];
  let rest = '';
  let i = 0;
  outer: while (i < s.length) {
    for (const [w, d] of DIRECTION_WORDS_BY_FIRST.get(s[i]!) ?? NO_WORDS) {
      if (s.startsWith(w, i)) {
        words.push({ word: w, direction: d });
        i += w.length;
        continue outer;
      }
    }
    rest += s[i];
    i++;
  }
  return { rest, words };
}
