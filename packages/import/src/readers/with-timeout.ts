import { JxError } from '@jixiao/core';

/** Give up waiting for `work` after `ms` (the caller's answer is then a TIMEOUT error). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JxError('TIMEOUT', `${what}超过 ${Math.round(ms / 1000)} 秒`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
