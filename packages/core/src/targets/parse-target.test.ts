import { describe, expect, it } from 'vitest';
import { parseTarget } from './parse-target.js';
import type { ParsedTarget } from './types.js';

/** A comparable view of a parsed target (Decimals as strings, no raw). */
function view(t: ParsedTarget) {
  if (t.kind === 'quantitative') {
    return {
      kind: t.kind,
      sign: t.sign,
      value: t.value.toString(),
      upper: t.upper === null ? null : t.upper.toString(),
      unit: t.unit,
      percent: t.percent,
    };
  }
  if (t.kind === 'qualitative') return { kind: t.kind, level: t.level };
  return { kind: t.kind, reason: t.reason };
}

const q = (sign: string, value: string, unit: string | null = null, percent = false, upper: string | null = null) => ({
  kind: 'quantitative',
  sign,
  value,
  upper,
  unit,
  percent,
});

describe('parseTarget: quantitative forms from "How targets are written"', () => {
  const cases: Array<[string, ReturnType<typeof q>]> = [
    ['≥95%', q('>=', '95', null, true)],
    ['>=3', q('>=', '3')],
    ['≥3次', q('>=', '3', '次')],
    ['≤263.38', q('<=', '263.38')],
    ['≤90万元', q('<=', '90', '万元')],
    ['=100%', q('=', '100', null, true)],
    ['100%', q('=', '100', null, true)],
    ['0起', q('=', '0', '起')],
    ['不低于95%', q('>=', '95', null, true)],
    ['不少于3个', q('>=', '3', '个')],
    ['不超过5%', q('<=', '5', null, true)],
    ['不超过263.38万元', q('<=', '263.38', '万元')],
    ['达到90%及以上', q('>=', '90', null, true)],
    ['90%以上', q('>=', '90', null, true)],
    ['3次及以上', q('>=', '3', '次')],
    ['5%以内', q('<=', '5', null, true)],
    ['控制在263.38万元以内', q('<=', '263.38', '万元')],
    ['90%-95%', q('>=', '90', null, true, '95')],
    ['90-95万元', q('>=', '90', '万元', false, '95')],
    ['>0', q('>', '0')],
    ['<5天', q('<', '5', '天')],
    ['大于90%', q('>', '90', null, true)],
    ['低于2%', q('<', '2', null, true)],
    ['<=10', q('<=', '10')],
    ['≤-5%', q('<=', '-5', null, true)],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${text}`, () => {
      expect(view(parseTarget(text))).toEqual(expected);
    });
  }

  it('keeps the raw text', () => {
    expect(parseTarget(' ≥95% ').raw).toBe(' ≥95% ');
  });
});

describe('parseTarget: debris, full-width and separators', () => {
  it('reads LaTeX debris $\\geq 90\\%$ as ≥90%', () => {
    expect(view(parseTarget('$\\geq 90\\%$'))).toEqual(q('>=', '90', null, true));
  });
  it('reads $\\leq 5$ and \\text{} wrappers', () => {
    expect(view(parseTarget('$\\leq 5 \\text{天}$'))).toEqual(q('<=', '5', '天'));
  });
  it('reads full-width digits and symbols (NFKC)', () => {
    expect(view(parseTarget('≥９５％'))).toEqual(q('>=', '95', null, true));
    expect(view(parseTarget('＞＝３次'))).toEqual(q('>=', '3', '次'));
    expect(view(parseTarget('　≤　２６３．３８　'))).toEqual(q('<=', '263.38'));
  });
  it('drops thousands separators', () => {
    expect(view(parseTarget('≤1,234,567.8元'))).toEqual(q('<=', '1234567.8', '元'));
    expect(view(parseTarget('≥1，200人'))).toEqual(q('>=', '1200', '人'));
  });
  it('accepts ≧ and ≦', () => {
    expect(view(parseTarget('≧80%'))).toEqual(q('>=', '80', null, true));
    expect(view(parseTarget('≦80%'))).toEqual(q('<=', '80', null, true));
  });
  it('keeps ㎡ as a unit, not a second number', () => {
    expect(view(parseTarget('≤500㎡'))).toEqual(q('<=', '500', 'm²'));
  });
});

describe('parseTarget: hints from separate columns', () => {
  it('takes the sign from the 指标性质 column when the text has none', () => {
    expect(view(parseTarget('263.38', { sign: '<=' }))).toEqual(q('<=', '263.38'));
  });
  it('takes the unit from the 计量单位 column', () => {
    expect(view(parseTarget('95', { sign: '>=', unitOfMeasure: '%' }))).toEqual(q('>=', '95', null, true));
    expect(view(parseTarget('3', { sign: '>=', unitOfMeasure: '次' }))).toEqual(q('>=', '3', '次'));
  });
  it('lets the text win over the unit column', () => {
    expect(view(parseTarget('≥3个', { unitOfMeasure: '次' }))).toEqual(q('>=', '3', '个'));
  });
  it('treats anything as qualitative when the sign column says 定性', () => {
    expect(view(parseTarget('优', { sign: 'qualitative' }))).toEqual({ kind: 'qualitative', level: '优' });
  });
});

describe('parseTarget: qualitative targets', () => {
  for (const word of ['增强', '有效增强', '提高', '明显提升', '显著', '良好', '达标', '合格', '按计划完成', '是', '否']) {
    it(`reads ${word} as qualitative`, () => {
      expect(view(parseTarget(word))).toEqual({ kind: 'qualitative', level: word });
    });
  }
  it('reads deadlines as qualitative', () => {
    expect(view(parseTarget('12月底前完成'))).toEqual({ kind: 'qualitative', level: '12月底前完成' });
    expect(view(parseTarget('2023年12月31日前'))).toEqual({ kind: 'qualitative', level: '2023年12月31日前' });
  });
  it('reads comparisons without a number as qualitative', () => {
    expect(view(parseTarget('不低于上年'))).toEqual({ kind: 'qualitative', level: '不低于上年' });
  });
});

describe('parseTarget: garbled targets are findings, not crashes', () => {
  it('flags 低于达到0.5%及以上 as contradictory', () => {
    const t = parseTarget('低于达到0.5%及以上');
    expect(t.kind).toBe('unparseable');
    if (t.kind === 'unparseable') {
      expect(t.reason).toContain('低于');
      expect(t.reason).toContain('及以上');
      expect(t.reason).toContain('方向矛盾');
    }
  });
  it('flags ≥90%以内 as contradictory', () => {
    expect(parseTarget('≥90%以内').kind).toBe('unparseable');
  });
  it('flags empty and placeholder cells', () => {
    expect(view(parseTarget(''))).toEqual({ kind: 'unparseable', reason: '未填写指标值' });
    expect(parseTarget('——').kind).toBe('unparseable');
    expect(parseTarget('/').kind).toBe('unparseable');
  });
  it('flags several numbers that are not a range', () => {
    const t = parseTarget('3次5个');
    expect(t.kind).toBe('unparseable');
    if (t.kind === 'unparseable') expect(t.reason).toContain('多个数字');
  });
  it('flags symbols it cannot read', () => {
    expect(parseTarget('≥95%#@!').kind).toBe('unparseable');
    expect(parseTarget('???').kind).toBe('unparseable');
  });
});

describe('parseTarget: Chinese counts, notes and trailing verbs', () => {
  it('reads 不少于三次 and 两个以上 as numbers', () => {
    expect(view(parseTarget('不少于三次'))).toEqual(q('>=', '3', '次'));
    expect(view(parseTarget('两个以上'))).toEqual(q('>=', '2', '个'));
    expect(view(parseTarget('十二期'))).toEqual(q('=', '12', '期'));
  });
  it('leaves words such as 一次性完成 and 一般 alone', () => {
    expect(view(parseTarget('一次性完成'))).toEqual({ kind: 'qualitative', level: '一次性完成' });
    expect(view(parseTarget('一般'))).toEqual({ kind: 'qualitative', level: '一般' });
  });
  it('treats (含) as inclusive and drops parenthetical notes', () => {
    expect(view(parseTarget('90%（含）以上'))).toEqual(q('>=', '90', null, true));
    expect(view(parseTarget('≥3次（含专项巡察）'))).toEqual(q('>=', '3', '次'));
  });
  it('does not take a trailing verb for a unit: 100%完成', () => {
    expect(view(parseTarget('100%完成'))).toEqual(q('=', '100', null, true));
  });
});
