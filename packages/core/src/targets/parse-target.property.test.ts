import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { formatTarget } from './format-target.js';
import { parseTarget } from './parse-target.js';
import type { ParsedTarget, TargetSign } from './types.js';

function view(t: ParsedTarget) {
  if (t.kind === 'quantitative') {
    return { ...t, raw: undefined, value: t.value.toString(), upper: t.upper === null ? null : t.upper.toString() };
  }
  return { ...t, raw: undefined };
}

const decimalText = fc
  .tuple(fc.nat({ max: 10_000_000 }), fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }))
  .map(([i, frac]) => new Decimal(frac === null ? `${i}` : `${i}.${String(frac).padStart(4, '0')}`));

const units = fc.constantFrom<string | null>(null, '次', '个', '万元', '元', '人', '人次', '天', '项', '起', '户', 'km', '小时');
const signs = fc.constantFrom<TargetSign>('>=', '>', '=', '<=', '<');

const single: fc.Arbitrary<ParsedTarget> = fc
  .record({ sign: signs, value: decimalText, negative: fc.boolean(), unit: units, percent: fc.boolean() })
  .map(({ sign, value, negative, unit, percent }) => ({
    kind: 'quantitative' as const,
    sign,
    value: negative && !value.isZero() ? value.negated() : value,
    upper: null,
    unit: percent ? null : unit,
    percent,
    raw: '',
  }));

const range: fc.Arbitrary<ParsedTarget> = fc
  .record({ a: decimalText, b: decimalText, unit: units, percent: fc.boolean() })
  .filter(({ a, b }) => !a.equals(b))
  .map(({ a, b, unit, percent }) => ({
    kind: 'quantitative' as const,
    sign: '>=' as const,
    value: Decimal.min(a, b),
    upper: Decimal.max(a, b),
    unit: percent ? null : unit,
    percent,
    raw: '',
  }));

const qualitative: fc.Arbitrary<ParsedTarget> = fc
  .constantFrom('增强', '有效增强', '提高', '明显提升', '显著', '良好', '达标', '合格', '按计划完成', '是', '否', '不低于上年')
  .map((level) => ({ kind: 'qualitative' as const, level, raw: '' }));

describe('parseTarget properties', () => {
  it('never throws on arbitrary strings and always returns a known kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const t = parseTarget(s);
        expect(['quantitative', 'qualitative', 'unparseable']).toContain(t.kind);
        expect(t.raw).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings made of target-like pieces', () => {
    const piece = fc.constantFrom(
      '≥', '≤', '>', '<', '=', '%', '％', '.', ',', '-', '~', '至', '以上', '以内', '不低于', '达到', '及以上', '低于',
      '万元', '次', '$', '\\geq', '\\%', ' ', '　', '0', '1', '9', '５', '２０２３年', '12月', '——', '/', '增强',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (ps) => {
        const s = ps.join('');
        expect(() => parseTarget(s)).not.toThrow();
        expect(() => formatTarget(parseTarget(s))).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on non-string input smuggled past the types', () => {
    for (const x of [null, undefined, 42, {}, []]) {
      expect(() => parseTarget(x as unknown as string)).not.toThrow();
    }
  });

  it('round-trips well-formed targets: parseTarget(formatTarget(t)) equals t (modulo raw)', () => {
    fc.assert(
      fc.property(fc.oneof(single, range, qualitative), (t) => {
        const back = parseTarget(formatTarget(t));
        expect(view(back)).toEqual(view(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the word and debris spellings of a well-formed target the same as its canonical form', () => {
    const fullWidth = (x: string) => x.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(single, (t) => {
        if (t.kind !== 'quantitative') return;
        const v = `${t.value.toFixed()}${t.percent ? '%' : ''}${t.unit ?? ''}`;
        const canonical = view(parseTarget(formatTarget(t)));
        const spellings: string[] = [fullWidth(formatTarget(t)), ` ${formatTarget(t)}；`];
        if (t.sign === '>=') spellings.push(`不低于${v}`, `${v}及以上`, `达到${v}及以上`, `$\\geq ${v.replace('%', '\\%')}$`, `>=${v}`);
        if (t.sign === '<=') spellings.push(`不超过${v}`, `${v}以内`, `控制在${v}以内`, `$\\leq ${v.replace('%', '\\%')}$`, `<=${v}`);
        for (const s of spellings) expect(view(parseTarget(s)), s).toEqual(canonical);
      }),
      { numRuns: 1500 },
    );
  });
});
