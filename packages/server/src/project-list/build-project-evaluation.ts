/**
 * Pure: the draft self-evaluation of a project, pre-filled from the project list (header,
 * 年初预算数 / 全年预算数 and the 其中 rows). Everything else is the unit's to fill.
 */
import { FUND_SOURCES, parseEvaluation, type Evaluation, type FundSource } from '@jixiao/core';
import type { ProjectRow } from '../db/schema.js';

export interface ProjectContext {
  unitName: string;
  unitCode: string | null;
  departmentName: string;
}

export function buildProjectEvaluation(p: Pick<ProjectRow, 'kind' | 'fiscal_year' | 'name' | 'code' | 'category' | 'issuing_department' | 'manager' | 'phone' | 'initial_budget' | 'adjusted_budget' | 'sources'>, c: ProjectContext): Evaluation {
  const bySource = p.sources
    .filter((s) => (FUND_SOURCES as readonly string[]).includes(s.source))
    .map((s) => ({ source: s.source as FundSource, label: s.label, initial: s.initial, adjusted: s.adjusted }));
  const parsed = parseEvaluation({
    kind: p.kind,
    fiscalYear: p.fiscal_year,
    unit: { name: c.unitName, code: c.unitCode },
    supervisingDepartment: c.departmentName,
    project: {
      name: p.name,
      code: p.code,
      implementingUnit: c.unitName,
      manager: p.manager,
      phone: p.phone,
      category: p.category,
      issuingDepartment: p.issuing_department ?? c.departmentName,
    },
    funds: { total: { initial: p.initial_budget, adjusted: p.adjusted_budget }, bySource },
  });
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/**
 * The list's values as they appear in an evaluation: when a list changes a project, a draft
 * field still holding the previous list value follows the new one; a field the unit changed
 * is left alone.
 */
export const PREFILLED_FIELDS: { column: keyof ProjectRow; get: (e: Evaluation) => unknown; set: (e: Evaluation, v: never) => void }[] = [
  { column: 'name', get: (e) => e.project?.name ?? null, set: (e, v) => e.project && (e.project.name = v) },
  { column: 'category', get: (e) => e.project?.category ?? null, set: (e, v) => e.project && (e.project.category = v) },
  { column: 'manager', get: (e) => e.project?.manager ?? null, set: (e, v) => e.project && (e.project.manager = v) },
  { column: 'phone', get: (e) => e.project?.phone ?? null, set: (e, v) => e.project && (e.project.phone = v) },
  { column: 'issuing_department', get: (e) => e.project?.issuingDepartment ?? null, set: (e, v) => e.project && (e.project.issuingDepartment = v) },
  { column: 'initial_budget', get: (e) => e.funds.total.initial, set: (e, v) => (e.funds.total.initial = v) },
  { column: 'adjusted_budget', get: (e) => e.funds.total.adjusted, set: (e, v) => (e.funds.total.adjusted = v) },
];
