/** Immutable get/set by model path ("indicators.0.children.2.actual") and a three-way merge. */

export type PathKey = string | number;

export function splitPath(path: string): PathKey[] {
  return path.split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function getIn(obj: unknown, path: string | PathKey[]): unknown {
  const keys = typeof path === 'string' ? splitPath(path) : path;
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathKey, unknown>)[k];
  }
  return cur;
}

/** Returns a copy with the value set; only the objects along the path are copied. */
export function setIn<T>(obj: T, path: string | PathKey[], value: unknown): T {
  const keys = typeof path === 'string' ? splitPath(path) : path;
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys as [PathKey, ...PathKey[]];
  const base = (obj ?? (typeof head === 'number' ? [] : {})) as Record<PathKey, unknown>;
  const child = setIn(base[head], rest, value);
  if (Array.isArray(base)) {
    const copy = base.slice();
    copy[head as number] = child;
    return copy as T;
  }
  return { ...base, [head]: child } as T;
}

/** Leaves of a JSON value by path (arrays by index). */
export function flatten(x: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === 'object') {
    const entries = Array.isArray(x) ? x.map((v, i) => [String(i), v] as const) : Object.entries(x as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, Array.isArray(x) ? [] : {});
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, x);
  }
  return out;
}

export interface MergeResult<T> {
  merged: T;
  /** Paths both sides changed to different values (ours kept). */
  conflicts: string[];
  /** Paths we changed and re-applied on top of theirs. */
  applied: string[];
}

/**
 * Three-way merge: re-apply every leaf that `mine` changed relative to `base` on top of
 * `theirs`. When both sides changed the same leaf differently, ours wins and the path is
 * reported, so nothing the user typed is lost and she sees what she overrode.
 */
export function mergeThreeWay<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const b = flatten(base);
  const m = flatten(mine);
  const t = flatten(theirs);
  let merged = theirs;
  const conflicts: string[] = [];
  const applied: string[] = [];
  const keys = new Set([...b.keys(), ...m.keys()]);
  for (const p of keys) {
    const bv = b.get(p);
    const mv = m.get(p);
    if (JSON.stringify(bv) === JSON.stringify(mv)) continue;
    const tv = t.get(p);
    if (JSON.stringify(tv) !== JSON.stringify(bv) && JSON.stringify(tv) !== JSON.stringify(mv)) conflicts.push(p);
    if (!m.has(p)) continue; // removed on our side: keep theirs (removal of array items is not replayed)
    merged = setIn(merged, p, mv);
    applied.push(p);
  }
  return { merged, conflicts, applied };
}
