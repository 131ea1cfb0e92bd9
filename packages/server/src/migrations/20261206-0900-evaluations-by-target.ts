/**
 * Evaluations by the target they were generated from: 生成自评 looks for an existing one, and a
 * monitoring return that is submitted or returned refreshes the stored figures of the target's
 * evaluations (use-cases/refresh-stored-figures.ts). Partial: most evaluations have no target.
 * Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index evaluations_target on evaluations(target_id) where target_id is not null`.execute(db);
}
