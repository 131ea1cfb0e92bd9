import { describe, expect, it } from 'vitest';
import { formatTarget } from './format-target.js';
import { parseTarget } from './parse-target.js';

describe('formatTarget: canonical forms', () => {
  const cases: Array<[string, string]> = [
    ['≥95%', '≥95%'],
    ['>=3', '≥3'],
    ['不少于3次', '≥3次'],
    ['≤263.38万元', '≤263.38万元'],
    ['控制在90万元以内', '≤90万元'],
    ['100%', '=100%'],
    ['达到90%及以上', '≥90%'],
    ['$\\geq 90\\%$', '≥90%'],
    ['90%-95%', '90%-95%'],
    ['95%～90%', '90%-95%'],
    ['有效增强', '有效增强'],
    ['≥９５．０％', '≥95%'],
  ];
  for (const [input, canonical] of cases) {
    it(`${input} → ${canonical}`, () => {
      expect(formatTarget(parseTarget(input))).toBe(canonical);
    });
  }

  it('gives back the raw text of an unparseable target', () => {
    expect(formatTarget(parseTarget('低于达到0.5%及以上'))).toBe('低于达到0.5%及以上');
  });
});
