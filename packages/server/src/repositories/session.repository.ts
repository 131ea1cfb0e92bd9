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
