/**
 * Loose rows from PDF/OCR text: a label followed only by numbers, or cells split by runs of
 * spaces; a header line of column words.
 */
import { isBlank, type Block, type Cell, type Row } from '../document/document.js';

const LOOSE_NUM = /^[≥≤><=]?(?:-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?:%|分|万元|元)?$|^[—–\-/]{1,2}$/;
/** Words of column headers in general (base-data sheet, funds block, indicator table). */
const HEADERISH = /指标|分值|得分|预算数|执行数|执行率|完成值|指标值|原因|编制|在职|人数|控制率|决算数|规模|投资/;
export const HEADER_WORDS =
  /^(?:指标|指标名称|一级指标|二级指标|三级指标|权重|分值|权重分值|得分|得分率|年初预算数|全年预算数|全年执行数|执行率|年度指标值|实际完成值|指标值|完成值|项目|金额|合计|偏差原因(?:分析)?(?:及改进措施)?|备注|计量单位|指标性质|指标方向)$/;

/** Cells of a loose row, or null if the line does not look like one. */
export function splitLoose(line: string, lineIndex: number): Cell[] | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 160 || /[。；]/.test(t)) return null;
  const tokens: Array<{ s: string; i: number }> = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) tokens.push({ s: m[0], i: m.index });
  if (tokens.length < 3) return null;
  const headerish = tokens.filter((x) => HEADER_WORDS.test(x.s)).length;
  const header =
    (headerish >= 3 && headerish >= tokens.length * 0.6) ||
    (tokens.every((x) => x.s.length <= 14 && !LOOSE_NUM.test(x.s)) && tokens.filter((x) => HEADERISH.test(x.s)).length >= 2);
  // a row: the last two tokens are numbers (weight and score, budget and actual …), or a last cell of
  // words after two numbers (the deviation reason after the weight and score)
  const n = tokens.length;
  const allNumbers = tokens.every((x) => LOOSE_NUM.test(x.s));
  const endsInNumbers = (k: number) => k >= 2 && LOOSE_NUM.test(tokens[k - 1]!.s) && LOOSE_NUM.test(tokens[k - 2]!.s);
  let k = n;
  while (k > 0 && !LOOSE_NUM.test(tokens[k - 1]!.s)) k--;
  const words = tokens.slice(k);
  const trailingWords = k >= 3 && k < n && n - k <= 4 && words.reduce((len, x) => len + x.s.length, 0) <= 40 && endsInNumbers(k);
  const row = (endsInNumbers(n) || trailingWords) && (allNumbers || !LOOSE_NUM.test(tokens[0]!.s));
  if (!header && !row) return null;
  const cells = (header || !trailingWords ? tokens : tokens.slice(0, k)).map((x) => ({ parts: [x.s], line: lineIndex, start: x.i, end: x.i + x.s.length }));
  if (!header && trailingWords) {
    // the words after the last number are one cell ("配件 采购 周期长"), whatever spaces stand between them
    const last = words[words.length - 1]!;
    cells.push({ parts: [words.map((x) => x.s).join(' ')], line: lineIndex, start: words[0]!.i, end: last.i + last.s.length });
  }
  return cells;
}

/** A run of loose rows from line `start` (already known to be one), or null when it is a lone header. */
export function readLoose(lines: string[], removed: boolean[], start: number, first: Cell[]): { block: Block; next: number } | null {
  const rows: Row[] = [{ cells: first, line: start }];
  let j = start + 1;
  while (j < lines.length) {
    if (removed[j] || isBlank(lines[j]!)) {
      j++;
      continue;
    }
    const c = splitLoose(lines[j]!, j);
    if (!c) break;
    rows.push({ cells: c, line: j });
    j++;
  }
  // one loose row makes a table when it ends in numbers (a header alone does not)
  if (rows.length >= 2 || !first.every((c) => HEADER_WORDS.test(c.parts[0]!))) return { block: { kind: 'table', style: 'loose', rows }, next: j };
  return null;
}
