/** Thin wrapper over node:util parseArgs that turns its English errors into a JxError(USAGE). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { JxError } from '@jixiao/core';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedOptions<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

export function parseOptions<O extends Options>(args: string[], options: O): ParsedOptions<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as unknown as ParsedOptions<O>;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new JxError('USAGE', `未知选项 ${unknown[1]}`);
    const missing = /Option '([^']+)' argument missing/.exec(msg) ?? /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (missing) throw new JxError('USAGE', `选项 ${missing[1]} 需要一个值`);
    throw new JxError('USAGE', msg);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new JxError('USAGE', `${option} 只能是 ${allowed.join(' / ')}，收到“${value}”`);
}
