import { describe, expect, it } from 'vitest';
import { legalSheetName, sheetRef, uniqueSheetName } from './sheet-names.js';

describe('sheet names of a unit workbook', () => {
  it('replaces the characters Excel forbids, trims apostrophes and keeps at most 31 UTF-16 units', () => {
    expect(legalSheetName('a/b\\c?d*e[f]g:h', 'x')).toBe('a_b_c_d_e_f_g_h');
    expect(legalSheetName("'引号'", 'x')).toBe('引号');
    const long = '市级就业资金配套项目资金（含省级补助、中央补助及上年结转资金等）';
    expect(legalSheetName(long, 'x')).toHaveLength(31);
    expect(legalSheetName('😀'.repeat(20), 'x')).toHaveLength(30); // never half a surrogate pair
    expect(legalSheetName('  ', '项目1')).toBe('项目1');
    expect(legalSheetName('History', '项目1')).toBe('项目1');
  });

  it('makes repeats unique ignoring case, within 31 units', () => {
    const used = new Set<string>(['项目自评结果汇总表']);
    expect(uniqueSheetName('项目自评结果汇总表', 'x', used)).toBe('项目自评结果汇总表(2)');
    const long = '一二三四五六七八九十'.repeat(4);
    const a = uniqueSheetName(long, 'x', used);
    const b = uniqueSheetName(long, 'x', used);
    expect(a).toHaveLength(31);
    expect(b).toHaveLength(31);
    expect(b.endsWith('(2)')).toBe(true);
    expect(uniqueSheetName('Abc', 'x', used)).toBe('Abc');
    expect(uniqueSheetName('aBC', 'x', used)).toBe('aBC(2)');
  });

  it('quotes a name for a formula, doubling apostrophes', () => {
    expect(sheetRef("O'Brien 项目", 'A1')).toBe("'O''Brien 项目'!A1");
  });
});
