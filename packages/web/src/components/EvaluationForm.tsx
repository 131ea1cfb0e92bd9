/**
 * The self-evaluation laid out like the paper tables: header, funds block, goals, the
 * indicator tree, totals and (for whole-of-department evaluations) the base-data sheet.
 */
import { Button, Descriptions, Select } from 'antd';
import { memo, useMemo } from 'react';
import { FUND_SOURCES, type Evaluation, type FundSource } from '@jixiao/core';
import type { FindingJson, ScoreJson } from '../api/types.js';
import { ExecutionScoreCell } from './ExecutionScoreCell.js';
import { Cell, type OnField } from './fields.js';
import { GoalsToTotals } from './GoalsToTotals.js';
import { Section } from './Section.js';
import type { TableMode } from './IndicatorTable.js';
import type { EditOps } from '../lib/evaluation-ops.js';
import { fmtRate } from '../lib/format.js';
import { cellStatuses, fundRowName, sourceLabel } from '../lib/fund-rows.js';
import { profileOptions } from '../lib/live-score.js';

export interface EvaluationFormProps {
  evaluation: Evaluation;
  score: ScoreJson | null;
  findings: FindingJson[];
  mode: TableMode;
  onField: OnField;
  ops: EditOps | null;
  reviewScores?: Record<string, string>;
  onReview?: OnField;
  /** Leaf ids from approved targets (生成自评): read-only names, targets and weights. */
  lockedIndicators?: ReadonlySet<string> | undefined;
}

const DEFAULT_SOURCES: FundSource[] = ['general_public', 'carry_over', 'other'];

const FundsBlock = memo(function FundsBlock({ ev, score, ro, onField, ops, review, onReview, statuses }: { ev: Evaluation; score: ScoreJson | null; ro: boolean; onField: OnField; ops: EvaluationFormProps['ops']; review?: string | null; onReview?: OnField; statuses: Map<string, 'error' | 'warning'> }) {
  const f = ev.funds;
  const ex = score?.execution;
  const sources = useMemo(() => {
    const present = f.bySource.map((r, i) => ({ source: r.source, i }));
    const shown: Array<{ source: FundSource; i: number | null }> = [];
    for (const s of DEFAULT_SOURCES) {
      const hit = present.find((p) => p.source === s);
      shown.push({ source: s, i: hit ? hit.i : null });
    }
    for (const p of present) if (!DEFAULT_SOURCES.includes(p.source)) shown.push(p);
    return shown;
  }, [f.bySource]);
  // A bad or negative amount is outlined in its own cell, the row named on hover and in the findings.
  const amount = (path: string, value: string | null | undefined, label: string) => (
    <td className="jx-num"><Cell path={path} value={value} onField={onField} readOnly={ro} numeric label={label} status={statuses.get(path) ?? ''} hint={statuses.has(path) ? `${label}填写有误` : undefined} /></td>
  );
  const triple = (prefix: string, t: { initial: string | null; adjusted: string | null; executed: string | null } | null, label: string) => (
    <>
      {amount(`${prefix}.initial`, t?.initial, `${label} 年初预算数`)}
      {amount(`${prefix}.adjusted`, t?.adjusted, `${label} 全年预算数`)}
      {amount(`${prefix}.executed`, t?.executed, `${label} 全年执行数`)}
    </>
  );
  const dept = ev.kind === 'department';
  const natureRows: Array<[string, string]> = [
    ['basic', '基本支出'],
    ['personnel', '　其中：人员经费'],
    ['operating', '　　　　公用经费'],
    ['project', '项目支出'],
  ];
  return (
    <table className="jx-paper" data-testid="funds-block">
      <colgroup>
        <col style={{ width: 180 }} /><col /><col /><col /><col style={{ width: 70 }} /><col style={{ width: 100 }} /><col style={{ width: 120 }} />
      </colgroup>
      <thead>
        <tr>
          <th>年度资金（万元）</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="jx-row-label">年度资金总额</td>
          {triple('funds.total', f.total, '年度资金总额')}
          <td className="jx-num"><Cell path="budgetExecution.weight" value={ev.budgetExecution.weight} onField={onField} readOnly={ro} numeric label="预算执行率分值" /></td>
          <td className="jx-calc" data-path="budgetExecution.statedRate">
            <Cell path="budgetExecution.statedRate" value={ev.budgetExecution.statedRate} onField={onField} readOnly={ro} numeric label="填报执行率（%）" placeholder={ex?.rate ? fmtRate(ex.rate) : '%'} />
            {ex?.rate && <div style={{ fontSize: 12 }} title={ex.explanation}>计算 {fmtRate(ex.rate)}</div>}
          </td>
          <ExecutionScoreCell ev={ev} execution={ex} ro={ro} onField={onField} review={review} onReview={onReview} />
        </tr>
        {sources.map(({ source, i }) => (
          <tr key={source}>
            <td className="jx-row-label">{i === null ? `其中：${sourceLabel(source)}` : fundRowName(ev, i)}</td>
            {i === null ? (
              <td colSpan={3} style={{ color: '#bbb' }}>
                {ro ? '—' : (
                  <Button size="small" type="link" onClick={() => ops?.ensureSource(source)}>
                    填写{sourceLabel(source)}
                  </Button>
                )}
              </td>
            ) : (
              triple(`funds.bySource.${i}`, f.bySource[i] ?? null, fundRowName(ev, i))
            )}
            <td colSpan={3} style={{ background: '#fafafa' }} />
          </tr>
        ))}
        {dept &&
          natureRows.map(([key, label]) => (
            <tr key={key}>
              <td className="jx-row-label">{label}</td>
              {triple(`funds.${key}`, f[key as 'basic'], label.trim())}
              <td colSpan={3} style={{ background: '#fafafa' }} />
            </tr>
          ))}
      </tbody>
    </table>
  );
});

/** What the department report states about its projects; checked against its project self-evaluations (所属项目自评汇总). */
const PROJECT_FIGURES: Array<{ path: string; label: string; integer?: boolean; percent?: boolean; get: (ev: Evaluation) => string | number | null }> = [
  { path: 'funds.projectCount', label: '项目个数', integer: true, get: (ev) => ev.funds.projectCount },
  { path: 'projectRollup.evaluatedCount', label: '开展自评的项目个数', integer: true, get: (ev) => ev.projectRollup.evaluatedCount },
  { path: 'projectRollup.statedCoverageRate', label: '项目自评覆盖率（%）', percent: true, get: (ev) => ev.projectRollup.statedCoverageRate },
  { path: 'projectRollup.statedExecutionRate', label: '项目支出执行率（%）', percent: true, get: (ev) => ev.projectRollup.statedExecutionRate },
  { path: 'projectRollup.statedAverageScore', label: '项目平均得分', get: (ev) => ev.projectRollup.statedAverageScore },
  { path: 'projectRollup.statedLowestScore', label: '最低得分', get: (ev) => ev.projectRollup.statedLowestScore },
];

const ProjectFigures = memo(function ProjectFigures({ ev, ro, onField, statuses }: { ev: Evaluation; ro: boolean; onField: OnField; statuses: Map<string, 'error' | 'warning'> }) {
  return (
    <table className="jx-paper" data-testid="project-figures">
      <tbody>
        <tr>{PROJECT_FIGURES.map((x) => <th key={x.path}>{x.label}</th>)}</tr>
        <tr>
          {PROJECT_FIGURES.map((x) => (
            <td key={x.path} className="jx-num">
              <Cell path={x.path} value={x.get(ev)} onField={onField} readOnly={ro} numeric integer={x.integer} placeholder={x.percent ? '%' : undefined} label={x.label} status={statuses.get(x.path) ?? ''} hint={statuses.has(x.path) ? `${x.label}填写有误` : undefined} />
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
});

const YEAR_ROWS: Array<[string, string]> = [
  ['total', '三公经费合计'],
  ['overseas', '　因公出国（境）费'],
  ['vehicles', '　公务用车购置及运行维护费'],
  ['vehiclePurchase', '　　其中：公务用车购置费'],
  ['vehicleOperation', '　　　　　公务用车运行维护费'],
  ['reception', '　公务接待费'],
];

const BaseDataSheet = memo(function BaseDataSheet({ bd, ro, onField }: { bd: NonNullable<Evaluation['baseData']>; ro: boolean; onField: OnField }) {
  const yr = (prefix: string, t: { priorActual: string | null; budget: string | null; actual: string | null }, label: string) => (
    <>
      <td className="jx-num"><Cell path={`${prefix}.priorActual`} value={t.priorActual} onField={onField} readOnly={ro} numeric label={`${label} 上年决算数`} /></td>
      <td className="jx-num"><Cell path={`${prefix}.budget`} value={t.budget} onField={onField} readOnly={ro} numeric label={`${label} 本年预算数`} /></td>
      <td className="jx-num"><Cell path={`${prefix}.actual`} value={t.actual} onField={onField} readOnly={ro} numeric label={`${label} 本年决算数`} /></td>
    </>
  );
  return (
    <table className="jx-paper" data-testid="base-data">
      <colgroup><col style={{ width: 240 }} /><col /><col /><col /></colgroup>
      <tbody>
        <tr><th>人员情况</th><th>编制数</th><th>实际在职人数</th><th>控制率（%）</th></tr>
        <tr>
          <td className="jx-row-label">在职人员</td>
          <td className="jx-num"><Cell path="baseData.staffing.authorized" value={bd.staffing.authorized} onField={onField} readOnly={ro} numeric integer label="编制数" /></td>
          <td className="jx-num"><Cell path="baseData.staffing.actual" value={bd.staffing.actual} onField={onField} readOnly={ro} numeric integer label="实际在职人数" /></td>
          <td className="jx-num"><Cell path="baseData.staffing.statedControlRate" value={bd.staffing.statedControlRate} onField={onField} readOnly={ro} numeric label="在职人员控制率" /></td>
        </tr>
        <tr><th>经费（万元）</th><th>上年决算数</th><th>本年预算数</th><th>本年决算数</th></tr>
        {YEAR_ROWS.map(([k, label]) => (
          <tr key={k}>
            <td className="jx-row-label">{label}</td>
            {yr(`baseData.threePublic.${k}`, bd.threePublic[k as 'total'], label.trim())}
          </tr>
        ))}
        <tr><td className="jx-row-label">项目支出</td>{yr('baseData.project', bd.project, '项目支出')}</tr>
        <tr><td className="jx-row-label">公用经费</td>{yr('baseData.operating', bd.operating, '公用经费')}</tr>
        <tr><th>其他</th><th>预算 / 总额</th><th>实际 / 在用</th><th /></tr>
        <tr>
          <td className="jx-row-label">政府采购金额</td>
          <td className="jx-num"><Cell path="baseData.procurement.budget" value={bd.procurement.budget} onField={onField} readOnly={ro} numeric label="政府采购预算" /></td>
          <td className="jx-num"><Cell path="baseData.procurement.actual" value={bd.procurement.actual} onField={onField} readOnly={ro} numeric label="实际政府采购金额" /></td>
          <td />
        </tr>
        <tr>
          <td className="jx-row-label">固定资产</td>
          <td className="jx-num"><Cell path="baseData.fixedAssets.total" value={bd.fixedAssets.total} onField={onField} readOnly={ro} numeric label="固定资产总额" /></td>
          <td className="jx-num"><Cell path="baseData.fixedAssets.inUse" value={bd.fixedAssets.inUse} onField={onField} readOnly={ro} numeric label="在用固定资产" /></td>
          <td />
        </tr>
        <tr>
          <td className="jx-row-label">结转结余 / 基本支出预算调整</td>
          <td className="jx-num"><Cell path="baseData.carryOverBalance" value={bd.carryOverBalance} onField={onField} readOnly={ro} numeric label="结转结余" /></td>
          <td className="jx-num"><Cell path="baseData.basicBudgetAdjustment" value={bd.basicBudgetAdjustment} onField={onField} readOnly={ro} numeric label="基本支出预算调整" /></td>
          <td />
        </tr>
        <tr>
          <td className="jx-row-label">厉行节约保障措施</td>
          <td colSpan={3}><Cell path="baseData.savingsMeasures" value={bd.savingsMeasures} onField={onField} readOnly={ro} multiline rows={2} label="厉行节约保障措施" /></td>
        </tr>
        <tr><th>填报人</th><th>单位负责人</th><th>填报日期</th><th>联系电话</th></tr>
        <tr>
          <td><Cell path="baseData.signatures.filler" value={bd.signatures.filler} onField={onField} readOnly={ro} label="填报人" /></td>
          <td><Cell path="baseData.signatures.head" value={bd.signatures.head} onField={onField} readOnly={ro} label="单位负责人" /></td>
          <td><Cell path="baseData.signatures.date" value={bd.signatures.date} onField={onField} readOnly={ro} label="填报日期" placeholder="YYYY-MM-DD" /></td>
          <td><Cell path="baseData.signatures.phone" value={bd.signatures.phone} onField={onField} readOnly={ro} label="联系电话" /></td>
        </tr>
      </tbody>
    </table>
  );
});

export const EvaluationForm = memo(function EvaluationForm({ evaluation: ev, score, findings, mode, onField, ops, reviewScores, onReview, lockedIndicators }: EvaluationFormProps) {
  const statuses = useMemo(() => cellStatuses(findings), [findings]);
  const ro = mode !== 'edit';
  const profiles = useMemo(profileOptions, []);
  return (
    <div>
      <Section title="基本信息" id="unit">
        <table className="jx-paper">
          <colgroup><col style={{ width: 120 }} /><col /><col style={{ width: 120 }} /><col /></colgroup>
          <tbody>
            {ev.kind === 'project' && (
              <tr>
                <td className="jx-row-label">项目名称</td>
                <td><Cell path="project.name" value={ev.project?.name} onField={onField} readOnly={ro} label="项目名称" /></td>
                <td className="jx-row-label">实施单位</td>
                <td><Cell path="project.implementingUnit" value={ev.project?.implementingUnit} onField={onField} readOnly={ro} label="实施单位" /></td>
              </tr>
            )}
            <tr>
              <td className="jx-row-label">单位名称</td>
              <td><Cell path="unit.name" value={ev.unit.name} onField={onField} readOnly={ro} label="单位名称" /></td>
              <td className="jx-row-label">主管部门</td>
              <td><Cell path="supervisingDepartment" value={ev.supervisingDepartment} onField={onField} readOnly={ro} label="主管部门" /></td>
            </tr>
            <tr>
              <td className="jx-row-label">预算年度</td>
              <td><Cell path="fiscalYear" value={ev.fiscalYear} onField={onField} readOnly={ro} numeric integer label="预算年度" /></td>
              <td className="jx-row-label">评分规则</td>
              <td data-path="profile">
                {ro ? (
                  score?.profile ? `${score.profile.name}（${score.profile.version}）` : ev.profile
                ) : (
                  <Select aria-label="评分规则" variant="borderless" value={ev.profile.split('@')[0]} options={profiles} onChange={(v) => onField('profile', v)} style={{ width: '100%' }} />
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title="资金情况及预算执行率" id="funds">
        <FundsBlock ev={ev} score={score} ro={ro} onField={onField} ops={ops} review={reviewScores?.execution ?? null} onReview={mode === 'review' ? onReview : undefined} statuses={statuses} />
      </Section>

      {ev.kind === 'department' && (
        <Section title="项目情况（报告所述）" id="projectFigures">
          <ProjectFigures ev={ev} ro={ro} onField={onField} statuses={statuses} />
          <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>与所属项目自评表的汇总核对；不一致之处列在下方“所属项目自评汇总”中，点击可回到这里修改。未填写的不作比较。</div>
        </Section>
      )}

      <GoalsToTotals evaluation={ev} score={score} findings={findings} mode={mode} onField={onField} ops={ops} reviewScores={reviewScores} onReview={onReview} lockedIndicators={lockedIndicators} />

      <Section
        title="基础数据表"
        id="baseData"
        extra={ops && !ev.baseData && <Button size="small" onClick={ops.addBaseData}>填写基础数据表</Button>}
      >
        {ev.baseData ? (
          <BaseDataSheet bd={ev.baseData} ro={ro} onField={onField} />
        ) : (
          <Descriptions size="small" items={[{ key: 'none', label: '基础数据表', children: ev.kind === 'department' ? '尚未填写（部门整体自评需要）' : '项目自评一般不需要' }]} />
        )}
      </Section>
    </div>
  );
});

export { FUND_SOURCES };
