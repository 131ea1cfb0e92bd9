/**
 * Grading and checks before submission: the reason a recomputed total cannot be graded
 * (无法定级：…, beside the then-null grade, for lists and dashboards), and the finance bureau's
 * override of the submission checks for one evaluation (reason, who, when, which rules).
 * Rows saved before this migration keep a null reason until they are next saved.
 */
import { sql, type Kysely } from 'kysely';

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `alter table evaluations add column ungradable_reason text`,
  `alter table evaluations add column submission_override jsonb`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
