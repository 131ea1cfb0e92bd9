/** A third kind of self-evaluation: 转移支付 (transfer payments, 区域绩效目标自评). */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table evaluations drop constraint evaluations_kind_check`.execute(db);
  await sql`alter table evaluations add constraint evaluations_kind_check check (kind in ('department','project','transfer'))`.execute(db);
}
