import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Queries of the public portal that are not about one report. */
export class PublicRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Departments with published reports (for the portal's filter), with their counts. */
  listPublishedDepartments(year: number | undefined): Promise<{ id: number; name: string; count: number }[]> {
    let q = this.db
      .selectFrom('evaluations as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['d.id', 'd.name', sql<number>`cast(count(*) as integer)`.as('count')])
      .where('e.status', '=', 'published');
    if (year !== undefined) q = q.where('e.fiscal_year', '=', year);
    return q.groupBy(['d.id', 'd.name']).orderBy('d.id').execute();
  }
}
