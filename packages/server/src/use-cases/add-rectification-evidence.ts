/**
 * 佐证材料: the unit adds a file to its rectification item while it is being worked (not after
 * it is reported or signed off). The file is checked by content (check-evidence-file), stored in
 * the database with its SHA-256, and the upload is audit-logged (name, size, hash — not the bytes).
 */
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { forbidden, invalidState, notFound } from '../errors.js';
import { checkEvidenceFile } from '../rectification/check-evidence-file.js';
import { isOwnUnitMember, type Actor } from '../workflow/access.js';
import { RECTIFICATION_STATE_LABELS } from '../workflow/after-cycle-machines.js';
import { loadRectification } from './manage-rectifications.js';

const OPEN_FOR_EVIDENCE = ['open', 'in_progress', 'returned'];

export async function addRectificationEvidence(ctx: AppContext, actor: Actor, id: number, file: { name: string; bytes: Uint8Array }) {
  const item = await loadRectification(ctx, actor, id);
  if (!isOwnUnitMember(actor, item)) throw forbidden('佐证材料由被整改单位上传');
  if (!OPEN_FOR_EVIDENCE.includes(item.status)) throw invalidState(`整改事项处于“${RECTIFICATION_STATE_LABELS[item.status]}”状态，不能再上传佐证材料`);
  const accepted = await checkEvidenceFile(file.name, file.bytes);
  const at = ctx.now();
  return inTransaction(ctx, 'add-rectification-evidence', async (r) => {
    const locked = await r.rectifications.findForUpdate(id);
    if (!locked) throw notFound();
    if (!OPEN_FOR_EVIDENCE.includes(locked.status)) throw invalidState(`整改事项处于“${RECTIFICATION_STATE_LABELS[locked.status]}”状态，不能再上传佐证材料`);
    const row = await r.rectifications.insertEvidence({ rectificationId: id, ...accepted, content: file.bytes, uploadedBy: actor.id, at });
    await r.auditLog.append({ entityType: 'rectification', entityId: id, evaluationId: locked.evaluation_id, actor, action: AUDIT_EVENTS.RECTIFICATION_EVIDENCE_ADDED, at, before: null, after: { evidenceId: row.id, ...accepted } });
    return row;
  });
}
