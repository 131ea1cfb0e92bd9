import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditEntityType, AuditEvent } from '../audit-events.js';
import type { Actor } from '../workflow/access.js';

export interface AuditEntry {
  entityType: AuditEntityType;
  entityId: number;
  evaluationId: number | null;
  actor: Pick<Actor, 'id' | 'displayName' | 'username'> | null;
  /** Who acted when there is no signed-in actor (e.g. a login attempt); default 系统. */
  actorName?: string | undefined;
  action: AuditEvent;
  at: Date;
  before: unknown;
  after: unknown;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: { id: number | null; name: string };
  action: string;
  entityType: string;
  entityId: number;
  before: unknown;
  after: unknown;
}

/** What `verifyChain` found: every entry checked, the last one, and the first breaks. */
export interface AuditChainReport {
  entries: number;
  head: { id: number; hash: string } | null;
  /**
   * `hash`: the entry's content does not match its hash; `link`: its prev_hash is not the
   * previous entry's hash; `anchor`: the entry recorded earlier as the head is gone or differs.
   */
  broken: { id: number; problem: 'hash' | 'link' | 'anchor' }[];
}

const json = (x: unknown) => (x === undefined || x === null ? null : JSON.stringify(x));

/** An entry as the audit_log row's columns (JSON as text; the hash columns are the trigger's). */
export function auditColumnsOf(e: AuditEntry) {
  return {
    entity_type: e.entityType,
    entity_id: e.entityId,
    evaluation_id: e.evaluationId,
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor ? `${e.actor.displayName}（${e.actor.username}）` : (e.actorName ?? '系统'),
    action: e.action,
    at: e.at,
    before: json(e.before),
    after: json(e.after),
  };
}

/**
 * Append-only: this repository has no update or delete, and a trigger refuses them in SQL.
 * A second trigger chains every entry to the one before it (migration
 * 20261129-1200-operations-hardening). Appending takes a transaction-scoped lock until commit,
 * so append entries as the last writes of a transaction (after any row locks it needs).
 */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(e: AuditEntry): Promise<void> {
    await this.db.insertInto('audit_log').values(auditColumnsOf(e)).execute();
  }

  async listForEvaluation(evaluationId: number): Promise<AuditRecord[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('evaluation_id', '=', evaluationId)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  async listForEntity(entityType: AuditEntityType, entityId: number): Promise<AuditRecord[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Entries with one of these actions, newest first, a page at a time, with their total. */
  async listByActions(actions: readonly AuditEvent[], page: { offset: number; limit: number }): Promise<{ items: AuditRecord[]; total: number }> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', [...actions])
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    const n = await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', 'in', [...actions]).executeTakeFirstOrThrow();
    return { items: rows.map(toRecord), total: Number(n.n) };
  }

  /**
   * Walks the whole log in id order and recomputes every hash. The expression repeats the
   * migration's `jx_audit_log_hash` inline, so a replaced database function cannot hide an edit.
   */
  async verifyChain(batchSize = 5000, anchor?: { id: number; hash: string }): Promise<AuditChainReport> {
    const report: AuditChainReport = { entries: 0, head: null, broken: [] };
    let lastId = 0;
    let lastHash: string | null = null;
    for (;;) {
      const rows = await sql<{ id: number | string; prev_hash: string | null; hash: string | null; expected: string }>`
        select id, prev_hash, hash,
          encode(sha256(convert_to(jsonb_build_array(
            prev_hash, id, entity_type, entity_id, evaluation_id, actor_id, actor_name, action,
            to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), before, after
          )::text, 'UTF8')), 'hex') as expected
        from audit_log where id > ${lastId} order by id limit ${batchSize}`.execute(this.db);
      for (const r of rows.rows) {
        const id = Number(r.id);
        if (r.prev_hash !== lastHash && report.broken.length < 100) report.broken.push({ id, problem: 'link' });
        if (r.hash !== r.expected && report.broken.length < 100) report.broken.push({ id, problem: 'hash' });
        if (anchor && id === anchor.id && r.hash !== anchor.hash) report.broken.push({ id, problem: 'anchor' });
        lastHash = r.hash;
        lastId = id;
        report.entries++;
      }
      if (rows.rows.length < batchSize) break;
    }
    if (report.entries > 0) report.head = { id: lastId, hash: lastHash ?? '' };
    if (anchor && !(await sql`select 1 from audit_log where id = ${anchor.id}`.execute(this.db)).rows.length) report.broken.push({ id: anchor.id, problem: 'anchor' });
    return report;
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(r.n); // a number in PGlite, a string in pg
  }
}

function toRecord(r: {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: number;
  before: unknown;
  after: unknown;
}): AuditRecord {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: { id: r.actor_id, name: r.actor_name },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  };
}
