/** Reading printed numbers: thousands separators, percentages, "not applicable" marks. */

export interface PrintedNumber {
  /** Canonical decimal string, no sign for positives, no separators ("1234.5"). */
  value: string;
  percent: boolean;
  /** Unit text right after the number ("万元", "元", "人", "分", "个"), or null. */
  unit: string | null;
  /** Offset of the number within the text it was read from, and its length. */
  index: number;
  length: number;
}

/** Cells that mean "not applicable / nothing entered". */
export const NOT_APPLICABLE_RE = /^(?:[—–\-－―]{1,3}|[/／\\]|无|不适用|n\/?a|null|空|\.{3,}|…+)$/i;

const NUM_RE = /(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%|％|万元|元|万|亿元|人|个|分|次|项|条|件|名|户|家|天|年度|年|月|日|㎡|m2|平方米)?/;

export function canonicalDecimal(intPart: string, frac: string | undefined, negative = false): string {
  let s = intPart.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (frac && frac.length > 1) s += frac;
  return negative && !/^0(\.0+)?$/.test(s) ? `-${s}` : s;
}

/** The number a table cell holds, or null when it is empty, "——", text, etc. */
export function parseCellNumber(text: string): PrintedNumber | null {
  const t = text.replace(/[\s\u3000]+/g, '');
  if (t === '' || NOT_APPLICABLE_RE.test(t)) return null;
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|％|万元|元|人|个|分|次|项|条|件|名)?$/.exec(t);
  if (!m) return null;
  const unit = m[4] ?? null;
  const percent = unit === '%' || unit === '％';
  return {
    value: canonicalDecimal(m[2]!, m[3], m[1] === '-'),
    percent,
    unit: percent ? null : unit,
    index: text.indexOf(m[2]![0]!),
    length: m[0].length,
  };
}

/** A value the host site hid ("****", "点击查看>>"): unknown, never zero. */
export const MASKED_RE = /^(?:\*{2,}|[×xX＊]{3,})$|点击查看|请登录|登录后查看|会员可见|查看完整/;

export function isMaskedCell(text: string): boolean {
  return MASKED_RE.test(text.replace(/[\s\u3000]+/g, ''));
}

/** Is this cell a blank / not-applicable mark (as opposed to text)? */
export function isBlankCell(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  return t === '' || NOT_APPLICABLE_RE.test(t);
}

/** All numbers in a piece of prose, left to right. */
const NUM_RE_G = new RegExp(NUM_RE.source, 'g');

export function scanNumbers(text: string): PrintedNumber[] {
  const out: PrintedNumber[] = [];
  const re = NUM_RE_G;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '' || m[0] === '-') {
      re.lastIndex++;
      continue;
    }
    const unit = m[4] ?? null;
    const percent = unit === '%' || unit === '％';
    out.push({
      value: canonicalDecimal(m[2]!, m[3], m[1] === '-'),
      percent,
      unit: percent ? null : unit,
      index: m.index + m[1]!.length,
      length: m[0].length - m[1]!.length,
    });
  }
  return out;
}

/** 元 → 万元, exactly (decimal shift), trailing zeros trimmed. */
export function yuanToWan(value: string): string {
  const neg = value.startsWith('-');
  const v = neg ? value.slice(1) : value;
  const [i = '0', f = ''] = v.split('.');
  const padded = i.padStart(5, '0');
  const head = padded.slice(0, -4).replace(/^0+(?=\d)/, '');
  const frac = (padded.slice(-4) + f).replace(/0+$/, '');
  const s = frac ? `${head}.${frac}` : head;
  return neg && s !== '0' ? `-${s}` : s;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 → number; null if not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  if (s.includes('百')) {
    const [h, rest] = s.split('百');
    const hv = h === '' ? 1 : CN_DIGITS[h!];
    if (hv === undefined) return null;
    const r = rest ? chineseNumeral(rest.replace(/^零/, '')) : 0;
    return r === null ? null : hv * 100 + r;
  }
  if (s.includes('十')) {
    const [t, u] = s.split('十');
    const tv = t === '' ? 1 : CN_DIGITS[t!];
    const uv = u === '' || u === undefined ? 0 : CN_DIGITS[u];
    if (tv === undefined || uv === undefined) return null;
    return tv * 10 + uv;
  }
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  return null;
}
