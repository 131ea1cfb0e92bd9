import { describe, expect, it } from 'vitest';
import { normaliseHeader, parseAmount, parseProjectList } from './parse-project-list.js';
import type { SheetRow } from './read-project-list-file.js';

const rows = (...r: string[][]): SheetRow[] => r.map((cells, i) => ({ line: i + 1, cells }));

describe('parseProjectList', () => {
  it('finds the header below a title row and reads each column by its header', () => {
    const p = parseProjectList(rows(['2024年项目表'], ['项目编码', '项目名称', '单位名称', '年初预算数(元)', '类型', '本年财政拨款（元）'], ['A-1', '道路养护', '甲单位', '1,234,500', '转移支付', '1000000']));
    expect(p.issues).toEqual([]);
    expect(p.headerLine).toBe(2);
    expect(p.rows[0]).toMatchObject({ line: 3, code: 'A-1', unitName: '甲单位', unitCode: null, initial: '123.45', kind: 'transfer', adjusted: null });
    expect(p.rows[0]!.sources).toEqual([{ source: 'current_appropriation', label: '本年财政拨款', initial: '100', adjusted: null }]);
    expect(p.present).not.toContain('adjusted');
  });

  it('names the row and the column of every bad cell, in Chinese', () => {
    const p = parseProjectList(rows(['项目编码', '项目名称', '单位', '年初预算数'], ['', '无编码', '甲', '1'], ['B-1', '', '甲', 'abc'], ['B-1', '重复', '', '-3'], ['B-2', '类型错', '甲', '1']));
    const msgs = p.issues.map((i) => [i.line, i.field, i.message]);
    expect(msgs).toEqual([
      [2, '项目编码', '第 2 行“项目编码”：缺少项目编码'],
      [3, '项目名称', '第 3 行“项目名称”：缺少项目名称'],
      [3, '年初预算数', '第 3 行“年初预算数”：“abc”不是金额数字'],
      [4, '单位', '第 4 行“单位”：缺少单位（单位名称或单位编码）'],
      [4, '年初预算数', '第 4 行“年初预算数”：金额不能为负数（-3）'],
      [4, '项目编码', '第 4 行“项目编码”：项目编码“B-1”与第 3 行重复'],
    ]);
  });

  it('refuses a file without the required columns, naming them', () => {
    const p = parseProjectList(rows(['编码', '名称'], ['x', 'y']));
    expect(p.rows).toEqual([]);
    expect(p.issues[0]!.message).toMatch(/缺少列 项目编码、项目名称、年初预算数、单位/);
  });

  it('an unknown 类型 is a bad cell; a blank one is a 部门项目', () => {
    const p = parseProjectList(rows(['项目编码', '项目名称', '单位', '年初预算数', '类型'], ['C-1', 'x', '甲', '1', '奇怪'], ['C-2', 'y', '甲', '1', '']));
    expect(p.issues.map((i) => i.field)).toEqual(['类型']);
    expect(p.rows[1]!.kind).toBe('project');
  });
});

describe('parseAmount and normaliseHeader', () => {
  it.each([
    ['120.50', '万元', '120.5'],
    ['1,000', '万元', '1000'],
    ['12345', '元', '1.2345'],
    ['0', '万元', '0'],
    ['(0)', '万元', '0'],
  ] as const)('%s %s → %s', (raw, unit, want) => expect(parseAmount(raw, unit)).toBe(want));

  it.each(['十万', '1.2.3', '12万元', '(5)', '－2'])('refuses %s', (raw) => expect(typeof parseAmount(raw, '万元')).toBe('object'));

  it('takes the amount unit out of a header', () => {
    expect(normaliseHeader(' 年初预算数 （元）* ')).toEqual({ key: '年初预算数', unit: '元' });
    expect(normaliseHeader('全年预算数(万元)')).toEqual({ key: '全年预算数', unit: '万元' });
    expect(normaliseHeader('项目名称')).toEqual({ key: '项目名称', unit: null });
  });
});
