/** Who sees an annual task (everyone of its bureau, administrators) and who runs it (its finance bureau). */
import { notFound, forbidden } from '../errors.js';
import type { AnnualTaskRow } from '../db/schema.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor, UnitScope } from '../workflow/access.js';

/** The bureau an actor belongs to (through the unit or department for unit and department roles). */
export async function bureauOfActor(r: Repositories, actor: Actor): Promise<number | null> {
  if (actor.bureauId !== null) return actor.bureauId;
  if (actor.unitId !== null) return r.tasks.bureauOfUnit(actor.unitId);
  if (actor.departmentId !== null) return (await r.org.findDepartment(actor.departmentId))?.bureau_id ?? null;
  return null;
}

export async function loadVisibleTask(r: Repositories, actor: Actor, id: number): Promise<AnnualTaskRow> {
  const t = await r.tasks.findById(id);
  if (!t) throw notFound(`年度任务 ${id}`);
  if (actor.role !== 'admin' && (await bureauOfActor(r, actor)) !== t.bureau_id) throw notFound(`年度任务 ${id}`);
  return t;
}

export function assertTaskOwner(actor: Actor, bureauId: number): void {
  if (actor.role !== 'finance_reviewer' || actor.bureauId !== bureauId) throw forbidden('年度任务由本级财政局绩效科发布和管理');
}

/** A bureau-level scope for the plan machines (finance of this bureau may act). */
export function bureauScope(bureauId: number): UnitScope {
  return { unitId: -1, unitName: '', departmentId: -1, departmentName: '', bureauId };
}

export function taskJson(t: AnnualTaskRow) {
  return {
    id: t.id,
    bureauId: t.bureau_id,
    fiscalYear: t.fiscal_year,
    kinds: t.kinds,
    unitIds: t.unit_ids,
    opensOn: t.opens_on,
    dueOn: t.due_on,
    profile: t.profile,
    template: t.template,
    monitoringPeriods: t.monitoring_periods,
    notice: t.notice,
    status: t.status,
    version: t.version,
    createdAt: new Date(t.created_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
  };
}

export const inScope = (t: Pick<AnnualTaskRow, 'unit_ids'>, unitId: number) => t.unit_ids === null || t.unit_ids.includes(unitId);
