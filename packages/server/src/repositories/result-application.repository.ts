import type { Kysely } from 'kysely';
import type { DB, ResultApplicationRow, ResultApplicationState } from '../db/schema.js';

/** 结果应用 decisions, one per evaluation. */
export class ResultApplicationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listFor(evaluationIds: readonly number[]): Promise<ResultApplicationRow[]> {
    if (evaluationIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('result_applications').selectAll().where('evaluation_id', 'in', [...evaluationIds]).orderBy('evaluation_id').execute();
  }

  findForUpdate(evaluationId: number) {
    return this.db.selectFrom('result_applications').selectAll().where('evaluation_id', '=', evaluationId).forUpdate().executeTakeFirst();
  }

  insert(r: { evaluationId: number; grade: string | null; gradeBasis: string; suggested: string; decision: string; note: string | null; profile: string; by: number; at: Date }) {
    return this.db
      .insertInto('result_applications')
      .values({
        evaluation_id: r.evaluationId,
        status: 'decided',
        grade: r.grade,
        grade_basis: r.gradeBasis,
        suggested: r.suggested,
        decision: r.decision,
        note: r.note,
        profile: r.profile,
        decided_by: r.by,
        decided_at: r.at,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  respond(evaluationId: number, expectedVersion: number, r: { status: ResultApplicationState; response: string; by: number; at: Date }) {
    return this.db
      .updateTable('result_applications')
      .set({ status: r.status, response: r.response, responded_by: r.by, responded_at: r.at, version: expectedVersion + 1 })
      .where('evaluation_id', '=', evaluationId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  }
}
