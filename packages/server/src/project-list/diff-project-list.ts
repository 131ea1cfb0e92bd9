/**
 * Pure: a parsed, unit-resolved project list against the projects already stored for the
 * region and year → what is new, changed, unchanged and gone. Only fields the file has a
 * column for are compared (a list without 全年预算数 leaves the stored one alone).
 */
import { dec, type JxIssue } from '@jixiao/core';
import type { ProjectRow, ProjectSourceAmount } from '../db/schema.js';
import type { ColumnField, ProjectListRow } from './parse-project-list.js';

export interface ResolvedRow extends ProjectListRow {
  unitId: number;
  unitLabel: string;
}

export type Change = 'new' | 'changed' | 'unchanged';

export interface PreviewRow {
  line: number;
  code: string;
  name: string;
  unitId: number;
  unitName: string;
  kind: string;
  category: string | null;
  initialBudget: string | null;
  adjustedBudget: string | null;
  change: Change;
  changes: Record<string, { before: unknown; after: unknown }>;
  projectId: number | null;
}

export interface GoneProject {
  projectId: number;
  code: string;
  name: string;
  unitId: number;
  evaluationId: number | null;
  evaluationStatus: string | null;
}

/** The stored columns an import may set, and the file column each comes from. */
const COMPARED: { column: keyof ProjectRow; field: ColumnField | 'sources'; value: (r: ResolvedRow) => unknown }[] = [
  { column: 'name', field: 'name', value: (r) => r.name },
  { column: 'category', field: 'category', value: (r) => r.category },
  { column: 'issuing_department', field: 'issuingDepartment', value: (r) => r.issuingDepartment },
  { column: 'manager', field: 'manager', value: (r) => r.manager },
  { column: 'phone', field: 'phone', value: (r) => r.phone },
  { column: 'initial_budget', field: 'initial', value: (r) => r.initial },
  { column: 'adjusted_budget', field: 'adjusted', value: (r) => r.adjusted },
  { column: 'sources', field: 'sources', value: (r) => r.sources },
];

const AMOUNT_COLUMNS = new Set<keyof ProjectRow>(['initial_budget', 'adjusted_budget']);

function same(column: keyof ProjectRow, a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (AMOUNT_COLUMNS.has(column)) return dec(a as string).eq(b as string);
  if (column === 'sources') return sourcesKey(a as ProjectSourceAmount[]) === sourcesKey(b as ProjectSourceAmount[]);
  return a === b;
}

function sourcesKey(s: ProjectSourceAmount[]): string {
  return JSON.stringify(
    [...s].sort((x, y) => x.source.localeCompare(y.source)).map((x) => [x.source, x.initial === null ? null : dec(x.initial).toString(), x.adjusted === null ? null : dec(x.adjusted).toString()]),
  );
}

/** The patch a row makes to its stored project (only compared columns that differ). */
export function changesOf(row: ResolvedRow, stored: ProjectRow | undefined, present: readonly string[]): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const c of COMPARED) {
    const has = c.field === 'sources' ? present.some((p) => p.startsWith('source:')) : present.includes(c.field);
    if (!has) continue;
    const before = stored ? stored[c.column] : null;
    const after = c.value(row);
    if (!stored || !same(c.column, before, after)) out[c.column] = { before: before ?? null, after: after ?? null };
  }
  if (stored && stored.status !== 'active') out.status = { before: stored.status, after: 'active' };
  return out;
}

export function diffProjectList(input: {
  rows: ResolvedRow[];
  present: readonly string[];
  headers: Partial<Record<string, string>>;
  stored: ProjectRow[];
  /** Units the import speaks for: their active projects missing from the file are "gone". */
  scopeUnitIds: ReadonlySet<number>;
  evaluations: Map<number, { id: number; status: string }>;
  unitNames: Map<number, string>;
}): { rows: PreviewRow[]; gone: GoneProject[]; issues: JxIssue[] } {
  const byCode = new Map(input.stored.map((p) => [p.code, p]));
  const issues: JxIssue[] = [];
  const rows: PreviewRow[] = [];
  for (const r of input.rows) {
    const stored = byCode.get(r.code);
    const where = (field: string) => input.headers[field] ?? field;
    if (stored && stored.unit_id !== r.unitId) {
      const owner = input.unitNames.get(stored.unit_id) ?? `单位 ${stored.unit_id}`;
      issues.push({ line: r.line, field: where('code'), label: '项目编码', message: `第 ${r.line} 行“${where('code')}”：项目编码“${r.code}”已属于${owner}，导入不能改变项目所属单位` });
      continue;
    }
    if (stored && stored.kind !== r.kind) {
      issues.push({ line: r.line, field: where('kind'), label: '类型', message: `第 ${r.line} 行“${where('kind')}”：项目“${r.code}”已登记为${stored.kind === 'transfer' ? '转移支付' : '部门项目'}，导入不能改变类型` });
      continue;
    }
    const changes = changesOf(r, stored, input.present);
    rows.push({
      line: r.line,
      code: r.code,
      name: r.name,
      unitId: r.unitId,
      unitName: r.unitLabel,
      kind: r.kind,
      category: r.category,
      initialBudget: r.initial,
      adjustedBudget: r.adjusted,
      change: !stored ? 'new' : Object.keys(changes).length ? 'changed' : 'unchanged',
      changes: stored ? changes : {},
      projectId: stored?.id ?? null,
    });
  }
  const inFile = new Set(input.rows.map((r) => r.code));
  const gone = input.stored
    .filter((p) => p.status === 'active' && input.scopeUnitIds.has(p.unit_id) && !inFile.has(p.code))
    .map((p) => {
      const e = input.evaluations.get(p.id);
      return { projectId: p.id, code: p.code, name: p.name, unitId: p.unit_id, evaluationId: e?.id ?? null, evaluationStatus: e?.status ?? null };
    });
  return { rows, gone, issues };
}
