/**
 * The 项目支出绩效自评表 (and the 转移支付 区域绩效目标自评表) laid out like the paper form:
 * header, 项目资金 table with live rates and execution score, 年度总体目标, the indicator
 * table, 总分 and 等级, and the signatures at the foot.
 */
import { Select } from 'antd';
import { memo, useMemo } from 'react';
import type { Evaluation } from '@jixiao/core';
import type { ScoreJson } from '../api/types.js';
import type { EvaluationFormProps } from './EvaluationForm.js';
import { Cell, type OnField } from './fields.js';
import { GoalsToTotals } from './GoalsToTotals.js';
import { ProjectFundsTable } from './ProjectFundsTable.js';
import { Section } from './Section.js';
import { cellStatuses } from '../lib/fund-rows.js';
import { profileOptions } from '../lib/live-score.js';

export type ProjectFormProps = EvaluationFormProps;

type Field = [path: string, label: string, opts?: { numeric?: boolean; integer?: boolean; placeholder?: string; required?: boolean }];

/** Header rows as the form prints them: two label/value pairs a row (a single pair spans the row). */
function headerRows(kind: Evaluation['kind']): Field[][] {
  const year: Field = ['fiscalYear', '预算年度', { numeric: true, integer: true }];
  const profile: Field = ['profile', '评分规则'];
  if (kind === 'transfer') {
    return [
      [['project.name', '转移支付名称', { required: true }]],
      [['project.code', '转移支付编码'], ['project.category', '资金类别']],
      [['project.issuingDepartment', '上级主管部门'], ['supervisingDepartment', '地方主管部门']],
      [['project.implementingUnit', '资金使用单位'], ['project.manager', '项目负责人']],
      [['project.phone', '联系电话'], year],
      [profile],
    ];
  }
  return [
    [['project.name', '项目名称', { required: true }]],
    [['project.code', '项目编码'], ['project.category', '项目类别']],
    [['supervisingDepartment', '主管部门'], ['project.implementingUnit', '实施单位']],
    [['project.manager', '项目负责人'], ['project.phone', '联系电话']],
    [year, profile],
  ];
}

function valueAt(ev: Evaluation, path: string): string | number | null {
  if (path === 'supervisingDepartment') return ev.supervisingDepartment;
  if (path === 'fiscalYear') return ev.fiscalYear;
  const key = path.slice('project.'.length) as keyof NonNullable<Evaluation['project']>;
  return ev.project?.[key] ?? null;
}

const Header = memo(function Header({ ev, score, ro, onField }: { ev: Evaluation; score: ScoreJson | null; ro: boolean; onField: OnField }) {
  const profiles = useMemo(profileOptions, []);
  const value = ([path, label, o]: Field) =>
    path === 'profile' ? (
      ro ? (
        <span data-path="profile">{score?.profile ? `${score.profile.name}（${score.profile.version}）` : ev.profile}</span>
      ) : (
        <Select data-path="profile" aria-label="评分规则" variant="borderless" value={ev.profile.split('@')[0]} options={profiles} onChange={(v) => onField('profile', v)} style={{ width: '100%' }} />
      )
    ) : (
      <Cell path={path} value={valueAt(ev, path)} onField={onField} readOnly={ro} label={label} numeric={o?.numeric} integer={o?.integer} required={o?.required} />
    );
  return (
    <table className="jx-paper" data-testid="project-header">
      <colgroup><col style={{ width: 120 }} /><col /><col style={{ width: 120 }} /><col /></colgroup>
      <tbody>
        {headerRows(ev.kind).map((r, i) => (
          <tr key={i}>
            {r.flatMap((f) => [
              <td key={`${f[0]}-l`} className="jx-row-label">{f[1]}</td>,
              <td key={f[0]} colSpan={r.length === 1 ? 3 : 1}>{value(f)}</td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const SIGNATURES: Array<[string, string, string?]> = [
  ['filler', '填报人'],
  ['contact', '联系人'],
  ['phone', '联系电话'],
  ['head', '单位负责人'],
  ['date', '填报日期', 'YYYY-MM-DD'],
];

const Signatures = memo(function Signatures({ sig, ro, onField }: { sig: Evaluation['signatures']; ro: boolean; onField: OnField }) {
  return (
    <table className="jx-paper" data-testid="signatures">
      <tbody>
        <tr>
          {SIGNATURES.map(([k, label, placeholder]) => (
            <td key={k}>
              <div className="jx-weight">
                <span>{label}：</span>
                <Cell path={`signatures.${k}`} value={sig[k as keyof typeof sig]} onField={onField} readOnly={ro} label={label} placeholder={placeholder} />
              </div>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
});

export const ProjectForm = memo(function ProjectForm({ evaluation: ev, score, findings, mode, onField, ops, reviewScores, onReview, lockedIndicators }: ProjectFormProps) {
  const ro = mode !== 'edit';
  const statuses = useMemo(() => cellStatuses(findings), [findings]);
  const transfer = ev.kind === 'transfer';
  return (
    <div data-testid="project-form">
      <Section title={transfer ? '转移支付基本信息' : '项目基本信息'} id="project">
        <Header ev={ev} score={score} ro={ro} onField={onField} />
      </Section>
      <Section title={transfer ? '资金到位及执行情况' : '项目资金及预算执行率'} id="funds">
        <ProjectFundsTable ev={ev} score={score} ro={ro} onField={onField} ops={ops} statuses={statuses} review={reviewScores?.execution ?? null} onReview={mode === 'review' ? onReview : undefined} />
      </Section>
      <GoalsToTotals evaluation={ev} score={score} findings={findings} mode={mode} onField={onField} ops={ops} reviewScores={reviewScores} onReview={onReview} lockedIndicators={lockedIndicators} goalsTitle={transfer ? '区域年度总体目标' : '年度总体目标'} />
      <Section title="填报信息" id="signatures">
        <Signatures sig={ev.signatures} ro={ro} onField={onField} />
      </Section>
    </div>
  );
});
