/**
 * Cells run together without separators, as some sites flatten a table: "40004000100%" under
 * 全年预算数 | 全年执行数 | 执行率 is 4000 | 4000 | 100%. The digits are split into as many
 * numbers as the header has value columns, each a well-formed number (no leading zeros), and
 * the split is kept only when it is plausible — the rate equals executed ÷ budget within the
 * precision it is printed with — and, of the plausible splits, it is the one whose amounts are
 * closest in size (a "0%" beside a budget of 40004000 is not a reading anyone means). When two
 * remain equally close, nothing is guessed.
 */
import { dec } from '@jixiao/core';
import type { FundsColumn } from '../vocab/table-vocab.js';

const WELL_FORMED = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** More columns or digits than this are not split (the candidates grow too fast to be sure). */
const MAX_PARTS = 4;
const MAX_DIGITS = 28;

function splits(digits: string, parts: number): string[][] {
  if (parts === 1) return WELL_FORMED.test(digits) ? [[digits]] : [];
  const out: string[][] = [];
  for (let cut = 1; cut < digits.length; cut++) {
    const head = digits.slice(0, cut);
    if (!WELL_FORMED.test(head)) continue;
    for (const rest of splits(digits.slice(cut), parts - 1)) out.push([head, ...rest]);
  }
  return out;
}

/** Half a unit of the last printed place: "100" → 0.5, "58.33" → 0.005. */
function halfUlp(printed: string): string {
  const places = printed.includes('.') ? printed.split('.')[1]!.length : 0;
  return dec(5).dividedBy(dec(10).pow(places + 1)).toString();
}

function plausible(cols: FundsColumn[], values: string[]): boolean {
  const at = (k: FundsColumn) => {
    const i = cols.indexOf(k);
    return i >= 0 ? values[i]! : null;
  };
  const rate = at('rate');
  const executed = at('executed');
  const base = at('adjusted') ?? at('initial');
  if (rate === null || executed === null || base === null) return false;
  if (dec(base).isZero()) return false;
  if (rate.split('.')[0]!.length > 3) return false;
  const computed = dec(executed).dividedBy(base).times(100);
  return computed.minus(rate).abs().lte(halfUlp(rate));
}

/** How far apart in size the amounts are: difference of their integer digit counts. */
function spread(cols: FundsColumn[], values: string[]): number {
  const lengths = values.filter((_, i) => cols[i] !== 'rate' && cols[i] !== 'arrivalRate').map((v) => v.split('.')[0]!.length);
  return Math.max(...lengths) - Math.min(...lengths);
}

/** The values of a glued run under value columns `cols`, or null when no single plausible split exists. */
export function splitGlued(run: string, cols: FundsColumn[]): string[] | null {
  const percent = /[%％]$/.test(run);
  const digits = run.replace(/[%％]$/, '').replace(/,/g, '');
  if (!/^[\d.]+$/.test(digits) || cols.length < 2 || cols.length > MAX_PARTS || digits.length > MAX_DIGITS) return null;
  if (percent !== (cols[cols.length - 1] === 'rate' || cols[cols.length - 1] === 'arrivalRate')) return null;
  const found = splits(digits, cols.length).filter((v) => plausible(cols, v));
  if (found.length === 0) return null;
  const best = Math.min(...found.map((v) => spread(cols, v)));
  const closest = found.filter((v) => spread(cols, v) === best);
  if (closest.length !== 1) return null;
  const values = closest[0]!;
  if (percent) values[values.length - 1] += '%';
  return values;
}
