import { createHash, randomBytes } from 'node:crypto';
import { JxError } from '@jixiao/core';
import type { AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { dummyHash, verifyPassword } from './hash-password.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password (argon2id) and opens a session stored in the database. */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<{ token: string; csrfToken: string; actor: Actor; expiresAt: Date }> {
  const r = repositories(ctx.db);
  const user = await r.users.findByUsername(username);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !ok || user.disabled) throw new JxError('LOGIN_FAILED');
  const actor = await r.users.findActor(user.id);
  if (!actor) throw new JxError('LOGIN_FAILED');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await r.sessions.create({ id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, actor, expiresAt };
}

/** The signed-in actor for a session cookie, or null. */
export async function resolveSession(ctx: AppContext, token: string): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | null> {
  const r = repositories(ctx.db);
  const id = sessionIdOf(token);
  const s = await r.sessions.find(id, ctx.now());
  if (!s) return null;
  const actor = await r.users.findActor(s.user_id);
  return actor ? { actor, csrfToken: s.csrf_token, sessionId: id } : null;
}
