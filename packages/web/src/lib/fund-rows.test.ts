import { describe, expect, it } from 'vitest';
import { dec, parseEvaluation, type Evaluation } from '@jixiao/core';
import { inputFindingsOf } from './live-score.js';
import { cellStatuses, fundCellLabel, fundRowName, nameFundRows, sourceLabel } from './fund-rows.js';
import { fundRowRates } from './fund-rates.js';

function project(bySource: unknown[], total: Record<string, unknown> = {}): Evaluation {
  return { kind: 'project', fiscalYear: 2023, profile: 'national', project: { name: '测试项目' }, funds: { total, bySource } } as unknown as Evaluation;
}

describe('funds table rows in the web form', () => {
  it('names the row of a bad cell: text in an amount, a negative amount', () => {
    const doc = project([
      { source: 'current_appropriation', initial: '100' },
      { source: 'carry_over', executed: '二十' },
      { source: 'other', label: '单位自有资金', adjusted: '-5' },
    ]);
    const { findings } = inputFindingsOf(doc);
    const named = nameFundRows(findings, doc);
    const labels = named.map((f) => `${f.location.path} ${f.location.label}`).sort();
    expect(labels).toEqual(['funds.bySource.1.executed 其中：上年结转 › 全年执行数', 'funds.bySource.2.adjusted 其中：单位自有资金 › 全年预算数']);
    expect(cellStatuses(named).get('funds.bySource.1.executed')).toBe('error');
    expect(fundCellLabel(doc, 'funds.total.arrived')).toBe('年度资金总额 › 资金到位数');
    expect(fundCellLabel(doc, 'goals.0.expected')).toBeNull();
  });

  it('names source rows from core\'s FUND_SOURCE_LABELS unless the unit printed its own label', () => {
    expect(sourceLabel('general_public')).toBe('一般公共预算');
    expect(sourceLabel('carry_over')).toBe('上年结转');
    expect(sourceLabel('current_appropriation', '  ')).toBe('本年财政拨款');
    expect(sourceLabel('other', '单位自有资金')).toBe('单位自有资金');
    const doc = project([{ source: 'general_public' }, { source: 'other', label: '事业收入' }]);
    expect([fundRowName(doc, 0), fundRowName(doc, 1), fundRowName(doc, 2)]).toEqual(['其中：一般公共预算', '其中：事业收入', '第 3 行资金']);
  });

  it('computes each row’s 执行率 and 到位率 through core, blank cells unknown', () => {
    const r = parseEvaluation({
      kind: 'transfer', fiscalYear: 2023, profile: 'national', project: { name: '转移支付' },
      funds: {
        total: { initial: '80', adjusted: '120', executed: '90', arrived: '100' },
        bySource: [
          { source: 'central', initial: '60', executed: '45' },
          { source: 'local', adjusted: '0', executed: '1' },
          { source: 'other' },
        ],
      },
    });
    if (!r.ok) throw r.error;
    const rates = fundRowRates(r.value);
    expect(rates.total.execution).toBe('0.75');
    // 到位率 = 100 ÷ 120, exact to core's precision: times 全年预算数 gives back 资金到位数
    expect(dec(rates.total.arrival!).times(120).toDecimalPlaces(30).eq(100)).toBe(true);
    // no 全年预算数: 年初预算数 is the base for 执行率, and 到位率 is unknown
    expect(rates.bySource[0]).toEqual({ execution: '0.75', arrival: null });
    expect(rates.bySource[1]).toEqual({ execution: null, arrival: null });
    expect(rates.bySource[2]).toEqual({ execution: null, arrival: null });
  });
});
