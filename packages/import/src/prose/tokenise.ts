/**
 * Running text → number tokens with what stands before each: its label (back to the last
 * clause mark), its group (back to the last "；" or sentence stop), sentence index, whether it
 * sits in brackets, its amount in 万元 when it is money, and whether it is a change ("较…减少").
 */
import { scanNumbers, yuanToWan, type PrintedNumber } from '../parse-number.js';
import { DELTA_WORDS } from '../vocab/prose-vocab.js';

export interface Tok extends PrintedNumber {
  label: string;
  /** Text from the start of the current "；" group (or sentence) to the number. */
  group: string;
  sentence: number;
  inParen: boolean;
  /** In 万元 when the token is money. */
  amount: string | null;
  delta: boolean;
}

const OPEN = 1;
const CLOSE = 2;
const STOP = 3;
const SEMI = 4;
const CUT = 5;
/** Characters that end a label: brackets, sentence stops, clause marks. */
const CHAR_KIND = new Uint8Array(65536);
for (const [chars, kind] of [['（(', OPEN], ['）)', CLOSE], ['。！？!?', STOP], ['；;', SEMI], ['，,：:、', CUT]] as const) {
  for (const c of chars) CHAR_KIND[c.charCodeAt(0)] = kind;
}

export function shift(value: string, places: number): string {
  const [i = '0', f = ''] = value.split('.');
  const frac = f.padEnd(places, '0');
  const s = (i + frac.slice(0, places)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(places).replace(/0+$/, '');
  return rest ? `${s}.${rest}` : s;
}

function amountOf(n: PrintedNumber): string | null {
  if (n.unit === '元') return yuanToWan(n.value);
  if (n.unit === '亿元') return shift(n.value, 4);
  if (n.unit === '万元' || n.unit === '万') return n.value;
  return null;
}

interface Walk {
  sentence: number;
  lastCut: number;
  lastBoundary: number;
  groupStart: number;
  depth: number;
  pos: number;
}

/** Move over the text up to `until`, noting clause marks, brackets and sentence stops. */
function advance(text: string, w: Walk, until: number): void {
  for (; w.pos < until; w.pos++) {
    const kind = CHAR_KIND[text.charCodeAt(w.pos)]!;
    if (kind === 0) continue;
    if (kind === OPEN) w.depth++;
    else if (kind === CLOSE) {
      if (w.depth > 0) w.depth--;
    } else if (kind === STOP) {
      w.sentence++;
      w.groupStart = w.pos + 1;
    } else if (kind === SEMI) w.groupStart = w.pos + 1;
    w.lastCut = w.pos + 1;
    w.lastBoundary = w.pos + 1;
  }
}

const COLON = new Set(['：', ':']);

/** The words before the colon at `colon`, back to the clause mark or bracket before them. */
function colonLabel(text: string, colon: number): string {
  let a = colon;
  while (a > 0 && CHAR_KIND[text.charCodeAt(a - 1)] === 0) a--;
  return text.slice(a, colon);
}

export function tokenise(text: string): Tok[] {
  const toks: Tok[] = [];
  const w: Walk = { sentence: 0, lastCut: 0, lastBoundary: 0, groupStart: 0, depth: 0, pos: 0 };
  for (const n of scanNumbers(text)) {
    advance(text, w, n.index);
    let label = text.slice(w.lastCut, n.index);
    // "年初预算数：500万元": a label ended by a colon right before its number is still its label
    if (label.trim() === '' && w.lastCut > 0 && COLON.has(text[w.lastCut - 1]!)) label = colonLabel(text, w.lastCut - 1);
    // "预算执行率=执行数÷预算数×100%=98.5%": the label is what stands before the first "="
    if (n.percent && text[n.index - 1] === '=') {
      const clause = text.slice(w.lastBoundary, n.index);
      label = clause.slice(0, clause.indexOf('='));
    }
    const amount = amountOf(n);
    // explicit properties: an object spread here costs more than the rest of the scan
    toks.push({
      value: n.value,
      percent: n.percent,
      unit: n.unit,
      index: n.index,
      length: n.length,
      label,
      group: amount !== null || n.percent ? text.slice(w.groupStart, n.index) : '',
      sentence: w.sentence,
      inParen: w.depth > 0,
      amount,
      delta: DELTA_WORDS.test(label),
    });
    w.lastCut = n.index + n.length;
    w.pos = Math.max(w.pos, n.index + n.length);
  }
  return toks;
}

/** A group without its bracketed asides: "预算1000万元（其中基本支出700万元），全年支出…" is not about 基本支出. */
export function groupOutsideBrackets(group: string): string {
  return group.includes('（') || group.includes('(') ? group.replace(/[（(][^（）()]*[）)]/g, '') : group;
}

export function cleanLabel(s: string): string {
  return s
    .replace(/^(?:其中|另外|此外|同时|截至\d+月底|截至年底)[，,]?/, '')
    .replace(/^(?:\d{4}年(?:度)?|本年度?|全年|当年)+[，,]?/, '')
    .replace(/^(?:我(?:单位|部门|办|局|委)|本(?:单位|部门))/, '')
    .replace(/(?:总计|合计|共计)?(?:为|是|达|共)?$/, '')
    .trim();
}

function labelKey(s: string): string {
  return cleanLabel(s)
    .replace(/^(?:本年|全年|本年度|年度|决算|预算|财政拨款|部门)+/, '')
    .replace(/(?:总计|合计|的)$/, '');
}

/** Two labels for the same thing ("本年支出合计" and "支出"; "基本支出" and "基本支出"). */
export function sameLabel(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.endsWith(short);
}
