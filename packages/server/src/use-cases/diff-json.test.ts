import { describe, expect, it } from 'vitest';
import { diffJson } from './diff-json.js';

describe('diffJson', () => {
  it('records only the changed leaves, with their values on both sides', () => {
    const d = diffJson(
      { totals: { statedScore: '97.5', statedGrade: '优' }, indicators: [{ name: 'a', actual: '1' }] },
      { totals: { statedScore: '96', statedGrade: '优' }, indicators: [{ name: 'a', actual: '2' }, { name: 'b' }] },
    );
    expect(d.before).toEqual({ 'totals.statedScore': '97.5', 'indicators.0.actual': '1', 'indicators.1.name': null });
    expect(d.after).toEqual({ 'totals.statedScore': '96', 'indicators.0.actual': '2', 'indicators.1.name': 'b' });
  });

  it('identical documents give an empty diff; removed leaves become null after', () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual({ before: {}, after: {} });
    expect(diffJson({ a: { b: 1 } }, { a: {} })).toEqual({ before: { 'a.b': 1, a: null }, after: { 'a.b': null, a: {} } });
  });

  it('equals the flat comparison of every leaf on random documents (arrays grown and shrunk, leaves turned into objects, undefined as null)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.3) return [null, undefined, 0, 1, '1', 'a', true, [], {}][Math.floor(rnd() * 9)];
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => ['k' + Math.floor(rnd() * 5), value(depth + 1)]));
    };
    const mutate = (x: unknown, depth: number): unknown => {
      if (rnd() < 0.2) return value(depth);
      if (Array.isArray(x)) return rnd() < 0.2 ? [...x, value(depth + 1)] : x.slice(0, rnd() < 0.2 ? -1 : undefined).map((v) => mutate(v, depth + 1));
      if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, mutate(v, depth + 1)]));
      return x;
    };
    const flat = (x: unknown, prefix: string, out: Map<string, unknown>) => {
      if (x !== null && typeof x === 'object') {
        const entries = Array.isArray(x) ? x.map((v, i) => [String(i), v] as const) : Object.entries(x);
        if (entries.length === 0) return void out.set(prefix, Array.isArray(x) ? [] : {});
        for (const [k, v] of entries) flat(v, prefix ? `${prefix}.${k}` : k, out);
      } else out.set(prefix, x === undefined ? null : x);
    };
    for (let i = 0; i < 500; i++) {
      const a = value(0);
      const b = mutate(a, 0);
      const fa = new Map<string, unknown>();
      const fb = new Map<string, unknown>();
      flat(a, '', fa);
      flat(b, '', fb);
      const expected: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
      for (const p of new Set([...fa.keys(), ...fb.keys()])) {
        const va = fa.has(p) ? fa.get(p) : null;
        const vb = fb.has(p) ? fb.get(p) : null;
        if (JSON.stringify(va) !== JSON.stringify(vb)) {
          expected.before[p] = va;
          expected.after[p] = vb;
        }
      }
      expect(diffJson(a, b)).toEqual(expected);
    }
  });
});
