/**
 * The finance bureau's progress board of an annual task: per department and per unit, how
 * many self-evaluations are due (应报: the department's own one and one per active project or
 * transfer of the task's kinds), submitted (已报), approved by finance (已审), returned (退回)
 * and overdue (逾期: past the due date and not submitted), with every item for drill-down.
 */
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { chinaDate } from '../plan/calendar.js';
import { lockStateOf } from '../plan/deadline-lock.js';
import { inScope, loadVisibleTask, taskJson } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';

export type ItemState = 'not_submitted' | 'submitted' | 'reviewed' | 'returned';
export const UNIT_STATE_LABELS = { none: '无需报送', returned: '退回', reviewed: '已审', submitted: '已报', overdue: '逾期', pending: '未报' } as const;
export type UnitState = keyof typeof UNIT_STATE_LABELS;

const STATE_OF: Record<string, ItemState> = {
  draft: 'not_submitted',
  submitted: 'submitted',
  department_approved: 'submitted',
  finance_approved: 'reviewed',
  published: 'reviewed',
  returned: 'returned',
};

interface Counts {
  expected: number;
  submitted: number;
  reviewed: number;
  returned: number;
  overdue: number;
}
const zero = (): Counts => ({ expected: 0, submitted: 0, reviewed: 0, returned: 0, overdue: 0 });
function add(c: Counts, s: ItemState, pastDue: boolean): void {
  c.expected += 1;
  if (s === 'submitted' || s === 'reviewed') c.submitted += 1;
  if (s === 'reviewed') c.reviewed += 1;
  if (s === 'returned') c.returned += 1;
  if (pastDue && (s === 'not_submitted' || s === 'returned')) c.overdue += 1;
}
function unitState(c: Counts, pastDue: boolean): UnitState {
  if (c.expected === 0) return 'none';
  if (c.returned > 0) return 'returned';
  if (c.reviewed === c.expected) return 'reviewed';
  if (c.submitted === c.expected) return 'submitted';
  return pastDue ? 'overdue' : 'pending';
}

type Ev = Awaited<ReturnType<ReturnType<typeof repositories>['tasks']['evaluationsOfBureau']>>[number];
type Proj = Awaited<ReturnType<ReturnType<typeof repositories>['tasks']['projectsOfBureau']>>[number];

function itemsOf(unitId: number, kinds: readonly string[], evs: Ev[], projects: Proj[]) {
  const mine = evs.filter((e) => e.unit_id === unitId && kinds.includes(e.kind));
  const item = (kind: string, title: string, e: Ev | undefined, p: Proj | null) => ({
    kind,
    projectId: p?.id ?? null,
    code: p?.code ?? null,
    title,
    evaluationId: e?.id ?? null,
    status: e?.status ?? null,
    state: e ? (STATE_OF[e.status] ?? 'not_submitted') : ('not_submitted' as ItemState),
  });
  const out = [];
  if (kinds.includes('department')) out.push(item('department', '部门整体支出绩效自评', mine.filter((e) => e.kind === 'department').at(-1), null));
  for (const p of projects.filter((x) => x.unit_id === unitId && kinds.includes(x.kind))) out.push(item(p.kind, p.name, mine.find((e) => e.project_id === p.id), p));
  for (const e of mine.filter((x) => x.kind !== 'department' && x.project_id === null)) out.push(item(e.kind, e.title, e, null));
  return out;
}

export async function getTaskProgress(ctx: AppContext, actor: Actor, taskId: number, f: { departmentId?: number | undefined }) {
  const r = repositories(ctx.db);
  const task = await loadVisibleTask(r, actor, taskId);
  if (actor.role === 'unit_filler' || actor.role === 'unit_head') throw forbidden('填报进度看板供财政局和主管部门查看');
  const onlyDept = actor.role === 'department_reviewer' ? actor.departmentId : (f.departmentId ?? null);
  const today = chinaDate(ctx.now());
  const pastDue = today > task.due_on;
  const [units, evs, projects] = await Promise.all([r.tasks.unitsOfBureau(task.bureau_id), r.tasks.evaluationsOfBureau(task.bureau_id, task.fiscal_year), r.tasks.projectsOfBureau(task.bureau_id, task.fiscal_year)]);
  const byDept = new Map<number, Counts & { departmentId: number; departmentName: string; units: number }>();
  const byUnit = [];
  const totals = { ...zero(), units: 0 };
  for (const u of units.filter((x) => inScope(task, x.unitId))) {
    const items = itemsOf(u.unitId, task.kinds, evs, projects);
    const c = zero();
    for (const i of items) add(c, i.state, pastDue);
    const d = byDept.get(u.departmentId) ?? { ...zero(), departmentId: u.departmentId, departmentName: u.departmentName, units: 0 };
    for (const k of Object.keys(c) as (keyof Counts)[]) {
      d[k] += c[k];
      totals[k] += c[k];
    }
    d.units += 1;
    totals.units += 1;
    byDept.set(u.departmentId, d);
    if (onlyDept !== null && u.departmentId !== onlyDept) continue;
    const state = unitState(c, pastDue);
    const lock = await lockStateOf(r, task, u.unitId, ctx.now());
    byUnit.push({ ...u, ...c, state, stateLabel: UNIT_STATE_LABELS[state], locked: lock.locked, unlock: lock.unlock, items });
  }
  const departments = [...byDept.values()].filter((d) => onlyDept === null || d.departmentId === onlyDept || actor.role !== 'department_reviewer');
  return {
    task: taskJson(task),
    today,
    pastDue,
    totals: actor.role === 'department_reviewer' ? departments.find((d) => d.departmentId === onlyDept) ?? { ...zero(), units: 0 } : totals,
    byDepartment: actor.role === 'department_reviewer' ? departments.filter((d) => d.departmentId === onlyDept) : departments,
    byUnit,
    /** 催报 list: units with something due and not yet submitted. */
    remind: byUnit.filter((u) => u.submitted < u.expected).map((u) => ({ unitId: u.unitId, unitName: u.unitName, departmentName: u.departmentName, missing: u.expected - u.submitted, state: u.state, stateLabel: u.stateLabel })),
  };
}
