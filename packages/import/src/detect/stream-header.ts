/**
 * The header of a funds table in a run of tokens whose layout was lost: consecutive column
 * titles, with their units ("(万元)") and column letters ("(A)") and a title wrapped in two
 * ("执行" … "率") joined again. It is a header when the funds recogniser claims it.
 */
import { fundsTable } from '../recognise/funds-table.js';
import { FUNDS_COLUMNS, TITLE_FIRST_HALF, type FundsColumn } from '../vocab/table-vocab.js';
import { isColumnNote, isUnitToken, type Token } from './stream-tokens.js';

export interface StreamHeader {
  /** One token per column (texts joined where a title was wrapped or lettered). */
  cells: Token[];
  cols: Array<FundsColumn | null>;
  /** Index of the first token after the header. */
  next: number;
  yuan: boolean;
}

/** A clause of a sentence, or a figure with its words ("99.71%（全年执行数÷全年预算数）。"): never a column title. */
const NOT_A_TITLE = /[，。；]|\d%|\d\.\d/;
/** A column's letter or formula after its title ("(D/C×100%)"). */
const COLUMN_NOTE = /[（(][A-Z][^）)]*[）)]/g;

function columnOf(text: string): FundsColumn | null {
  const s = text.replace(/\s+/g, '');
  if (s === '' || s.length > 24 || NOT_A_TITLE.test(s.replace(COLUMN_NOTE, ''))) return null;
  return FUNDS_COLUMNS.find((v) => v.re.test(s))?.key ?? null;
}

/** A short piece of a wrapped title ("执行", "率"). */
function isFragment(text: string): boolean {
  return /^[\u4e00-\u9fa5、]{1,3}$/.test(text);
}

function joinTokens(a: Token, b: Token): Token {
  return { ...a, text: a.text + b.text, end: a.line === b.line ? b.end : a.end };
}

/** A title's first half and the title it completes ("年初" + "预算数" → 年初预算数, not 预算数 alone). */
function prefixJoins(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && TITLE_FIRST_HALF.test(a.text) && columnOf(a.text + b.text) !== null;
}

/**
 * Join wrapped titles: a title's first half with the title it completes; an unnamed piece with the
 * next unnamed piece when together they name a column.
 */
function joinFragments(cells: Token[], ends: number[]): { cells: Token[]; ends: number[] } {
  const out = [...cells];
  const end = [...ends];
  const join = (k: number, m: number) => {
    out[k] = joinTokens(out[k]!, out[m]!);
    end[k] = Math.max(end[k]!, end[m]!);
    out.splice(m, 1);
    end.splice(m, 1);
  };
  for (let k = 0; k + 1 < out.length; k++) if (prefixJoins(out[k], out[k + 1])) join(k, k + 1);
  for (let k = 0; k < out.length; k++) {
    if (columnOf(out[k]!.text)) continue;
    const m = out.findIndex((c, j) => j > k && !columnOf(c.text));
    if (m < 0 || !columnOf(out[k]!.text + out[m]!.text)) continue;
    join(k, m);
  }
  return { cells: out, ends: end };
}

/** A title with its column letter or formula when one follows ("预算执行" "(E/C×100%)"). */
function titleAt(toks: Token[], j: number): { tok: Token; next: number } {
  const t = toks[j]!;
  const note = toks[j + 1];
  return note && isColumnNote(note.text) ? { tok: joinTokens(t, note), next: j + 2 } : { tok: t, next: j + 1 };
}

/** Whether token i names a funds column (with its letter when one follows): where a header may start. */
export function startsHeader(toks: Token[], i: number): boolean {
  return columnOf(titleAt(toks, i).tok.text) !== null || prefixJoins(toks[i], toks[i + 1]);
}

/** The header starting at token i, or null. */
export function headerAt(toks: Token[], i: number): StreamHeader | null {
  if (!startsHeader(toks, i)) return null;
  const cells: Token[] = [];
  /** For each title, the index of the token after it. */
  const ends: number[] = [];
  let yuan = false;
  let j = i;
  while (j < toks.length) {
    const t = toks[j]!.text;
    if (isUnitToken(t)) {
      yuan ||= /^[（(]元[）)]$/.test(t);
      j++;
      continue;
    }
    const { tok, next } = titleAt(toks, j);
    if (!columnOf(tok.text) && !isFragment(tok.text)) break;
    cells.push(tok);
    j = next;
    ends.push(j);
  }
  const { cells: joined, ends: joinedEnds } = joinFragments(cells, ends);
  while (joined.length > 0 && !columnOf(joined[joined.length - 1]!.text)) {
    joined.pop();
    joinedEnds.pop();
  }
  const cols = joined.map((c) => columnOf(c.text));
  if (cols.filter(Boolean).length < 2 || !fundsTable.claim(joined.map((c) => c.text))) return null;
  // a short word after the last title ("总额") is the first row's label, read again as the rows' start
  return { cells: joined, cols, next: Math.max(...joinedEnds), yuan };
}
