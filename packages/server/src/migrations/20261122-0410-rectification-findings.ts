/** Rectification items keep the audit findings they answer (snapshot at the time they were opened). */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rectifications add column findings jsonb not null default '[]'::jsonb`.execute(db);
}
