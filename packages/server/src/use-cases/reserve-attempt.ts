/**
 * Attempt counting for the login and the password change, in the database (shared by every
 * server process, kept across restarts). Before a password is checked, the attempt's keys are
 * locked; if any applicable back-off still runs the attempt is refused (429 with Retry-After),
 * otherwise one failure is reserved on every key, so a burst of parallel guesses cannot pass
 * the check together. `settleAttempt` gives the reservation back on success.
 */
import { inTransaction, type AppContext } from '../context.js';
import { RetryLaterError } from '../errors.js';
import { backoffWaitMs, DEFAULT_SECURITY_POLICY, type BackoffRule, type SecurityPolicy } from '../security-policy.js';

export type AttemptScope = 'user+address' | 'address' | 'user' | 'password-change';

export interface ReservedKey {
  key: string;
  scope: AttemptScope;
  rule: BackoffRule;
  /** Failures on the key counting this attempt. */
  failures: number;
}

export interface Reservation {
  keys: ReservedKey[];
  /** The key that records a success (and, for a login, the address the user signs in from). */
  successKey: string;
  /** The user has signed in from this address before (the per-user back-off does not apply). */
  knownAddress: boolean;
}

const normUser = (u: string) => u.trim().toLowerCase().slice(0, 100);

export const THROTTLE_KEYS = {
  pair: (username: string, address: string) => `p:${normUser(username)}|${address.slice(0, 100)}`,
  address: (address: string) => `a:${address.slice(0, 100)}`,
  user: (username: string) => `u:${normUser(username)}`,
  passwordChange: (userId: number) => `pw:${userId}`,
};

export const policyOf = (ctx: AppContext): SecurityPolicy => ctx.security ?? DEFAULT_SECURITY_POLICY;

async function reserve(
  ctx: AppContext,
  wanted: { key: string; scope: AttemptScope; rule: BackoffRule }[],
  successKey: string,
  errorCode: 'LOGIN_RATE_LIMITED' | 'PASSWORD_RATE_LIMITED',
): Promise<Reservation> {
  const policy = policyOf(ctx);
  const now = ctx.now();
  const forgetBefore = new Date(now.getTime() - policy.login.forgetAfterMs);
  const result = await inTransaction(ctx, 'reserve-attempt', async (r) => {
    const rows = await r.loginThrottle.lock(wanted.map((w) => w.key));
    const success = rows.get(successKey)?.lastSuccessAt;
    const knownAddress = !!success && now.getTime() - success.getTime() < policy.login.knownAddressMs;
    const applicable = wanted.filter((w) => !(w.scope === 'user' && knownAddress));
    const waitMs = Math.max(0, ...applicable.map((w) => backoffWaitMs(rows.get(w.key) ?? { failures: 0, lastFailureAt: null }, w.rule, policy.login.forgetAfterMs, now)));
    if (waitMs > 0) return { waitMs, reservation: null };
    await r.loginThrottle.addFailure(wanted.map((w) => w.key), now, forgetBefore);
    const keys = wanted.map((w) => {
      const row = rows.get(w.key);
      const fresh = !row?.lastFailureAt || row.lastFailureAt < forgetBefore;
      return { ...w, failures: fresh ? 1 : row.failures + 1 };
    });
    return { waitMs: 0, reservation: { keys, successKey, knownAddress } };
  });
  if (!result.reservation) {
    const seconds = Math.ceil(result.waitMs / 1000);
    throw new RetryLaterError(errorCode, seconds, `请 ${formatWait(seconds)}后再试`);
  }
  return result.reservation;
}

function formatWait(seconds: number): string {
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** Keys of a login: this user from this address, this address, this user from anywhere. */
export function reserveLoginAttempt(ctx: AppContext, username: string, address: string): Promise<Reservation> {
  const rules = policyOf(ctx).login;
  const pair = THROTTLE_KEYS.pair(username, address);
  return reserve(
    ctx,
    [
      { key: pair, scope: 'user+address', rule: rules.perUserAndAddress },
      { key: THROTTLE_KEYS.address(address), scope: 'address', rule: rules.perAddress },
      { key: THROTTLE_KEYS.user(username), scope: 'user', rule: rules.perUser },
    ],
    pair,
    'LOGIN_RATE_LIMITED',
  );
}

/** Keys of a password change: this user's current-password checks, and the address. */
export function reservePasswordAttempt(ctx: AppContext, userId: number, address: string): Promise<Reservation> {
  const policy = policyOf(ctx);
  const key = THROTTLE_KEYS.passwordChange(userId);
  return reserve(
    ctx,
    [
      { key, scope: 'password-change', rule: policy.passwordChange },
      { key: THROTTLE_KEYS.address(address), scope: 'address', rule: policy.login.perAddress },
    ],
    key,
    'PASSWORD_RATE_LIMITED',
  );
}

/** After a failed check: the keys that now back off, how many failures and for how long (for the audit log). */
export function lockedKeys(reservation: Reservation, ctx: AppContext): { scope: AttemptScope; failures: number; retryAfterSeconds: number }[] {
  const policy = policyOf(ctx);
  const now = ctx.now();
  return reservation.keys
    .filter((k) => k.failures >= k.rule.free && !(k.scope === 'user' && reservation.knownAddress))
    .map((k) => ({
      scope: k.scope,
      failures: k.failures,
      retryAfterSeconds: Math.ceil(backoffWaitMs({ failures: k.failures, lastFailureAt: now }, k.rule, policy.login.forgetAfterMs, now) / 1000),
    }));
}
