import { JxError, type JxIssue } from '@jixiao/core';

/** 409 VERSION_CONFLICT carrying the version now stored, so the client can reload. */
export class VersionConflictError extends JxError {
  constructor(readonly currentVersion: number, detail?: string) {
    super('VERSION_CONFLICT', detail ?? `您提交的版本已过期，当前版本为 ${currentVersion}`);
  }
  override toJSON() {
    return { ...super.toJSON(), currentVersion: this.currentVersion };
  }
}

export const notFound = (what = '') => new JxError('NOT_FOUND', what || undefined);
export const forbidden = (why: string) => new JxError('FORBIDDEN', why);
export const invalidState = (why: string) => new JxError('INVALID_STATE', why);
export const badRequest = (why: string, issues: JxIssue[] = []) => new JxError('BAD_REQUEST', why, issues);

/** 429 (or 503) carrying how long to wait; the HTTP layer sends it as Retry-After. */
export class RetryLaterError extends JxError {
  constructor(
    code: 'LOGIN_RATE_LIMITED' | 'PASSWORD_RATE_LIMITED' | 'RATE_LIMITED' | 'DATABASE_UNAVAILABLE' | 'NOT_READY',
    readonly retryAfterSeconds: number,
    detail?: string,
  ) {
    super(code, detail);
  }
  override toJSON() {
    return { ...super.toJSON(), retryAfterSeconds: this.retryAfterSeconds };
  }
}
