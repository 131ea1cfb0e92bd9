/**
 * The indicator tree as the paper table: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 |
 * 偏差原因分析及改进措施, with merged level-1/level-2 cells. Rows are memoised and receive only
 * primitives (plus their own indicator object), so a keystroke re-renders one row.
 */
import { Button, Popconfirm, Tooltip, Typography } from 'antd';
import { ExplanationWithBasis, basisLines } from './ScoreBasis.js';
import { memo, useMemo } from 'react';
import { rollUpStatedScores, type Evaluation, type Indicator } from '@jixiao/core';
import type { FindingJson, ScoreJson } from '../api/types.js';
import { Cell, QualitativeSelect, type OnField } from './fields.js';
import { findingsByPrefix, parseRowFindings, statusFor } from './findings.js';
import { differentDec, fmt, toDec } from '../lib/format.js';

export type TableMode = 'edit' | 'view' | 'review';

export interface IndicatorOps {
  addLevel1(): void;
  addLevel2(l1: number): void;
  addIndicator(l1: number, l2: number): void;
  removeIndicator(l1: number, l2: number, i: number): void;
  removeLevel2(l1: number, l2: number): void;
  removeLevel1(l1: number): void;
}

interface RowProps {
  l1: number;
  l2: number;
  i: number; // -1: a level-2 without indicators
  l1Span: number; // >0 on the first row of a level-1
  l2Span: number;
  l1Name: string;
  l1Weight: string | null;
  l1Self: string | null;
  l1Computed: string | null;
  l2Name: string;
  l2Weight: string | null;
  /** Scores of the level-1 / level-2 as stated, or summed from their children ("合计"). */
  l1Sum: { value: string | null; derived: boolean };
  l2Sum: { value: string | null; derived: boolean };
  /** Outline of the level-1 / level-2 weight cells (a weight of 120 …). */
  l1WeightStatus: '' | 'error' | 'warning';
  l2WeightStatus: '' | 'error' | 'warning';
  /** The leaf comes from approved targets: its name, target and weight are read-only. */
  locked: boolean;
  /** The tree comes from approved targets: level names and weights are read-only. */
  treeLocked: boolean;
  indicator: Indicator | null;
  computed: string | null;
  effectiveWeight: string | null;
  status: string | null;
  explanation: string | null;
  /** The sources of the knobs the score used, one per line (未核实 marked), and whether the qualitative level is jixiao's inference. */
  basisTip: string | null;
  inferred: boolean;
  findingSig: string | undefined;
  reviewScore: string | null;
  mode: TableMode;
  onField: OnField;
  onReview: OnField;
  ops: IndicatorOps | null;
}

/** Whether the score is below the weight (a deviation reason is then required). */
function belowWeight(score: string | null, weight: string | null): boolean {
  const s = toDec(score);
  const w = toDec(weight);
  return !!(s && w && s.lessThan(w));
}

/** Level sums of what is typed so far: a cell that is not (yet) a number counts as blank. */
function rollUpTyped(indicators: Evaluation['indicators']) {
  const num = (v: string | null) => (v !== null && toDec(v) ? v : null);
  return rollUpStatedScores({
    indicators: indicators.map((a) => ({
      ...a,
      weight: num(a.weight),
      selfScore: num(a.selfScore),
      children: a.children.map((b) => ({ ...b, weight: num(b.weight), selfScore: num(b.selfScore), children: b.children.map((c) => ({ ...c, weight: num(c.weight), selfScore: num(c.selfScore) })) })),
    })),
  });
}

function SumNote({ sum }: { sum: { value: string | null; derived: boolean } }) {
  if (sum.value === null) return null;
  return <div className="jx-sum" data-testid="level-score">得分 {fmt(sum.value)}{sum.derived ? '（下级合计）' : ''}</div>;
}

const Row = memo(function Row(p: RowProps) {
  const ro = p.mode !== 'edit';
  const roTree = ro || p.treeLocked;
  const roLeaf = ro || p.locked;
  const base = `indicators.${p.l1}.children.${p.l2}`;
  const path = p.i >= 0 ? `${base}.children.${p.i}` : base;
  const list = useMemo(() => parseRowFindings(p.findingSig), [p.findingSig]);
  const ind = p.indicator;
  const score = ind?.selfScore ?? p.computed;
  // Below the weight by the stated score or by the computed one: either way a reason is due.
  const w = p.effectiveWeight ?? ind?.weight ?? null;
  const needReason = ind !== null && !ind.notApplicable && (belowWeight(ind.selfScore, w) || belowWeight(p.computed, w));
  const missingReason = needReason && !(ind?.deviationReason ?? '').trim();
  const differs = ind !== null && differentDec(ind.selfScore, p.computed);
  const rowMsgs = list.filter((f) => f.field === '' || !['name', 'target', 'actual', 'weight', 'selfScore', 'deviationReason'].includes(f.field));

  return (
    <tr data-path={path}>
      {p.l1Span > 0 && (
        <td rowSpan={p.l1Span} className="jx-merged">
          <Cell path={`indicators.${p.l1}.name`} value={p.l1Name} onField={p.onField} readOnly={roTree} label="一级指标" multiline required />
          <div className="jx-weight">
            <span>分值</span>
            <Cell path={`indicators.${p.l1}.weight`} value={p.l1Weight} onField={p.onField} readOnly={roTree} numeric label="一级指标分值" status={p.l1WeightStatus} hint={p.l1WeightStatus ? `“${p.l1Name}”的分值填写有误` : undefined} />
          </div>
          <SumNote sum={p.l1Sum} />
          {p.l1Computed !== null && <div style={{ fontSize: 12, color: '#1677ff' }}>计算得分 {fmt(p.l1Computed)}</div>}
          {p.ops && (
            <div>
              <Button size="small" type="link" onClick={() => p.ops!.addLevel2(p.l1)}>
                + 二级
              </Button>
              <Popconfirm title="删除这个一级指标及其下全部指标？" okText="删除" cancelText="取消" onConfirm={() => p.ops!.removeLevel1(p.l1)}>
                <Button size="small" type="link" danger>
                  删除
                </Button>
              </Popconfirm>
            </div>
          )}
        </td>
      )}
      {p.l2Span > 0 && (
        <td rowSpan={p.l2Span} className="jx-merged">
          <Cell path={`${base}.name`} value={p.l2Name} onField={p.onField} readOnly={roTree} label="二级指标" multiline required />
          <div className="jx-weight">
            <span>分值</span>
            <Cell path={`${base}.weight`} value={p.l2Weight} onField={p.onField} readOnly={roTree} numeric label="二级指标分值" status={p.l2WeightStatus} />
          </div>
          <SumNote sum={p.l2Sum} />
          {p.ops && (
            <div>
              <Button size="small" type="link" onClick={() => p.ops!.addIndicator(p.l1, p.l2)}>
                + 三级
              </Button>
              {p.i < 0 && (
                <Button size="small" type="link" danger onClick={() => p.ops!.removeLevel2(p.l1, p.l2)}>
                  删除
                </Button>
              )}
            </div>
          )}
        </td>
      )}
      {ind ? (
        <>
          <td>
            <Cell path={`${path}.name`} value={ind.name} onField={p.onField} readOnly={roLeaf} label="三级指标" multiline required status={statusFor(list, 'name')} />
            {rowMsgs.map((f, k) => (
              <Typography.Text key={k} type={f.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12, display: 'block' }}>
                {f.message}
              </Typography.Text>
            ))}
          </td>
          <td>
            <Cell path={`${path}.target`} value={ind.target} onField={p.onField} readOnly={roLeaf} label="年度指标值" status={statusFor(list, 'target')} />
            {ind.initialTarget && ind.initialTarget !== ind.target && <span className="jx-initial" data-testid="initial-target">年初：{ind.initialTarget}</span>}
          </td>
          <td>
            <Cell path={`${path}.actual`} value={ind.actual} onField={p.onField} readOnly={ro} label="实际完成值" status={statusFor(list, 'actual')} />
            {(p.status === 'qualitative' || ind.qualitativeLevel || ind.sign === 'qualitative') && (
              <QualitativeSelect path={`${path}.qualitativeLevel`} value={ind.qualitativeLevel} onField={p.onField} readOnly={ro} />
            )}
          </td>
          <td className="jx-num">
            <Cell path={`${path}.weight`} value={ind.weight} onField={p.onField} readOnly={roLeaf} numeric label="分值" status={statusFor(list, 'weight')} />
          </td>
          <td className="jx-num">
            <Cell path={`${path}.selfScore`} value={ind.selfScore} onField={p.onField} readOnly={ro} numeric label="自评得分" status={statusFor(list, 'selfScore')} />
          </td>
          <td className={`jx-calc${differs ? ' jx-diff' : ''}`} data-testid="computed-score">
            <Tooltip title={p.explanation ? <ExplanationWithBasis explanation={p.explanation} lines={p.basisTip} inferred={p.inferred} /> : undefined}>
              <span tabIndex={p.explanation ? 0 : -1}>{p.status === 'not_applicable' ? '不适用' : fmt(p.computed)}</span>
            </Tooltip>
          </td>
          {p.mode === 'review' && (
            <td className="jx-num">
              <Cell path={path} value={p.reviewScore} onField={p.onReview} numeric label="审核得分" placeholder={fmt(score)} />
            </td>
          )}
          <td>
            <Cell
              path={`${path}.deviationReason`}
              value={ind.deviationReason}
              onField={p.onField}
              readOnly={ro}
              label="偏差原因分析及改进措施"
              multiline
              status={missingReason ? 'error' : statusFor(list, 'deviationReason')}
              placeholder={needReason ? '得分低于分值，请说明偏差原因及改进措施' : ''}
            />
          </td>
          {p.ops && (
            <td style={{ textAlign: 'center' }}>
              <Popconfirm title="删除这一行指标？" okText="删除" cancelText="取消" onConfirm={() => p.ops!.removeIndicator(p.l1, p.l2, p.i)}>
                <Button size="small" type="text" danger aria-label="删除指标">
                  ×
                </Button>
              </Popconfirm>
            </td>
          )}
        </>
      ) : (
        <td colSpan={(p.mode === 'review' ? 8 : 7) + (p.ops ? 1 : 0)} style={{ color: '#bbb' }}>
          （暂无三级指标）
        </td>
      )}
    </tr>
  );
});

export interface IndicatorTableProps {
  indicators: Evaluation['indicators'];
  score: ScoreJson | null;
  findings: FindingJson[];
  mode: TableMode;
  onField: OnField;
  ops: IndicatorOps | null;
  reviewScores?: Record<string, string>;
  onReview?: OnField;
  /** Leaf ids from approved targets (生成自评): their name, target and weight are read-only. */
  locked?: ReadonlySet<string> | undefined;
}

const noop: OnField = () => {};

export const IndicatorTable = memo(function IndicatorTable({ indicators, score, findings, mode, onField, ops: allOps, reviewScores, onReview, locked }: IndicatorTableProps) {
  const treeLocked = !!locked && locked.size > 0;
  // Rows cannot be added to or removed from a tree that comes from approved targets.
  const ops = treeLocked ? null : allOps;
  const sums = useMemo(() => rollUpTyped(indicators), [indicators]);
  const statuses = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const f of findings) if (f.location.path && f.severity !== 'info' && (f.severity === 'error' || !m.has(f.location.path))) m.set(f.location.path, f.severity);
    return m;
  }, [findings]);
  const byPath = useMemo(() => new Map((score?.indicators ?? []).map((s) => [s.path, s])), [score]);
  const l1ByPath = useMemo(() => new Map((score?.level1 ?? []).map((s) => [s.path, s])), [score]);
  const prefixes = useMemo(() => {
    const out: string[] = [];
    indicators.forEach((a, i) =>
      a.children.forEach((b, j) => {
        out.push(`indicators.${i}.children.${j}`);
        b.children.forEach((_, k) => out.push(`indicators.${i}.children.${j}.children.${k}`));
      }),
    );
    return out;
  }, [indicators]);
  const sigs = useMemo(() => findingsByPrefix(findings, prefixes), [findings, prefixes]);

  const rows: RowProps[] = [];
  indicators.forEach((a, i) => {
    const l1Rows = a.children.reduce((n, b) => n + Math.max(1, b.children.length), 0);
    const l1Computed = l1ByPath.get(`indicators.${i}`)?.computed ?? null;
    if (a.children.length === 0) {
      // level-1 with nothing under it: a row with only the level-1 cell
      rows.push({
        l1: i, l2: -1, i: -1, l1Span: 1, l2Span: 0, l1Name: a.name, l1Weight: a.weight, l1Self: a.selfScore, l1Computed,
        l1Sum: sums.level1[i]!.score, l2Sum: { value: null, derived: false }, l1WeightStatus: statuses.get(`indicators.${i}.weight`) ?? '', l2WeightStatus: '', locked: false, treeLocked,
        l2Name: '', l2Weight: null, indicator: null, computed: null, effectiveWeight: null, status: null, explanation: null, basisTip: null, inferred: false,
        findingSig: undefined, reviewScore: null, mode, onField, onReview: onReview ?? noop, ops,
      });
      return;
    }
    let firstOfL1 = true;
    a.children.forEach((b, j) => {
      const leaves = b.children.length ? b.children : [null];
      leaves.forEach((c, k) => {
        const path = c ? `indicators.${i}.children.${j}.children.${k}` : `indicators.${i}.children.${j}`;
        const s = c ? byPath.get(path) : undefined;
        rows.push({
          l1: i,
          l2: j,
          i: c ? k : -1,
          l1Span: firstOfL1 ? l1Rows : 0,
          l2Span: k === 0 ? leaves.length : 0,
          l1Name: a.name,
          l1Weight: a.weight,
          l1Self: a.selfScore,
          l1Computed,
          l2Name: b.name,
          l2Weight: b.weight,
          l1Sum: sums.level1[i]!.score,
          l2Sum: sums.level2.find((x) => x.path === `indicators.${i}.children.${j}`)?.score ?? { value: null, derived: false },
          l1WeightStatus: statuses.get(`indicators.${i}.weight`) ?? '',
          l2WeightStatus: statuses.get(`indicators.${i}.children.${j}.weight`) ?? '',
          locked: !!c?.id && !!locked?.has(c.id),
          treeLocked,
          indicator: c,
          computed: s?.computed ?? null,
          effectiveWeight: s?.effectiveWeight ?? null,
          status: s?.status ?? null,
          explanation: s?.explanation ?? null,
          basisTip: s ? basisLines(s.knobs, score?.basis).join('\n') || null : null,
          inferred: s?.levelInferred ?? false,
          findingSig: sigs.get(path),
          reviewScore: reviewScores?.[path] ?? null,
          mode,
          onField,
          onReview: onReview ?? noop,
          ops,
        });
        firstOfL1 = false;
      });
    });
  });

  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="jx-paper" data-testid="indicator-table" style={{ width: '100%' }}>
        {/* Fits a 1366-wide screen beside the findings panel: level names wrap, long text folds. */}
        <colgroup>
          <col style={{ width: 72 }} />
          <col style={{ width: 80 }} />
          <col />
          <col style={{ width: 84 }} />
          <col style={{ width: 84 }} />
          <col style={{ width: 46 }} />
          <col style={{ width: 50 }} />
          <col style={{ width: 54 }} />
          {mode === 'review' && <col style={{ width: 56 }} />}
          <col style={{ width: 140 }} />
          {ops && <col style={{ width: 28 }} />}
        </colgroup>
        <thead>
          <tr>
            <th>一级指标</th>
            <th>二级指标</th>
            <th>三级指标</th>
            <th>年度指标值</th>
            <th>实际完成值</th>
            <th>分值</th>
            <th>自评得分</th>
            <th>系统计算</th>
            {mode === 'review' && <th>审核得分</th>}
            <th>偏差原因分析及改进措施</th>
            {ops && <th aria-label="操作" />}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={`${r.l1}.${r.l2}.${r.i}`} {...r} />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={10} style={{ textAlign: 'center', color: '#999', padding: 16 }}>
                还没有绩效指标{ops ? '，可按评分规则的模板生成指标框架或逐项添加' : ''}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {ops && (
        <Button style={{ marginTop: 8 }} onClick={ops.addLevel1}>
          + 添加一级指标
        </Button>
      )}
    </div>
  );
});
