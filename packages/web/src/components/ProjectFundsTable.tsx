/**
 * The 项目资金 table of a project or transfer 自评表, as printed:
 *   项目支出: 年度资金总额 and 其中 rows × 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分;
 *   转移支付: rows by level (中央/省/市/县) × 年初预算数 | 全年预算数 | 资金到位数 | 全年执行数 | 到位率 | 执行率
 *   (and 分值 | 得分 when the kind's profile scores execution).
 * Rates and the execution score are core's (live); a bad cell is outlined where it is.
 */
import { Button, Select, Space } from 'antd';
import { memo, useMemo } from 'react';
import { FUND_SOURCE_LABELS, FUND_SOURCES, getProfile, kindWeights, type Evaluation, type FundSource } from '@jixiao/core';
import type { ScoreJson } from '../api/types.js';
import { ExecutionScoreCell } from './ExecutionScoreCell.js';
import { Cell, type OnField } from './fields.js';
import { fundRowRates } from '../lib/fund-rates.js';
import { fundRowName } from '../lib/fund-rows.js';
import { fmtRate } from '../lib/format.js';

type Amount = 'initial' | 'adjusted' | 'arrived' | 'executed';
const AMOUNT_LABELS: Record<Amount, string> = { initial: '年初预算数', adjusted: '全年预算数', arrived: '资金到位数', executed: '全年执行数' };

/** Rows a blank form prints (shown as "填写…" until filled). */
const DEFAULT_ROWS: Record<'project' | 'transfer', FundSource[]> = {
  project: ['current_appropriation', 'carry_over', 'other'],
  transfer: ['central', 'provincial', 'municipal', 'county'],
};

export interface FundsOps {
  ensureSource(source: FundSource): void;
  removeSource(i: number): void;
}

export interface ProjectFundsTableProps {
  ev: Evaluation;
  score: ScoreJson | null;
  ro: boolean;
  onField: OnField;
  ops: FundsOps | null;
  statuses: Map<string, 'error' | 'warning'>;
  /** Review mode: the reviewer's execution score. */
  review?: string | null;
  onReview?: OnField;
}

/** Whether the kind's form scores budget execution (a stated 分值 always counts). */
function scoresExecution(ev: Evaluation): { scored: boolean; weight: string | null } {
  try {
    const w = kindWeights(getProfile(ev.profile), ev.kind).budgetExecution;
    return { scored: ev.budgetExecution.weight !== null || w !== '0', weight: w };
  } catch {
    return { scored: true, weight: null };
  }
}

const Rate = ({ value, testId }: { value: string | null; testId?: string }) =>
  value === null ? null : (
    <div style={{ fontSize: 12 }} data-testid={testId}>
      计算 {fmtRate(value)}
    </div>
  );

export const ProjectFundsTable = memo(function ProjectFundsTable({ ev, score, ro, onField, ops, statuses, review, onReview }: ProjectFundsTableProps) {
  const transfer = ev.kind === 'transfer';
  const amounts: Amount[] = transfer ? ['initial', 'adjusted', 'arrived', 'executed'] : ['initial', 'adjusted', 'executed'];
  const { scored, weight: profileWeight } = scoresExecution(ev);
  const rates = useMemo(() => fundRowRates(ev), [ev]);
  const ex = score?.execution;
  const rows = ev.funds.bySource;
  const missing = DEFAULT_ROWS[transfer ? 'transfer' : 'project'].filter((s) => !rows.some((r) => r.source === s));
  const addable = FUND_SOURCES.filter((s) => !rows.some((r) => r.source === s) && !missing.includes(s));
  const cell = (path: string, value: string | null | undefined, label: string, placeholder?: string) => (
    <Cell path={path} value={value} onField={onField} readOnly={ro} numeric label={label} placeholder={placeholder} status={statuses.get(path) ?? ''} hint={statuses.has(path) ? `${label}填写有误` : undefined} />
  );
  const amountCells = (prefix: string, row: Partial<Record<Amount, string | null>>, name: string) =>
    amounts.map((a) => (
      <td key={a} className="jx-num">
        {cell(`${prefix}.${a}`, row[a], `${name} ${AMOUNT_LABELS[a]}`)}
      </td>
    ));
  const blank = <td style={{ background: '#fafafa', textAlign: 'center', color: '#bbb' }}>—</td>;
  const cols = amounts.length + (transfer ? 2 : 1) + (scored ? 2 : 0);

  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="jx-paper" data-testid="funds-block" style={{ minWidth: transfer ? 760 : 640 }}>
        <colgroup>
          <col style={{ width: 168 }} />
          {amounts.map((a) => <col key={a} />)}
          {scored && <col style={{ width: 64 }} />}
          {transfer && <col style={{ width: 92 }} />}
          <col style={{ width: 92 }} />
          {scored && <col style={{ width: 92 }} />}
        </colgroup>
        <thead>
          <tr>
            <th>{transfer ? '资金（万元）' : '项目资金（万元）'}</th>
            {amounts.map((a) => <th key={a}>{AMOUNT_LABELS[a]}</th>)}
            {scored && <th>分值</th>}
            {transfer && <th>到位率</th>}
            <th>执行率</th>
            {scored && <th>得分</th>}
          </tr>
        </thead>
        <tbody>
          <tr data-path="funds.total">
            <td className="jx-row-label">年度资金总额</td>
            {amountCells('funds.total', ev.funds.total, '年度资金总额')}
            {scored && (
              <td className="jx-num">
                {ro && ev.budgetExecution.weight === null && profileWeight !== null ? (
                  <span data-path="budgetExecution.weight" style={{ color: '#8c8c8c' }} title="表中未填分值，按评分规则计">
                    {profileWeight}
                  </span>
                ) : (
                  cell('budgetExecution.weight', ev.budgetExecution.weight, '预算执行率分值', profileWeight ?? undefined)
                )}
              </td>
            )}
            {transfer && (
              <td className="jx-calc">
                {cell('budgetExecution.statedArrivalRate', ev.budgetExecution.statedArrivalRate, '资金到位率（%）', '%')}
                <Rate value={rates.total.arrival} testId="arrival-rate" />
              </td>
            )}
            <td className="jx-calc">
              {cell('budgetExecution.statedRate', ev.budgetExecution.statedRate, '预算执行率（%）', '%')}
              <Rate value={ex?.rate ?? rates.total.execution} testId="execution-rate" />
            </td>
            {scored && <ExecutionScoreCell ev={ev} execution={ex} ro={ro} onField={onField} status={statuses.get('budgetExecution.selfScore') ?? ''} review={review} onReview={onReview} />}
          </tr>
          {rows.map((r, i) => {
            const name = fundRowName(ev, i);
            return (
              <tr key={`${r.source}-${i}`} data-path={`funds.bySource.${i}`}>
                <td className="jx-row-label">
                  <div style={{ display: 'flex', alignItems: 'center' }}>
                    <span style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={name}>
                      {i === 0 ? name : `　　${name.replace(/^其中：/, '')}`}
                    </span>
                    {ops && (
                      <Button size="small" type="text" danger aria-label={`删除${name}`} onClick={() => ops.removeSource(i)} style={{ padding: '0 4px', flex: 'none' }}>
                        ×
                      </Button>
                    )}
                  </div>
                </td>
                {amountCells(`funds.bySource.${i}`, r, name)}
                {scored && blank}
                {transfer && (
                  <td className="jx-calc">
                    <Rate value={rates.bySource[i]?.arrival ?? null} />
                  </td>
                )}
                <td className="jx-calc">
                  {cell(`funds.bySource.${i}.statedRate`, r.statedRate, `${name} 执行率（%）`, '%')}
                  <Rate value={rates.bySource[i]?.execution ?? null} />
                </td>
                {scored && blank}
              </tr>
            );
          })}
          <tr data-path="funds.adjustmentReason">
            <td className="jx-row-label">预算调整说明</td>
            <td colSpan={cols}>
              <Cell path="funds.adjustmentReason" value={ev.funds.adjustmentReason} onField={onField} readOnly={ro} multiline label="预算调整说明" placeholder={ro ? undefined : '全年预算数与年初预算数不同时，说明调整原因'} status={statuses.get('funds.adjustmentReason') ?? ''} />
            </td>
          </tr>
          {!ro && ops && (missing.length > 0 || addable.length > 0) && (
            <tr>
              <td colSpan={cols + 1} style={{ background: '#fcfcfc' }}>
                <Space wrap size={4}>
                  {missing.map((s) => (
                    <Button key={s} size="small" type="link" onClick={() => ops.ensureSource(s)}>
                      + {FUND_SOURCE_LABELS[s]}
                    </Button>
                  ))}
                  {addable.length > 0 && (
                    <Select<FundSource>
                      size="small"
                      aria-label="添加资金来源行"
                      placeholder="添加其他资金行"
                      value={null}
                      options={addable.map((s) => ({ value: s, label: FUND_SOURCE_LABELS[s] }))}
                      onChange={(s) => ops.ensureSource(s)}
                      style={{ width: 150 }}
                      popupMatchSelectWidth={false}
                    />
                  )}
                </Space>
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});
