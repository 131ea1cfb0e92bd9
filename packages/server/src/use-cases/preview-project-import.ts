/**
 * Step 1 of importing a year's project list: read the file, check every row, compare with
 * the projects stored for the region and year, and keep the preview (new / changed /
 * unchanged / gone, row by row). Nothing about projects changes here. Any bad row refuses
 * the whole file with one Chinese issue per problem (row number, column, reason).
 */
import { createHash } from 'node:crypto';
import { JxError, type JxIssue } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { repositories, type Repositories } from '../repositories/index.js';
import type { ProjectImportRow } from '../db/schema.js';
import { readProjectListSheets } from '../project-list/read-project-list-file.js';
import { PROJECT_LIST_MAX_ROWS, parseProjectList, type AmountUnit, type ProjectListRow } from '../project-list/parse-project-list.js';
import { diffProjectList, type GoneProject, type PreviewRow, type ResolvedRow } from '../project-list/diff-project-list.js';
import type { Actor } from '../workflow/access.js';

export interface ImportScope {
  kind: 'bureau' | 'department' | 'unit';
  id: number;
}

export interface PreviewInput {
  bytes: Uint8Array;
  fileName: string;
  fiscalYear: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  amountUnit?: AmountUnit | undefined;
  createEvaluations: boolean;
}

/** What an import stores to be committed later (the rows as checked, and how they were read). */
export interface StoredImportRows {
  present: string[];
  headers: Record<string, string>;
  rows: ResolvedRow[];
}

export interface ImportPreview {
  scope: ImportScope & { name: string };
  counts: { rows: number; new: number; changed: number; unchanged: number; gone: number };
  rows: PreviewRow[];
  gone: (GoneProject & { unitName: string })[];
}

type RegionUnit = Awaited<ReturnType<Repositories['projects']['unitsOfRegion']>>[number];

/** The uploader's scope, optionally narrowed to one department or unit within it. */
export function importScopeOf(actor: Actor, narrow: { departmentId?: number | undefined; unitId?: number | undefined }): ImportScope {
  const base: ImportScope | null =
    actor.role === 'finance_reviewer' && actor.bureauId !== null
      ? { kind: 'bureau', id: actor.bureauId }
      : actor.role === 'department_reviewer' && actor.departmentId !== null
        ? { kind: 'department', id: actor.departmentId }
        : (actor.role === 'unit_filler' || actor.role === 'unit_head') && actor.unitId !== null
          ? { kind: 'unit', id: actor.unitId }
          : null;
  if (!base) throw forbidden('项目清单由财政局、主管部门或单位导入');
  if (narrow.unitId !== undefined) return { kind: 'unit', id: narrow.unitId };
  if (narrow.departmentId !== undefined) {
    if (base.kind === 'unit') throw forbidden('单位只能导入本单位的项目');
    return { kind: 'department', id: narrow.departmentId };
  }
  return base;
}

function inScope(u: RegionUnit, scope: ImportScope): boolean {
  return scope.kind === 'bureau' ? u.bureauId === scope.id : scope.kind === 'department' ? u.departmentId === scope.id : u.id === scope.id;
}

/** Narrowing must stay inside what the actor may import for. */
function assertWithinActor(actor: Actor, scope: ImportScope, units: RegionUnit[]): void {
  const chosen = units.filter((u) => inScope(u, scope));
  if (chosen.length === 0) throw badRequest(scope.kind === 'unit' ? `单位 ${scope.id} 不存在` : `部门 ${scope.id} 不存在或没有单位`);
  const own = importScopeOf(actor, {});
  if (!chosen.every((u) => inScope(u, own))) throw forbidden('所选部门或单位不在您的管辖范围内');
}

export function scopeName(scope: ImportScope, units: RegionUnit[]): string {
  const u = units.find((x) => inScope(x, scope));
  if (!u) return '';
  return scope.kind === 'unit' ? u.name : scope.kind === 'department' ? u.departmentName : '本级财政局所辖全部单位';
}

function resolveUnits(rows: ProjectListRow[], units: RegionUnit[], scope: ImportScope, headers: Record<string, string>): { resolved: ResolvedRow[]; issues: JxIssue[] } {
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code!, u]));
  const byName = new Map<string, RegionUnit[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const issues: JxIssue[] = [];
  const resolved: ResolvedRow[] = [];
  for (const r of rows) {
    const field = r.unitCode ? 'unitCode' : 'unitName';
    const header = headers[field] ?? '单位';
    const bad = (m: string) => issues.push({ line: r.line, field: header, label: '单位', message: `第 ${r.line} 行“${header}”：${m}` });
    const ref = (r.unitCode ?? r.unitName)!;
    if (!ref) continue; // reported by the parser
    const named = r.unitCode ? [] : (byName.get(ref) ?? []);
    const unit = r.unitCode ? byCode.get(ref) : named.length === 1 ? named[0] : named.length === 0 ? byCode.get(ref) : undefined;
    if (!unit) {
      bad(named.length > 1 ? `单位名称“${ref}”不唯一，请改用单位编码` : `找不到单位“${ref}”（按单位名称或单位编码查找）`);
      continue;
    }
    if (!inScope(unit, scope)) {
      bad(`单位“${unit.name}”不在您的管辖范围内，不能为其导入项目`);
      continue;
    }
    resolved.push({ ...r, unitId: unit.id, unitLabel: unit.name });
  }
  return { resolved, issues };
}

export function refuse(issues: JxIssue[]): never {
  const sorted = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const lines = new Set(sorted.map((i) => i.line).filter((l) => l !== undefined));
  throw new JxError('PROJECT_LIST_INVALID', `${lines.size ? `${lines.size} 行有误` : '文件有误'}：${sorted[0]?.message ?? ''}${sorted.length > 1 ? ` 等 ${sorted.length} 处` : ''}`, sorted);
}

/** Compares the checked rows with what is stored (used by preview, and again by commit). */
export async function compareWithStored(r: Repositories, regionId: number, year: number, scope: ImportScope, stored: StoredImportRows, units: RegionUnit[], lock: boolean) {
  const projects = await r.projects.listForRegionYear(regionId, year, lock);
  const evaluations = await r.projects.evaluationsOf(projects.map((p) => p.id));
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const diff = diffProjectList({
    rows: stored.rows,
    present: stored.present,
    headers: stored.headers,
    stored: projects,
    scopeUnitIds: new Set(units.filter((u) => inScope(u, scope)).map((u) => u.id)),
    evaluations,
    unitNames,
  });
  const gone = diff.gone.map((g) => ({ ...g, unitName: unitNames.get(g.unitId) ?? '' }));
  return { ...diff, gone, projects, evaluations };
}

export function previewOf(scope: ImportScope & { name: string }, rows: PreviewRow[], gone: ImportPreview['gone']): ImportPreview {
  const count = (c: string) => rows.filter((r) => r.change === c).length;
  return { scope, counts: { rows: rows.length, new: count('new'), changed: count('changed'), unchanged: count('unchanged'), gone: gone.length }, rows, gone };
}

export async function previewProjectImport(ctx: AppContext, actor: Actor, input: PreviewInput): Promise<ProjectImportRow> {
  const scope = importScopeOf(actor, input);
  const repos = repositories(ctx.db);
  const regionId = await repos.projects.regionOf(scope);
  if (regionId === undefined) throw badRequest('所选范围不存在');
  const units = await repos.projects.unitsOfRegion(regionId);
  assertWithinActor(actor, scope, units);
  const sheets = await readProjectListSheets(input.bytes, input.fileName, PROJECT_LIST_MAX_ROWS);
  // The first sheet with a recognisable header (a workbook may start with a cover or notes sheet).
  const parsed = sheets.map((rows) => parseProjectList(rows, { amountUnit: input.amountUnit })).find((p) => p.headerLine > 0) ?? parseProjectList(sheets[0] ?? [], { amountUnit: input.amountUnit });
  if (parsed.rows.length === 0 && parsed.issues.length === 0) refuse([{ line: parsed.headerLine, message: '表头下没有项目行' }]);
  const headers = parsed.headers as Record<string, string>;
  const { resolved, issues } = resolveUnits(parsed.rows, units, scope, headers);
  const all = [...parsed.issues, ...issues];
  if (all.length) refuse(all);
  const stored: StoredImportRows = { present: parsed.present, headers, rows: resolved };
  const diff = await compareWithStored(repos, regionId, input.fiscalYear, scope, stored, units, false);
  if (diff.issues.length) refuse(diff.issues);
  const preview = previewOf({ ...scope, name: scopeName(scope, units) }, diff.rows, diff.gone);
  const at = ctx.now();
  return inTransaction(ctx, 'preview-project-import', async (r) => {
    const row = await r.projects.insertImport({
      region_id: regionId,
      fiscal_year: input.fiscalYear,
      scope_kind: scope.kind,
      scope_id: scope.id,
      file_name: input.fileName.slice(0, 200),
      file_sha256: createHash('sha256').update(input.bytes).digest('hex'),
      options: JSON.stringify({ createEvaluations: input.createEvaluations, amountUnit: input.amountUnit ?? null }),
      rows: JSON.stringify(stored),
      preview: JSON.stringify(preview),
      status: 'previewed',
      created_by: actor.id,
      created_at: at,
    });
    await r.auditLog.append({ entityType: 'project_import', entityId: row.id, evaluationId: null, actor, action: AUDIT_EVENTS.PROJECT_IMPORT_PREVIEWED, at, before: null, after: { fileName: row.file_name, fiscalYear: row.fiscal_year, scope, counts: preview.counts } });
    return row;
  });
}
