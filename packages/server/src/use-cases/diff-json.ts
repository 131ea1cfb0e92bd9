/**
 * Pure: the leaves that differ between two JSON values, as two flat maps from path
 * ("totals.statedScore", "indicators.0.children.1.children.0.actual") to the value on
 * each side (null where the leaf does not exist on that side). The audit log records
 * saves this way: before and after of exactly what changed, not two whole documents.
 */
export interface JsonDiff {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function flatten(x: unknown, prefix: string, out: Map<string, unknown>): void {
  if (x !== null && typeof x === 'object') {
    const entries = Array.isArray(x) ? x.map((v, i) => [String(i), v] as const) : Object.entries(x as Record<string, unknown>);
    if (entries.length === 0) {
      out.set(prefix, Array.isArray(x) ? [] : {});
      return;
    }
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, x === undefined ? null : x);
  }
}

const MISSING = Symbol('missing');
const hasOwn = (x: object, k: string) => Object.prototype.hasOwnProperty.call(x, k);

/** A non-empty object or array: its leaves are compared one by one. */
function isBranch(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object') return false;
  if (Array.isArray(x)) return x.length > 0;
  for (const _ in x) return true;
  return false;
}

const keysOf = (x: Record<string, unknown>): string[] => (Array.isArray(x) ? x.map((_, i) => String(i)) : Object.keys(x));

function compareLeaves(a: unknown, b: unknown, path: string, diff: JsonDiff): void {
  const fa = new Map<string, unknown>();
  const fb = new Map<string, unknown>();
  if (a !== MISSING) flatten(a, path, fa);
  if (b !== MISSING) flatten(b, path, fb);
  for (const p of new Set([...fa.keys(), ...fb.keys()])) {
    const va = fa.has(p) ? fa.get(p) : null;
    const vb = fb.has(p) ? fb.get(p) : null;
    if (va === vb || JSON.stringify(va) === JSON.stringify(vb)) continue;
    diff.before[p] = va;
    diff.after[p] = vb;
  }
}

/** Walks both documents together, descending only where both sides branch; a leaf, an empty container or a missing side is compared flat. */
function walk(a: unknown, b: unknown, path: string, diff: JsonDiff): void {
  if (a === b && (a === null || typeof a !== 'object')) return;
  if (!isBranch(a) || !isBranch(b)) return compareLeaves(a, b, path, diff);
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const ka = keysOf(a);
  for (const k of ka) walk(a[k], hasOwn(b, k) ? b[k] : MISSING, at(k), diff);
  for (const k of keysOf(b)) if (!hasOwn(a, k)) walk(MISSING, b[k], at(k), diff);
}

/** A leaf missing on one side and null (or undefined) on the other is no change. */
export function diffJson(before: unknown, after: unknown): JsonDiff {
  const diff: JsonDiff = { before: {}, after: {} };
  walk(before, after, '', diff);
  return diff;
}
