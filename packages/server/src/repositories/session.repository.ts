import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(s: { id: string; userId: number; csrfToken: string; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
      .execute();
  }

  find(id: string, now: Date): Promise<{ user_id: number; csrf_token: string } | undefined> {
    return this.db
      .selectFrom('sessions')
      .select(['user_id', 'csrf_token'])
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteOtherSessions(userId: number, keepId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
