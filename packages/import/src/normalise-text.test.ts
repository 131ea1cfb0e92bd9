import { describe, expect, it } from 'vitest';
import { compactLine, latexToText, normaliseLines } from './normalise-text.js';
import { canonicalDecimal, parseCellNumber, scanNumbers, yuanToWan, chineseNumeral } from './parse-number.js';

describe('normaliseLines', () => {
  it('keeps one output line per input line, blanking debris', () => {
    const raw = ['第一行', '— 3 —', '第 2 页 共 9 页', '\t[bookmark: _GoBack]', '最后一行'];
    const n = normaliseLines(raw);
    expect(n.lines).toHaveLength(raw.length);
    expect(n.lines[1]).toBe('');
    expect(n.removed.slice(0, 3)).toEqual([false, true, true]);
    expect(n.lines[3]).toBe('\t');
    expect(n.notes.join('')).toContain('页码');
  });

  it('LaTeX debris from PDF conversion', () => {
    expect(latexToText('\\geq 90\\%')).toBe('≥90%');
    expect(latexToText('75 \\leq \\text{得分} < 85')).toBe('75≤得分<85');
    expect(normaliseLines(['年度指标值 $\\geq 90\\%$ ，完成']).lines[0]).toBe('年度指标值 ≥90% ，完成');
  });

  it('full-width digits and signs, Kangxi and supplement radicals, but not Chinese punctuation', () => {
    const [line] = normaliseLines(['（一）执行率９９．７１％，⾦额⻓期']).lines;
    expect(line).toBe('（一）执行率99.71%，金额长期');
  });

  it('spaces between CJK characters from justified PDF lines', () => {
    expect(normaliseLines(['预 算 资 金 执 行 情 况']).lines[0]).toBe('预算资金执行情况');
    // a name and a title are not justification debris
    expect(normaliseLines(['彭 静 秘书二科负责人']).lines[0]).toBe('彭 静 秘书二科负责人');
  });

  it('OCR spaces around a decimal point', () => {
    expect(normaliseLines(['全年执行数276. 7万元，年初 263 .38']).lines[0]).toBe('全年执行数276.7万元，年初 263.38');
    expect(normaliseLines(['12 11 91.67%']).lines[0]).toBe('12 11 91.67%');
    expect(normaliseLines(['1. 2023年我部门认真贯彻']).lines[0]).toBe('1. 2023年我部门认真贯彻');
  });

  it('traditional characters become simplified', () => {
    const n = normaliseLines(['部門整體支出績效自評報告', '預算執行率']);
    expect(n.lines).toEqual(['部门整体支出绩效自评报告', '预算执行率']);
    expect(n.notes.join('')).toContain('繁体');
  });

  it('compact view maps back to the line', () => {
    const line = '年初预算安排 8779.84 万元';
    const c = compactLine(line);
    expect(c.text).toBe('年初预算安排8779.84万元');
    const at = c.text.indexOf('8779.84');
    expect(line.slice(c.map![at]!, c.map![at + 6]! + 1)).toBe('8779.84');
    expect(compactLine('没有空格的一行').map).toBeNull();
  });
});

describe('printed numbers', () => {
  it('cells', () => {
    expect(parseCellNumber('1,234,567.80')).toMatchObject({ value: '1234567.80', percent: false });
    expect(parseCellNumber(' 91.67% ')).toMatchObject({ value: '91.67', percent: true });
    expect(parseCellNumber('——')).toBeNull();
    expect(parseCellNumber('/')).toBeNull();
    expect(parseCellNumber('增强')).toBeNull();
    expect(parseCellNumber('12人')).toMatchObject({ value: '12', unit: '人' });
  });

  it('prose', () => {
    expect(scanNumbers('支出1,770.59万元，执行率24%').map((n) => [n.value, n.unit, n.percent])).toEqual([
      ['1770.59', '万元', false],
      ['24', null, true],
    ]);
  });

  it('元 to 万元 exactly', () => {
    expect(yuanToWan('2767000')).toBe('276.7');
    expect(yuanToWan('1234.5')).toBe('0.12345');
    expect(yuanToWan('0')).toBe('0');
    expect(canonicalDecimal('007', '.50')).toBe('7.50');
  });

  it('Chinese numerals', () => {
    expect([chineseNumeral('十'), chineseNumeral('十二'), chineseNumeral('二十'), chineseNumeral('九十九')]).toEqual([10, 12, 20, 99]);
  });
});
