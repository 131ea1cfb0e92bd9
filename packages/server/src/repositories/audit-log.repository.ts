import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditEntityType, AuditEvent } from '../audit-events.js';
import type { Actor } from '../workflow/access.js';

export interface AuditEntry {
  entityType: AuditEntityType;
  entityId: number;
  evaluationId: number | null;
  actor: Pick<Actor, 'id' | 'displayName' | 'username'> | null;
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

const json = (x: unknown) => (x === undefined || x === null ? null : JSON.stringify(x));

/** Append-only: this repository has no update or delete, and a trigger refuses them in SQL. */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(e: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        entity_type: e.entityType,
        entity_id: e.entityId,
        evaluation_id: e.evaluationId,
        actor_id: e.actor?.id ?? null,
        actor_name: e.actor ? `${e.actor.displayName}（${e.actor.username}）` : '系统',
        action: e.action,
        at: e.at,
        before: json(e.before),
        after: json(e.after),
      })
      .execute();
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
