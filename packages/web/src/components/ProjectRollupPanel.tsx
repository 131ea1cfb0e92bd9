/**
 * A department evaluation's projects: the roll-up the server computes with core from the
 * unit's project and transfer evaluations (覆盖率 n/n, spending and execution, average and
 * lowest score, grades), each project linked to its self-evaluation, and the findings
 * that compare the department report's stated project figures with the roll-up.
 */
import { Alert, Button, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { DepartmentProjects, ProjectRollupJson, ProjectSummary } from '../api/types.js';
import { FindingsPanel } from './FindingsPanel.js';
import { columnsWidth, projectColumns } from './project-columns.js';
import { Section } from './Section.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtMoney, fmtRate } from '../lib/format.js';

function ColumnSum({ title, col, testId }: { title: string; col: ProjectRollupJson['funds']['initial']; testId: string }) {
  const partial = col.unknown > 0 && col.known > 0;
  return (
    <Statistic
      title={title}
      value={col.known ? fmtMoney(col.sum) : '—'}
      suffix={col.known ? '万元' : undefined}
      data-testid={testId}
      styles={partial ? { content: { color: '#d48806' } } : undefined}
    />
  );
}

function Figures({ r }: { r: ProjectRollupJson }) {
  const lowest = r.computedScores.lowest ?? r.statedScores.lowest;
  const grades = Object.entries(r.grades.computed);
  const unknownExecuted = r.funds.executed.unknown;
  return (
    <>
      <Row gutter={[16, 8]}>
        <Col span={6}>
          <Statistic title="项目自评覆盖率" value={`${r.coverage.evaluated}/${r.coverage.of}`} suffix={r.coverage.rate !== null ? `（${fmtRate(r.coverage.rate, 1)}）` : undefined} data-testid="rollup-coverage" />
        </Col>
        <Col span={6}><ColumnSum title="项目全年预算数" col={r.funds.adjusted} testId="rollup-adjusted" /></Col>
        <Col span={6}><ColumnSum title="项目全年执行数" col={r.funds.executed} testId="rollup-executed" /></Col>
        <Col span={6}>
          <Statistic title="项目支出执行率" value={fmtRate(r.execution.rate)} data-testid="rollup-rate" />
        </Col>
        <Col span={6}>
          <Statistic title="平均得分（系统计算）" value={fmt(r.computedScores.average)} data-testid="rollup-average" />
        </Col>
        <Col span={6}>
          <Statistic title="平均得分（自评）" value={fmt(r.statedScores.average)} />
        </Col>
        <Col span={12}>
          <Statistic title="最低得分" value={lowest ? fmt(lowest.score) : '—'} suffix={lowest?.name ? <span style={{ fontSize: 13 }}>（{lowest.name}）</span> : undefined} data-testid="rollup-lowest" />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {grades.length > 0 && <>等级分布：{grades.map(([g, n]) => <Tag key={g}>{g} {n}</Tag>)}　</>}
        {unknownExecuted > 0 && `有 ${unknownExecuted} 个项目尚未填写全年执行数，执行数合计只含已填写的项目。`}
        执行率 = 同时填写全年预算数和执行数的 {r.execution.count} 个项目的执行数合计 ÷ 全年预算数合计。
      </Typography.Paragraph>
    </>
  );
}

export function ProjectRollupPanel({ evaluationId, linkBase, version }: { evaluationId: string; linkBase: string; version: number }) {
  const data = useApi<DepartmentProjects>(`/api/evaluations/${evaluationId}/projects`);
  // A saved or re-stated department report changes the comparison: reload with each version.
  const first = useRef(true);
  const { reload } = data;
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [version, reload]);
  const columns = useMemo(() => projectColumns({ linkFor: (r: ProjectSummary) => (r.evaluationId ? `${linkBase}${r.evaluationId}` : null) }), [linkBase]);
  const d = data.data;
  return (
    <Section title="所属项目自评汇总" id="projectRollup" extra={<Button size="small" onClick={data.reload}>刷新</Button>}>
      {data.error && <Alert type="error" showIcon title={data.error} />}
      {d && (
        <div data-testid="project-rollup" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Card size="small">
            <Figures r={d.rollup} />
          </Card>
          {(d.problems ?? []).map((p) => (
            <Alert key={p} type="warning" showIcon title={p} />
          ))}
          {d.findings.length > 0 ? (
            <FindingsPanel title="汇总核对（部门报告所述与项目自评）" findings={d.findings} />
          ) : (
            <Typography.Text type="secondary" data-testid="rollup-consistent">
              汇总核对：部门报告所述的项目个数、支出、覆盖率和得分与项目自评汇总没有不一致之处（未填写的不作比较）。
            </Typography.Text>
          )}
          <Table<ProjectSummary>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={d.items}
            pagination={d.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: columnsWidth(columns) }}
            locale={{ emptyText: '本单位本年度没有项目或转移支付' }}
          />
        </div>
      )}
    </Section>
  );
}
