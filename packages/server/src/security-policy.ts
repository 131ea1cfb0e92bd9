/**
 * The login and password policy (in the spirit of 等保 2.0 level 3): password length and
 * character classes, back-off after failed attempts per user and address, per address and per
 * user, the same limit on the password change, and idle plus absolute session timeouts.
 * Configuration, not profile data: an operator sets it from the environment (see docs/SERVER.md).
 */
import { JxError } from '@jixiao/core';

/** Back-off after `free` failures: the next attempt waits base·2^(failures−free), at most `maxDelayMs`. */
export interface BackoffRule {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface SecurityPolicy {
  password: { minLength: number; minClasses: number };
  login: {
    /** One user name from one address (the ordinary guessing limit). */
    perUserAndAddress: BackoffRule;
    /** One address, any user names (a guessing address; successes do not count). */
    perAddress: BackoffRule;
    /**
     * One user name from anywhere (guessing spread over many addresses). It applies only to
     * addresses the user has not signed in from within `knownAddressMs`, so a stranger's
     * failures never lock the user out of the places they normally sign in from.
     */
    perUser: BackoffRule;
    knownAddressMs: number;
    /** Failures older than this (since the last failure) are forgotten. */
    forgetAfterMs: number;
  };
  /** Wrong current passwords on the password change, per user. */
  passwordChange: BackoffRule;
  session: { absoluteMs: number; idleMs: number };
}

const MINUTE = 60_000;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  password: { minLength: 10, minClasses: 3 },
  login: {
    perUserAndAddress: { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE },
    perAddress: { free: 30, baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE },
    perUser: { free: 10, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE },
    knownAddressMs: 90 * 24 * 60 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
  },
  passwordChange: { free: 5, baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE },
  session: { absoluteMs: 12 * 60 * MINUTE, idleMs: 30 * MINUTE },
};

function positiveInt(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,7}$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new JxError('USAGE', `环境变量 ${name} 应为 ${min}–${max} 的整数，收到“${v}”`);
  }
  return Number(v);
}

/**
 * JIXIAO_PASSWORD_MIN_LENGTH (10), JIXIAO_PASSWORD_MIN_CLASSES (3 of: lower case, upper case,
 * digits, other), JIXIAO_LOGIN_FREE_ATTEMPTS (5 per user and address), JIXIAO_SESSION_IDLE_MINUTES
 * (30), JIXIAO_SESSION_HOURS (12).
 */
export function securityPolicyFromEnv(env: NodeJS.ProcessEnv, base: SecurityPolicy = DEFAULT_SECURITY_POLICY): SecurityPolicy {
  const minLength = positiveInt(env, 'JIXIAO_PASSWORD_MIN_LENGTH', 8, 128);
  const minClasses = positiveInt(env, 'JIXIAO_PASSWORD_MIN_CLASSES', 1, 4);
  const free = positiveInt(env, 'JIXIAO_LOGIN_FREE_ATTEMPTS', 1, 100);
  const idle = positiveInt(env, 'JIXIAO_SESSION_IDLE_MINUTES', 1, 24 * 60);
  const hours = positiveInt(env, 'JIXIAO_SESSION_HOURS', 1, 24 * 30);
  return {
    ...base,
    password: { minLength: minLength ?? base.password.minLength, minClasses: minClasses ?? base.password.minClasses },
    login: { ...base.login, perUserAndAddress: { ...base.login.perUserAndAddress, free: free ?? base.login.perUserAndAddress.free } },
    session: { idleMs: idle !== undefined ? idle * MINUTE : base.session.idleMs, absoluteMs: hours !== undefined ? hours * 60 * MINUTE : base.session.absoluteMs },
  };
}

/** Why a password breaks the policy (Chinese), or null when it is acceptable. */
export function passwordPolicyProblem(password: string, policy: SecurityPolicy['password'], username?: string): string | null {
  const length = [...password].length;
  if (length < policy.minLength) return `密码至少 ${policy.minLength} 个字符`;
  if (length > 256) return '密码最多 256 个字符';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) return `密码须包含小写字母、大写字母、数字、其他符号中的至少 ${policy.minClasses} 类`;
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** Milliseconds the next attempt must wait under `rule` (0: it may go ahead). */
export function backoffWaitMs(
  state: { failures: number; lastFailureAt: Date | null },
  rule: BackoffRule,
  forgetAfterMs: number,
  now: Date,
): number {
  if (!state.lastFailureAt || state.failures < rule.free) return 0;
  const since = now.getTime() - state.lastFailureAt.getTime();
  if (since >= forgetAfterMs) return 0;
  const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(30, state.failures - rule.free));
  return Math.max(0, delay - since);
}
