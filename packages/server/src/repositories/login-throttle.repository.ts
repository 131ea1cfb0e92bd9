import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface ThrottleRow {
  key: string;
  failures: number;
  lastFailureAt: Date | null;
  lastSuccessAt: Date | null;
}

/**
 * Failed-attempt counters, one row per key (`p:<user>|<address>`, `a:<address>`, `u:<user>`,
 * `pw:<user id>`). Rows are locked (FOR UPDATE, in key order) inside the caller's transaction,
 * so several server processes and parallel requests count every attempt exactly once.
 */
export class LoginThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Creates missing rows and locks all of them until the transaction ends. */
  async lock(keys: readonly string[]): Promise<Map<string, ThrottleRow>> {
    const sorted = [...new Set(keys)].sort();
    await this.db
      .insertInto('login_throttle')
      .values(sorted.map((key) => ({ key })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const rows = await this.db.selectFrom('login_throttle').selectAll().where('key', 'in', sorted).orderBy('key').forUpdate().execute();
    return new Map(
      rows.map((r) => [
        r.key,
        {
          key: r.key,
          failures: r.failures,
          lastFailureAt: r.last_failure_at ? new Date(r.last_failure_at) : null,
          lastSuccessAt: r.last_success_at ? new Date(r.last_success_at) : null,
        },
      ]),
    );
  }

  /**
   * Counts one failure on each key (reserved before the password is checked; a success gives
   * it back). Failures older than `forgetBefore` start again from one.
   */
  async addFailure(keys: readonly string[], now: Date, forgetBefore: Date): Promise<void> {
    if (!keys.length) return;
    await this.db
      .updateTable('login_throttle')
      .set({
        failures: sql`case when last_failure_at is null or last_failure_at < ${forgetBefore} then 1 else failures + 1 end`,
        last_failure_at: now,
      })
      .where('key', 'in', [...keys])
      .execute();
  }

  /** Gives back one reserved failure on each key. */
  async giveBack(keys: readonly string[]): Promise<void> {
    if (!keys.length) return;
    await this.db
      .updateTable('login_throttle')
      .set({ failures: sql`greatest(failures - 1, 0)` })
      .where('key', 'in', [...keys])
      .execute();
  }

  /** A successful sign-in (or password check) clears the key and remembers when. */
  async markSuccess(key: string, now: Date): Promise<void> {
    await this.db.updateTable('login_throttle').set({ failures: 0, last_success_at: now }).where('key', '=', key).execute();
  }

  async get(key: string): Promise<ThrottleRow | undefined> {
    const r = await this.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    return r && { key: r.key, failures: r.failures, lastFailureAt: r.last_failure_at, lastSuccessAt: r.last_success_at };
  }

  /** Forgets rows with no failure since `failuresBefore` and no success since `successesBefore`. */
  async sweep(failuresBefore: Date, successesBefore: Date): Promise<void> {
    await this.db
      .deleteFrom('login_throttle')
      .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', failuresBefore)]))
      .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', successesBefore)]))
      .execute();
  }

  /**
   * One more hit on a fixed-window counter (the public audit's upload budget per address, key
   * `audit:<address>`): a window opens at the first hit and lasts `windowMs`. Returns the hits in
   * the current window, this one included. One statement, so parallel requests in several server
   * processes each count once; `sweep` forgets the row an hour after its window opened.
   */
  async hit(key: string, now: Date, windowMs: number): Promise<number> {
    const opened = new Date(now.getTime() - windowMs);
    const fresh = sql`login_throttle.last_failure_at is null or login_throttle.last_failure_at <= ${opened}`;
    const r = await sql<{ failures: number }>`
      insert into login_throttle (key, failures, last_failure_at) values (${key}, 1, ${now})
      on conflict (key) do update set
        failures = case when ${fresh} then 1 else login_throttle.failures + 1 end,
        last_failure_at = case when ${fresh} then ${now} else login_throttle.last_failure_at end
      returning failures`.execute(this.db);
    return Number(r.rows[0]!.failures);
  }
}
