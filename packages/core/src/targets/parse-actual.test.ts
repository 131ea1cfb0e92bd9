import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActual, qualitativeLevelOf } from './parse-actual.js';

describe('parseActual: numbers', () => {
  it('reads plain numbers, percents and units', () => {
    const a = parseActual('265.45');
    expect(a.kind === 'quantitative' && [a.value.toString(), a.unit, a.percent]).toEqual(['265.45', null, false]);
    const b = parseActual('99%');
    expect(b.kind === 'quantitative' && [b.value.toString(), b.unit, b.percent]).toEqual(['99', null, true]);
    const c = parseActual('4次');
    expect(c.kind === 'quantitative' && [c.value.toString(), c.unit, c.percent]).toEqual(['4', '次', false]);
    const d = parseActual('１,２００万元');
    expect(d.kind === 'quantitative' && [d.value.toString(), d.unit]).toEqual(['1200', '万元']);
  });
  it('reads actuals written with direction words or LaTeX', () => {
    const a = parseActual('达到95%以上');
    expect(a.kind === 'quantitative' && a.value.toString()).toBe('95');
    const b = parseActual('$90\\%$');
    expect(b.kind === 'quantitative' && [b.value.toString(), b.percent]).toEqual(['90', true]);
  });
  it('keeps a negative actual negative (scoring treats it as 0)', () => {
    const a = parseActual('-3');
    expect(a.kind === 'quantitative' && a.value.toString()).toBe('-3');
  });
  it('uses the unit column as a hint', () => {
    const a = parseActual('95', { unitOfMeasure: '%' });
    expect(a.kind === 'quantitative' && a.percent).toBe(true);
  });
  it('flags several numbers', () => {
    expect(parseActual('11/30').kind).toBe('unparseable');
  });
});

describe('parseActual: empty cells', () => {
  for (const s of ['', '   ', '——', '—', '/', '-', '　', '…']) {
    it(`reads ${JSON.stringify(s)} as empty`, () => {
      expect(parseActual(s).kind).toBe('empty');
    });
  }
});

describe('parseActual: qualitative words', () => {
  const cases: Array<[string, string | null]> = [
    ['达成', 'achieved'],
    ['完成', 'achieved'],
    ['增强', 'achieved'],
    ['有效增强', 'achieved'],
    ['明显提升', 'achieved'],
    ['达标', 'achieved'],
    ['合格', 'achieved'],
    ['按计划完成', 'achieved'],
    ['是', 'achieved'],
    ['部分达成', 'partial'],
    ['部分达成并具有一定效果', 'partial'],
    ['基本完成', 'partial'],
    ['未达成', 'not_achieved'],
    ['未完成', 'not_achieved'],
    ['未达成且效果较差', 'not_achieved'],
    ['不合格', 'not_achieved'],
    ['否', 'not_achieved'],
    ['见附件', null],
  ];
  for (const [word, level] of cases) {
    it(`maps ${word} → ${level}`, () => {
      const a = parseActual(word);
      expect(a.kind).toBe('qualitative');
      if (a.kind === 'qualitative') {
        expect(a.level).toBe(level);
        expect(a.word).toBe(word);
      }
      expect(qualitativeLevelOf(word)).toBe(level);
    });
  }
  it('reads a dated completion as qualitative', () => {
    const a = parseActual('12月底前完成');
    expect(a.kind === 'qualitative' && a.level).toBe('achieved');
  });
});

describe('parseActual properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const a = parseActual(s);
        expect(['quantitative', 'qualitative', 'empty', 'unparseable']).toContain(a.kind);
        expect(a.raw).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});
