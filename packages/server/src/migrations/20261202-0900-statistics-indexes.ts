/**
 * Indexes for the queries the dashboard, the lists and the to-do make: evaluations of one year
 * by status (every dashboard query is one year minus drafts; the review queue and the to-do
 * are one status), evaluations by project (the ranking and exports name the project), and the
 * organisation joins from a bureau down to its units. Measured at 20,000 evaluations in one
 * year: docs/BENCHMARKS.md (bench/load-evaluations.ts).
 */
import { sql, type Kysely } from 'kysely';

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `create index evaluations_year_status on evaluations(fiscal_year, status)`,
  `create index evaluations_status_unit on evaluations(status, unit_id)`,
  `create index units_department on units(department_id)`,
  `create index departments_bureau on departments(bureau_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
