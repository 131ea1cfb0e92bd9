/**
 * Pure: the rows of a project list → typed rows and a Chinese issue for every bad cell.
 * Columns are found by their header (project-list-columns.json); amounts become decimal
 * strings in 万元 (a header like 年初预算数（元） or the amountUnit option says the unit).
 */
import { dec, type JxIssue } from '@jixiao/core';
import VOCAB from './project-list-columns.json' with { type: 'json' };
import type { SheetRow } from './read-project-list-file.js';
import type { ProjectKind, ProjectSourceAmount } from '../db/schema.js';

export type ColumnField = (typeof VOCAB.columns)[number]['field'];
export type AmountUnit = keyof typeof VOCAB.amountUnits;
export const AMOUNT_UNITS = Object.keys(VOCAB.amountUnits) as AmountUnit[];
export const PROJECT_LIST_MAX_ROWS = VOCAB.maxRows;

interface Column {
  field: ColumnField;
  label: string;
  /** The header as printed in the file. */
  header: string;
  index: number;
  amountUnit: AmountUnit | null;
}

export interface ProjectListRow {
  line: number;
  code: string;
  name: string;
  unitCode: string | null;
  unitName: string | null;
  kind: ProjectKind;
  initial: string | null;
  adjusted: string | null;
  category: string | null;
  issuingDepartment: string | null;
  manager: string | null;
  phone: string | null;
  sources: ProjectSourceAmount[];
}

export interface ParsedProjectList {
  headerLine: number;
  /** Fields that have a column in this file (others are left as they are on re-import). */
  present: ColumnField[];
  /** The header text of each present field, for messages. */
  headers: Partial<Record<ColumnField, string>>;
  rows: ProjectListRow[];
  issues: JxIssue[];
}

const UNIT_SUFFIX = /[(（]\s*(万元|元)\s*[)）]$/;

export function normaliseHeader(h: string): { key: string; unit: AmountUnit | null } {
  let t = h.replace(/[\s\u3000*＊]/g, '').replace(/：|:$/g, '');
  const m = UNIT_SUFFIX.exec(t);
  const unit = m ? (m[1] as AmountUnit) : null;
  if (m) t = t.slice(0, m.index);
  return { key: t, unit };
}

function findColumns(cells: string[]): Column[] {
  const out: Column[] = [];
  cells.forEach((cell, index) => {
    const { key, unit } = normaliseHeader(cell);
    if (!key) return;
    const def = VOCAB.columns.find((c) => c.headers.includes(key));
    if (!def || out.some((c) => c.field === def.field)) return;
    out.push({ field: def.field, label: def.label, header: cell.trim(), index, amountUnit: unit });
  });
  return out;
}

/** The header row: the first of the first rows that has every required column. */
function findHeader(rows: SheetRow[]): { row: SheetRow; columns: Column[] } | null {
  const required = VOCAB.columns.filter((c) => 'required' in c && c.required).map((c) => c.field);
  for (const row of rows.slice(0, VOCAB.headerSearchRows)) {
    const columns = findColumns(row.cells);
    const hasUnit = columns.some((c) => (VOCAB.unitRequired.fields as string[]).includes(c.field));
    if (hasUnit && required.every((f) => columns.some((c) => c.field === f))) return { row, columns };
  }
  return null;
}

function missingColumnsIssue(rows: SheetRow[]): JxIssue[] {
  const best = rows.slice(0, VOCAB.headerSearchRows).map((r) => ({ r, cols: findColumns(r.cells) })).sort((a, b) => b.cols.length - a.cols.length)[0];
  const have = new Set(best?.cols.map((c) => c.field) ?? []);
  const missing = VOCAB.columns.filter((c) => 'required' in c && c.required && !have.has(c.field)).map((c) => c.label);
  if (!VOCAB.unitRequired.fields.some((f) => have.has(f as ColumnField))) missing.push(VOCAB.unitRequired.label);
  return [
    {
      ...(best ? { line: best.r.line } : {}),
      message: `找不到表头：缺少列 ${missing.join('、')}（可用的列名见 project-list-columns.json，例如 项目编码、项目名称、单位、年初预算数）`,
    },
  ];
}

export function parseProjectList(rows: SheetRow[], opts: { amountUnit?: AmountUnit | undefined } = {}): ParsedProjectList {
  const header = findHeader(rows);
  if (!header) return { headerLine: 0, present: [], headers: {}, rows: [], issues: missingColumnsIssue(rows) };
  const issues: JxIssue[] = [];
  const out: ProjectListRow[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const row of rows) {
    if (row.line <= header.row.line) continue;
    const parsed = parseRow(row, header.columns, opts.amountUnit ?? null, issues);
    if (!parsed) continue;
    if (parsed.code) {
      const first = firstLineOfCode.get(parsed.code);
      if (first !== undefined) issues.push(issue(row.line, header.columns, 'code', `项目编码“${parsed.code}”与第 ${first} 行重复`));
      else firstLineOfCode.set(parsed.code, row.line);
    }
    out.push(parsed);
  }
  if (out.length > VOCAB.maxRows) issues.push({ message: `项目清单有 ${out.length} 行，超过上限 ${VOCAB.maxRows} 行` });
  const headers: ParsedProjectList['headers'] = {};
  for (const c of header.columns) headers[c.field] = c.header;
  return { headerLine: header.row.line, present: header.columns.map((c) => c.field), headers, rows: out, issues };
}

function issue(line: number, columns: Column[], field: ColumnField, reason: string): JxIssue {
  const col = columns.find((c) => c.field === field);
  const def = VOCAB.columns.find((c) => c.field === field);
  const header = col?.header ?? def?.label ?? field;
  return { line, field: header, label: def?.label ?? header, message: `第 ${line} 行“${header}”：${reason}` };
}

function parseRow(row: SheetRow, columns: Column[], optUnit: AmountUnit | null, issues: JxIssue[]): ProjectListRow | null {
  const text = (f: ColumnField): string | null => {
    const col = columns.find((c) => c.field === f);
    const v = col ? (row.cells[col.index] ?? '').trim() : '';
    return v === '' ? null : v;
  };
  // A row with nothing in the columns we know (a total line's label elsewhere, a note) is skipped only when empty.
  if (columns.every((c) => text(c.field) === null)) return null;
  const bad = (f: ColumnField, reason: string) => issues.push(issue(row.line, columns, f, reason));
  const code = text('code');
  const name = text('name');
  if (!code) bad('code', '缺少项目编码');
  if (!name) bad('name', '缺少项目名称');
  const unitCode = text('unitCode');
  const unitName = text('unitName');
  if (!unitCode && !unitName) bad(columns.some((c) => c.field === 'unitName') ? 'unitName' : 'unitCode', '缺少单位（单位名称或单位编码）');
  const amount = (f: ColumnField) => {
    const col = columns.find((c) => c.field === f);
    const raw = text(f);
    if (!col || raw === null) return null;
    const r = parseAmount(raw, col.amountUnit ?? optUnit ?? '万元');
    if (typeof r === 'string') return r;
    bad(f, r.reason);
    return null;
  };
  const kindText = text('kind');
  const kind = kindText === null ? 'project' : kindOf(kindText);
  if (kind === null) bad('kind', `类型“${kindText}”无法识别，应为 ${VOCAB.kinds.project[0]} 或 ${VOCAB.kinds.transfer[0]}`);
  const sources: ProjectSourceAmount[] = [];
  for (const c of columns.filter((x) => x.field.startsWith('source:'))) {
    const v = amount(c.field);
    if (v !== null) sources.push({ source: c.field.slice('source:'.length), label: c.label, initial: v, adjusted: null });
  }
  return {
    line: row.line,
    code: code ?? '',
    name: name ?? '',
    unitCode,
    unitName,
    kind: kind ?? 'project',
    initial: amount('initial'),
    adjusted: amount('adjusted'),
    category: text('category'),
    issuingDepartment: text('issuingDepartment'),
    manager: text('manager'),
    phone: text('phone'),
    sources,
  };
}

function kindOf(t: string): ProjectKind | null {
  const k = t.replace(/\s/g, '');
  if (VOCAB.kinds.project.includes(k)) return 'project';
  if (VOCAB.kinds.transfer.includes(k)) return 'transfer';
  return null;
}

const AMOUNT_RE = /^\d+(\.\d+)?$/;

/** "1,234.50" → "1234.5" in 万元; text or a negative amount → the Chinese reason. */
export function parseAmount(raw: string, unit: AmountUnit): string | { reason: string } {
  const t = raw.replace(/[,，\s]/g, '').replace(/^[+＋]/, '');
  const negative = /^[-－−]/.test(t) || /^\(.*\)$/.test(t);
  const digits = t.replace(/^[-－−]/, '').replace(/^\((.*)\)$/, '$1');
  if (!AMOUNT_RE.test(digits)) return { reason: `“${raw}”不是金额数字` };
  if (negative && !dec(digits).isZero()) return { reason: `金额不能为负数（${raw}）` };
  return dec(digits).times(VOCAB.amountUnits[unit]).toString();
}
