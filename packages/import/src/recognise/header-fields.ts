/**
 * Name fields of a table's header block: 项目名称, 主管部门, 实施单位, 单位名称 beside their
 * values (as cells, or "项目名称：某某工程" in one), and 评价等级 | 优.
 */
import { cellText, wordCells, type Cell } from '../document/document.js';
import { isBlankCell, parseCellNumber } from '../parse-number.js';
import { FUNDS_COLUMNS, HEADER_FIELDS, INDICATOR_COLUMNS, STAFFING_COLUMNS, type HeaderFieldKey } from '../vocab/table-vocab.js';
import { setProv, type Ctx } from '../assemble/draft.js';
import { claimKind } from './table-kinds.js';
import { ORG_SUFFIX } from '../vocab/prose-vocab.js';

/** A whole form flattened into one line of words ("… 项目名称 某某工程 主管部门 某某局 …"): its name fields are words too. */
export const FLAT_FIELDS = /(?:^|\s)(?:项目名称|(?:中央|地方)?主管部门|(?:项目)?实施单位|(?:部门|单位)名称|资金名称)[：:]?\s+\S/;

/** "项目名称：某某工程  主管部门：某某局" — the header block of a table printed as a line of text. */
export const HEADER_LINE = /^\s*(?:项目名称|项目编码|转移支付(?:[（(]?项目[）)]?)?名称|(?:中央|地方|项目)?主管(?:部门|单位)|(?:项目)?(?:实施|承担|执行)单位|项目单位|(?:(?:市级|县级|区级|省级)?预算)?(?:部门|单位)名称)\s*[：:\s]/;

/** What a form prints beside a label for the seal or signature ("实施单位（盖章）"): part of the label, not its value. */
const SEAL = /^[（(]\s*(?:盖章|签章|公章|签字|签名|盖章\/签字|签字\/盖章)\s*[）)]$/;

/** "219001-某镇人民政府": the unit's code in the budget system before its name. */
const UNIT_CODE = /^\d{3,12}\s*[-—－]\s*(?=[\u4e00-\u9fa5])/;

/** A word every field label has (a cheap test before the labels). */
const FIELD_HINT = /名称|编[码号]|代码|部门|单位|负责人|电话|类[别型]|属性/;

/** "项目名称：某某工程" as two cells. */
function splitKeyValue(c: Cell): Cell[] {
  const t = c.parts[0]!;
  const m = /^([^：:]{2,10})[：:](.+)$/.exec(t);
  if (!m || !HEADER_FIELDS.some((h) => h.re.test(m[1]!))) return [c];
  const at = c.start + m[1]!.length + 1;
  return [
    { parts: [m[1]!], line: c.line, start: c.start, end: c.start + m[1]!.length },
    { parts: [m[2]!], line: c.line, start: at, end: at + m[2]!.length },
  ];
}

/** The cells of a header line of text. */
export function headerLineCells(line: string, lineIndex: number): Cell[] {
  return wordCells(line, lineIndex).flatMap(splitKeyValue);
}

/** A column title, not a value ("年初预算数", "三级指标", "编制数"). */
function looksLikeColumnHeader(v: string): boolean {
  const t = v.replace(/\s+/g, '');
  return (
    parseCellNumber(t) !== null ||
    FUNDS_COLUMNS.some((c) => c.re.test(t)) ||
    INDICATOR_COLUMNS.some((c) => c.re.test(t)) ||
    STAFFING_COLUMNS.some((c) => c.re.test(t))
  );
}

const PROJECT_FIELD = { code: 'code', manager: 'manager', phone: 'phone', category: 'category', issuing: 'issuingDepartment' } as const;

/** "51092322T000000436802-文化市场…经费": a project name printed after its budget code. */
function splitCode(v: string): { code: string | null; name: string } {
  const m = /^([0-9A-Z]{12,30})[-—－\s]+(.{2,})$/.exec(v);
  return m ? { code: m[1]!, name: m[2]! } : { code: null, name: v };
}

function applyField(ctx: Ctx, key: HeaderFieldKey, value: string, c: Cell): void {
  const ev = ctx.ev;
  const v = key === 'unit' || key === 'supervising' || key === 'implementing' || key === 'issuing' ? value.replace(UNIT_CODE, '') : value;
  const at = (path: string) => setProv(ctx, path, c.line, c.start, c.end);
  if (key === 'unit') {
    ev.unit.name = v;
    at('unit.name');
  } else if (key === 'project' || key === 'transfer') {
    if (ev.project) return; // the first project named is the one evaluated
    const { code, name } = splitCode(v);
    ev.project = { name, implementingUnit: null, code, manager: null, phone: null, category: null, issuingDepartment: null };
    at('project.name');
  } else if (key === 'supervising') {
    ev.supervisingDepartment = v;
    at('supervisingDepartment');
  } else if (key === 'implementing') {
    if (ev.project) ev.project.implementingUnit = v;
    else ev.unit.name ??= v;
  } else if (ev.project && ev.project[PROJECT_FIELD[key]] === null) {
    ev.project[PROJECT_FIELD[key]] = v;
    at(`project.${PROJECT_FIELD[key]}`);
  }
}

/**
 * In a line of words (`loose`: a form flattened by a PDF, whose columns may be interleaved) a label's
 * next word is its value only when it looks like one: a unit's name ends like an organisation's, a
 * manager's is a person's, and no value starts like another label ("项目主管单" of a broken label).
 */
const LOOSE_KEYS = new Set<HeaderFieldKey>(['project', 'transfer', 'supervising', 'implementing', 'unit', 'issuing', 'manager']);
const ORG_KEYS = new Set<HeaderFieldKey>(['supervising', 'implementing', 'unit', 'issuing']);
function looseValueFits(key: HeaderFieldKey, v: string): boolean {
  if (!LOOSE_KEYS.has(key) || /^(?:项目|主管|实施|单位|部门|资金|填报|评价|年度)/.test(v)) return false;
  if (ORG_KEYS.has(key)) return ORG_SUFFIX.test(v.replace(UNIT_CODE, ''));
  if (key === 'manager') return /^[\u4e00-\u9fa5]{2,4}$/.test(v);
  return true;
}

/** The name fields of a row: each label with the value in the next non-blank cell (index j). */
export function headerFields(texts: string[], loose = false): Array<{ key: HeaderFieldKey; value: string; j: number }> {
  const out: Array<{ key: HeaderFieldKey; value: string; j: number }> = [];
  // a row of column titles ("序号 | 项目编码 | 项目名称 | 类型 | 年初预算数 …") names no project
  if (texts.length >= 4 && claimKind(texts)) return out;
  for (let i = 0; i < texts.length - 1; i++) {
    const raw = texts[i]!;
    if (raw.length > 24 || !FIELD_HINT.test(raw)) continue;
    const t = raw.replace(/[\s\u3000]+/g, '');
    // whole field names only: a bare 单位 among the words is a column of units
    if (loose && t.length < 4) continue;
    const f = HEADER_FIELDS.find((h) => h.re.test(t));
    if (!f) continue;
    let j = i + 1;
    while (j < texts.length && (isBlankCell(texts[j]!) || SEAL.test(texts[j]!.trim()))) j++;
    if (j >= texts.length) continue;
    const v = texts[j]!.replace(/[\u3000]+/g, '').trim();
    const numeric = f.key === 'code' || f.key === 'phone';
    if (v.length < 2 || v.length > 60 || HEADER_FIELDS.some((h) => h.re.test(v)) || (!numeric && looksLikeColumnHeader(v))) continue;
    if (loose && !looseValueFits(f.key, v)) continue;
    out.push({ key: f.key, value: v, j });
  }
  return out;
}

/** Name fields beside their labels; with `apply` false they only say that the row holds some. */
export function readHeaderFields(ctx: Ctx, cells: Cell[], texts: string[], apply = true, loose = false): boolean {
  const fields = headerFields(texts, loose);
  if (apply) for (const f of fields) applyField(ctx, f.key, f.value, cells[f.j]!);
  return fields.length > 0;
}

/** "评价等级 | 优" — the grade in a cell beside its label. */
export function readGradeCell(ctx: Ctx, cells: Cell[], texts: string[]): boolean {
  for (let i = 0; i < cells.length - 1; i++) {
    if (!texts[i]!.includes('等级') || !/^(?:自评|绩效|综合)?(?:评价)?等级[：:]?$/.test(texts[i]!.replace(/\s+/g, ''))) continue;
    let j = i + 1;
    while (j < cells.length && isBlankCell(texts[j]!)) j++;
    const v = (texts[j] ?? '').replace(/\s+/g, '').replace(/^[“"「]|[”"」]$/g, '');
    if (!/^(?:优秀|良好|一般|较差|不合格|合格|优|良|中|差)$/.test(v)) continue;
    if (ctx.ev.totals.statedGrade === null) {
      ctx.ev.totals.statedGrade = v;
      setProv(ctx, 'totals.statedGrade', cells[j]!.line, cells[j]!.start, cells[j]!.end);
    }
    return true;
  }
  return false;
}

export { cellText };
