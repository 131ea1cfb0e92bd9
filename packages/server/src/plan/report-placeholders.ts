/**
 * A department report that still carries placeholders (【待填写：…】, 待填写 cells) is neither
 * exported nor published. Publishing lists them; the finance bureau may publish anyway with a
 * recorded reason, which also lets the report be exported from then on. Project and transfer
 * evaluations export their 自评表, which has no placeholders, so they are not checked.
 */
import { JxError, type Evaluation } from '@jixiao/core';
import { loadReportTools } from '../http/load-optional.js';
import type { Repositories } from '../repositories/index.js';
import { loadChildEvaluations } from '../use-cases/get-department-projects.js';

export interface Placeholder {
  label: string;
  where: string;
}

/** The report template for an evaluation: its annual task's, else by its profile (documents decides). */
export async function templateOf(r: Repositories, rec: { unit_id: number; fiscal_year: number }): Promise<string | undefined> {
  const bureauId = await r.tasks.bureauOfUnit(rec.unit_id);
  if (bureauId === null) return undefined;
  return (await r.tasks.findForBureauYear(bureauId, rec.fiscal_year))?.template;
}

export async function reportPlaceholders(r: Repositories, rec: { kind: string; unit_id: number; fiscal_year: number; data: unknown }): Promise<Placeholder[]> {
  if (rec.kind !== 'department') return [];
  const tools = await loadReportTools();
  const template = await templateOf(r, rec);
  const { children } = await loadChildEvaluations(r, rec.unit_id, rec.fiscal_year);
  return tools.listReportPlaceholders(rec.data as Evaluation, { ...(template ? { template } : {}), children });
}

export function placeholdersError(list: Placeholder[], hint: string): JxError {
  const names = list.slice(0, 8).map((p) => p.label).join('、');
  return new JxError(
    'REPORT_HAS_PLACEHOLDERS',
    `共 ${list.length} 处（${names}${list.length > 8 ? ' 等' : ''}）；${hint}`,
    list.map((p) => ({ field: p.where, label: p.label, message: `${p.where}：${p.label} 尚待填写` })),
  );
}

/** The override recorded when finance published a report with placeholders. */
export function placeholderOverrideOf(review: unknown): { reason: string } | null {
  const o = (review as { placeholderOverride?: { reason?: unknown } } | null)?.placeholderOverride;
  return o && typeof o.reason === 'string' ? { reason: o.reason } : null;
}
