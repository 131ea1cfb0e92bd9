/**
 * Input hygiene at the API boundary: a NUL or another control character (or a lone UTF-16
 * surrogate) in the path, a query parameter or any string or key of a JSON body is refused
 * with 400 INPUT_CONTROL_CHARACTER naming the field, before any of it reaches SQL. Tab, line
 * feed and carriage return stay allowed in JSON strings (multi-line report text).
 */
import type { MiddlewareHandler } from 'hono';
import { JxError } from '@jixiao/core';
import type { AppEnv } from './env.js';

// C0 controls but tab/LF/CR, DEL, C1 controls, and UTF-16 surrogates not in a pair.
const IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IN_URL = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function refuse(field: string, label: string, found: string): never {
  const message = `${label} ${field} 含有控制字符 ${describe(found)}`;
  throw new JxError('INPUT_CONTROL_CHARACTER', message, [{ field, message }]);
}

/** Whether any string or key in a parsed JSON value is bad: the common, clean case walks without building paths. */
function hasControlCharacter(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (IN_TEXT.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (IN_TEXT.test(k)) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

/** The first bad string in a parsed JSON value, as [path, offending character]; iterative (no recursion limit). */
export function findControlCharacter(value: unknown): [string, string] | null {
  if (!hasControlCharacter(value)) return null;
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const m = IN_TEXT.exec(v);
      if (m) return [path || '(请求体)', m[0]];
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const childPath = path ? `${path}.${k}` : k;
        const m = IN_TEXT.exec(k);
        if (m) return [childPath, m[0]];
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

export function rejectControlCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new JxError('BAD_REQUEST', '路径中的百分号编码无效');
    }
    const inPath = IN_URL.exec(path);
    if (inPath) refuse('path', '路径', inPath[0]);
    for (const [key, values] of Object.entries(c.req.queries())) {
      const inKey = IN_URL.exec(key);
      if (inKey) refuse(key, '查询参数', inKey[0]);
      for (const v of values) {
        const m = IN_URL.exec(v);
        if (m) refuse(key, '查询参数', m[0]);
      }
    }
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /\bjson\b/i.test(type)) {
      let body: unknown;
      try {
        body = await c.req.json(); // cached: the route reads the same parsed body
      } catch {
        body = undefined; // the route answers JSON_SYNTAX
      }
      const bad = body === undefined ? null : findControlCharacter(body);
      if (bad) refuse(bad[0], '字段', bad[1]);
    }
    await next();
  };
}
