import { createHash, randomBytes } from 'node:crypto';
import { JxError } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { dummyHash, verifyPassword } from './hash-password.js';
import { lockedKeys, policyOf, reserveLoginAttempt, type Reservation } from './reserve-attempt.js';

/** The default absolute session lifetime (DEFAULT_SECURITY_POLICY.session.absoluteMs). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
  mustChangePassword: boolean;
}

/**
 * Checks the password (argon2id) under the login back-off and opens a session stored in the
 * database. Every success, failure and lock is written to the audit log.
 */
export async function login(ctx: AppContext, username: string, password: string, address = 'local'): Promise<LoginResult> {
  const reservation = await reserveLoginAttempt(ctx, username, address);
  const r = repositories(ctx.db);
  const user = await r.users.findByUsername(username);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  const actor = user && ok && !user.disabled ? await r.users.findActor(user.id) : undefined;
  if (!user || !actor) {
    await recordFailure(ctx, reservation, { username, address, userId: user?.id ?? null, reason: !user ? 'unknown_user' : ok ? 'disabled' : 'wrong_password' });
    throw new JxError('LOGIN_FAILED');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + policyOf(ctx).session.absoluteMs);
  await inTransaction(ctx, 'login', async (tx) => {
    await tx.loginThrottle.markSuccess(reservation.successKey, now);
    await tx.loginThrottle.giveBack(reservation.keys.filter((k) => k.key !== reservation.successKey).map((k) => k.key));
    await tx.sessions.create({ id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt, now });
    await tx.auditLog.append({ entityType: 'user', entityId: user.id, evaluationId: null, actor, action: AUDIT_EVENTS.LOGIN_SUCCEEDED, at: now, before: null, after: { address } });
  });
  return { token, csrfToken, actor, expiresAt, mustChangePassword: user.must_change_password };
}

/** A failed attempt (and any back-off it starts) in the audit log; the reserved failures stay counted. */
async function recordFailure(
  ctx: AppContext,
  reservation: Reservation,
  f: { username: string; address: string; userId: number | null; reason: 'unknown_user' | 'wrong_password' | 'disabled' },
): Promise<void> {
  const at = ctx.now();
  const name = f.username.slice(0, 100);
  const base = { entityType: 'user' as const, entityId: f.userId ?? 0, evaluationId: null, actor: null, actorName: `登录尝试：${name}`, at, before: null };
  const locks = lockedKeys(reservation, ctx);
  await inTransaction(ctx, 'record-login-failure', async (tx) => {
    await tx.auditLog.append({ ...base, action: AUDIT_EVENTS.LOGIN_FAILED, after: { username: name, address: f.address, reason: f.reason } });
    for (const l of locks) await tx.auditLog.append({ ...base, action: AUDIT_EVENTS.LOGIN_LOCKED, after: { username: name, address: f.address, ...l } });
  });
}

/** The signed-in actor for a session cookie, or null (unknown, expired, or idle too long). */
export async function resolveSession(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; csrfToken: string; sessionId: string; mustChangePassword: boolean } | null> {
  const r = repositories(ctx.db);
  const id = sessionIdOf(token);
  const now = ctx.now();
  // One query per request: the session and its actor together.
  const s = await r.users.findSessionActor(id, now, new Date(now.getTime() - policyOf(ctx).session.idleMs));
  if (!s) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() >= TOUCH_EVERY_MS) await r.sessions.touch(id, now);
  return { actor: s.actor, csrfToken: s.csrf_token, sessionId: id, mustChangePassword: s.must_change_password };
}

/** Ends a session (logout), with its audit entry. */
export async function logout(ctx: AppContext, sessionId: string, actor: Actor | null): Promise<void> {
  const at = ctx.now();
  await inTransaction(ctx, 'logout', async (tx) => {
    await tx.sessions.delete(sessionId);
    if (actor) await tx.auditLog.append({ entityType: 'user', entityId: actor.id, evaluationId: null, actor, action: AUDIT_EVENTS.LOGOUT, at, before: null, after: null });
  });
}
