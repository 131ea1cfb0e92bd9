import { describe, expect, it } from 'vitest';
import { streamTableIn } from './stream-table.js';
import { tokensOf } from './stream-tokens.js';

const tokens = (...lines: string[]) => tokensOf(lines, lines.map((_, i) => i));

describe('a funds table flattened into text', () => {
  it('is read from its header words and the rows after them', () => {
    const t = streamTableIn(tokens('项目 年初预算数 全年预算数 全年执行数 年度资金总额 100 120 110'));
    expect(t?.block.kind === 'table' && t.block.rows.map((r) => r.cells.map((c) => c.parts.join('')))).toEqual([
      ['', '年初预算数', '全年预算数', '全年执行数'],
      ['年度资金总额', '100', '120', '110'],
    ]);
  });

  it('a title keeps its column letter or formula, percent and all', () => {
    const t = streamTableIn(tokens('全年预算数 (C) 全年执行数 (E) 执行率 (E/C×100%)', '年度资金总额 100 90 90%'));
    expect(t?.block.kind === 'table' && t.block.rows.map((r) => r.cells.map((c) => c.parts.join('')))).toEqual([
      ['', '全年预算数(C)', '全年执行数(E)', '执行率(E/C×100%)'],
      ['年度资金总额', '100', '90', '90%'],
    ]);
  });

  it('prose with spaces around its figures is no table: a clause or a figure with its words is never a column title', () => {
    const prose = tokens(
      '2023年度年初预算数 8779.84 万元，全年预算数 9593.18 万元，全年执行数 9565.63 万元，预算执行率 99.71%（全年执行数÷全年预算数）。',
      '全年预算数较年初预算数调增 813.34 万元，调整幅度9.26%。',
    );
    expect(streamTableIn(prose)).toBeNull();
  });
});
