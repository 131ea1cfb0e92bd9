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

export function diffJson(before: unknown, after: unknown): JsonDiff {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const diff: JsonDiff = { before: {}, after: {} };
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const va = a.has(path) ? a.get(path) : null;
    const vb = b.has(path) ? b.get(path) : null;
    if (JSON.stringify(va) !== JSON.stringify(vb)) {
      diff.before[path] = va;
      diff.after[path] = vb;
    }
  }
  return diff;
}
