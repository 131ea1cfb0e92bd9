import type { Kysely } from 'kysely';
import type { DB, SampleRow } from '../db/schema.js';

export class SampleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(s: { fiscalYear: number; size: number; seed: string; population: number[]; evaluationIds: number[]; drawnBy: number; at: Date }) {
    return this.db
      .insertInto('samples')
      .values({
        fiscal_year: s.fiscalYear,
        size: s.size,
        seed: s.seed,
        population: JSON.stringify(s.population),
        evaluation_ids: JSON.stringify(s.evaluationIds),
        drawn_by: s.drawnBy,
        drawn_at: s.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  list(year?: number): Promise<SampleRow[]> {
    let q = this.db.selectFrom('samples').selectAll();
    if (year !== undefined) q = q.where('fiscal_year', '=', year);
    return q.orderBy('id').execute();
  }
}
