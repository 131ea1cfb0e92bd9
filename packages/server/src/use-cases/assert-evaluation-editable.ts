/**
 * The edit guard. Called twice per save: before the transaction (fast refusal with a
 * clear message) and inside it on the locked row (nobody changed the state meanwhile).
 */
import { VersionConflictError, forbidden, invalidState } from '../errors.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';
import { editRefusal, isEvaluationState } from '../workflow/state-machine.js';

export function assertEvaluationEditable(
  actor: Actor,
  row: { unit_id: number; status: string; version: number },
  expectedVersion: number,
): void {
  if (!isOwnUnitMember(actor, { unitId: row.unit_id })) {
    throw forbidden('只有本单位的填报人或单位负责人可以修改本单位的评价报告');
  }
  if (!isEvaluationState(row.status)) throw invalidState(`未知状态 ${row.status}`);
  const why = editRefusal(row.status);
  if (why) throw invalidState(why);
  if (row.version !== expectedVersion) throw new VersionConflictError(row.version);
}
