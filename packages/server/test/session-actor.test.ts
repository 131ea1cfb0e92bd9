/**
 * Resolving a session cookie reads the session and its actor in one query (every API request
 * does it), on PGlite and PostgreSQL: the actor is the one `findActor` gives for each role's
 * scope (unit → department → bureau); an unknown token, an expired or idle session and a
 * disabled user resolve to nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { createOrg, PASSWORD, USERS, type Org } from './fixtures.js';
import { repositories } from '../src/repositories/index.js';
import { login, resolveSession } from '../src/use-cases/login.js';

describe.each(DATABASE_KINDS)('session and actor in one query on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives each role the actor findActor gives, with its CSRF token and password flag', async () => {
    for (const u of USERS) {
      const s = await login(t.ctx, u.username, PASSWORD);
      const resolved = await resolveSession(t.ctx, s.token);
      expect(resolved, u.username).not.toBeNull();
      expect(resolved!.actor).toEqual(await repositories(t.ctx.db).users.findActor(org.users[u.username]!.id));
      expect(resolved!.actor).toEqual(s.actor);
      expect(resolved!.csrfToken).toBe(s.csrfToken);
      expect(resolved!.mustChangePassword).toBe(false);
    }
  });

  it('resolves nothing for an unknown token, an expired or idle session, or a disabled user', async () => {
    const s = await login(t.ctx, 'headB', PASSWORD);
    expect(await resolveSession(t.ctx, 'no-such-token')).toBeNull();
    const later = (ms: number) => ({ ...t.ctx, now: () => new Date(Date.now() + ms) });
    expect(await resolveSession(later(13 * 60 * 60 * 1000), s.token)).toBeNull(); // idle and past the absolute lifetime
    expect(await resolveSession(t.ctx, s.token)).not.toBeNull();
    await t.ctx.db.updateTable('users').set({ disabled: true }).where('id', '=', org.users.headB!.id).execute();
    expect(await resolveSession(t.ctx, s.token)).toBeNull();
    await t.ctx.db.updateTable('users').set({ disabled: false }).where('id', '=', org.users.headB!.id).execute();
    expect((await resolveSession(t.ctx, s.token))?.actor.username).toBe('headB');
  });
});
