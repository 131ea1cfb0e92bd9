import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { repositories } from '../repositories/index.js';
import type { AuditChainReport } from '../repositories/audit-log.repository.js';

/** Recomputes the audit log's hash chain; with `anchor` (a head noted earlier) also checks that entry is unchanged. */
export function verifyAuditLog(db: Kysely<DB>, anchor?: { id: number; hash: string }): Promise<AuditChainReport> {
  return repositories(db).auditLog.verifyChain(5000, anchor);
}
