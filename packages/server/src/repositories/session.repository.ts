import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(s: { id: string; userId: number; csrfToken: string; expiresAt: Date; now?: Date }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, ...(s.now ? { created_at: s.now, last_seen_at: s.now } : {}) })
      .execute();
  }

  /**
   * The live session with this id: not past its absolute expiry and seen since `idleSince`.
   * Carries whether its user must change the password before doing anything else.
   */
  find(
    id: string,
    now: Date,
    idleSince: Date,
  ): Promise<{ user_id: number; csrf_token: string; last_seen_at: Date; must_change_password: boolean } | undefined> {
    return this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.user_id', 's.csrf_token', 's.last_seen_at', 'u.must_change_password'])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', now)
      .where('s.last_seen_at', '>', idleSince)
      .executeTakeFirst();
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteOtherSessions(userId: number, keepId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();
  }

  /** Every session of a user (the administrator reset the password). */
  async deleteUserSessions(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Sessions past their absolute expiry, or idle since `idleSince`. */
  async deleteExpired(now: Date, idleSince?: Date): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where((eb) => (idleSince ? eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]) : eb('expires_at', '<=', now)))
      .execute();
  }
}
