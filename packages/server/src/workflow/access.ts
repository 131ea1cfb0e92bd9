/**
 * Who may see and do what, decided from the signed-in actor and the organisational
 * scope of the thing (its unit, department and bureau). Every route calls these; the
 * access matrix test (test/access-matrix.test.ts) covers every role × endpoint × scope.
 */
import type { Role } from '../db/schema.js';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  bureauId: number | null;
}

export interface UnitScope {
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  bureauId: number;
}

/** Which rows an actor may list, as a repository filter. */
export type Visibility =
  | { kind: 'all' }
  | { kind: 'bureau'; bureauId: number }
  | { kind: 'department'; departmentId: number }
  | { kind: 'unit'; unitId: number }
  | { kind: 'none' };

export function visibilityOf(actor: Actor): Visibility {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'finance_reviewer':
      return actor.bureauId !== null ? { kind: 'bureau', bureauId: actor.bureauId } : { kind: 'none' };
    case 'department_reviewer':
      return actor.departmentId !== null ? { kind: 'department', departmentId: actor.departmentId } : { kind: 'none' };
    case 'unit_filler':
    case 'unit_head':
      return actor.unitId !== null ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
    case 'assessor':
      // A third party lists nothing by scope: it sees only the evaluations sampled to it (sample_items).
      return { kind: 'none' };
  }
}

export function canSee(actor: Actor, scope: UnitScope): boolean {
  const v = visibilityOf(actor);
  switch (v.kind) {
    case 'all':
      return true;
    case 'bureau':
      return v.bureauId === scope.bureauId;
    case 'department':
      return v.departmentId === scope.departmentId;
    case 'unit':
      return v.unitId === scope.unitId;
    case 'none':
      return false;
  }
}

export const UNIT_ROLES: readonly Role[] = ['unit_filler', 'unit_head'];

/** The unit's own filler or head: create, edit, file targets, answer rectifications. */
export function isOwnUnitMember(actor: Actor, scope: { unitId: number }): boolean {
  return UNIT_ROLES.includes(actor.role) && actor.unitId === scope.unitId;
}

/** The finance bureau's reviewer over this unit. */
export function isFinanceOver(actor: Actor, scope: UnitScope): boolean {
  return actor.role === 'finance_reviewer' && actor.bureauId === scope.bureauId;
}

/** The supervising department's reviewer over this unit. */
export function isDepartmentOver(actor: Actor, scope: UnitScope): boolean {
  return actor.role === 'department_reviewer' && actor.departmentId === scope.departmentId;
}

/** May take a workflow step given the transition's roles: the role and the scope must both fit. */
export function mayAct(actor: Actor, roles: readonly Role[], scope: UnitScope): boolean {
  if (!roles.includes(actor.role)) return false;
  switch (actor.role) {
    case 'unit_filler':
    case 'unit_head':
      return isOwnUnitMember(actor, scope);
    case 'department_reviewer':
      return isDepartmentOver(actor, scope);
    case 'finance_reviewer':
      return isFinanceOver(actor, scope);
    case 'admin':
      return true;
    case 'assessor':
      return false;
  }
}

/** The third-party reviewer (评价机构) engaged by this bureau. */
export function isAssessorOf(actor: Actor, bureauId: number): boolean {
  return actor.role === 'assessor' && actor.bureauId === bureauId;
}

/**
 * The only endpoints a third-party reviewer may call (every other answers 403): its session,
 * the public portal, its (empty) to-do list, its sampled items and re-scores, and the evaluations sampled to it
 * (read-only; `loadVisibleEvaluation` checks the assignment) with their export. Not their 自评质量 or
 * their history: both carry the finance bureau's judgement, which the detail view strips for it too.
 */
const ASSESSOR_ENDPOINTS: readonly { method: string; path: RegExp }[] = [
  { method: '*', path: /^\/api\/auth\// },
  { method: '*', path: /^\/api\/public\// },
  { method: 'GET', path: /^\/api\/todo$/ },
  { method: 'GET', path: /^\/api\/sample-items$/ },
  { method: 'PUT', path: /^\/api\/sample-items\/\d+\/rescore$/ },
  { method: 'GET', path: /^\/api\/evaluations\/\d+(\/export)?$/ },
];

export function assessorMayCall(method: string, path: string): boolean {
  return ASSESSOR_ENDPOINTS.some((e) => (e.method === '*' || e.method === method) && e.path.test(path));
}
