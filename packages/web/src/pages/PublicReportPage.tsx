/**
 * One published report at its own address (/public/reports/:id): summary, downloads (PDF with
 * progress), the funds and indicator tables read-only, the audit result and the publication
 * history. Readable from 390 px wide: the facts stack, each table scrolls inside its own box.
 * The server renders the same content as plain HTML first (server http/public-html.ts).
 */
import { Alert, Button, Card, Col, Descriptions, Progress, Result, Row, Space, Table, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../api/client.js';
import { KIND_NAMES, type AuditJson, type PublicReport, type ScoreJson } from '../api/types.js';
import { EVALUATION_KIND_LABELS, computeFundRowRates, getProfile, type Evaluation } from '@jixiao/core';
import { FindingsPanel } from '../components/FindingsPanel.js';
import { Loading } from '../components/Loading.js';
import { GradeText } from '../components/ScoreBasis.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtMoney, fmtTime } from '../lib/format.js';
import { downloadWithProgress, type DownloadPhase } from '../lib/download-progress.js';

type PublicReportDetail = {
  summary: PublicReport & { departmentName?: string | null; projectName?: string | null; title?: string };
  evaluation: Evaluation;
  audit: AuditJson | null;
  score?: ScoreJson | null;
  history?: Array<{ event: 'published' | 'withdrawn'; at: string; reason: string | null }>;
};

/** The same title the server gives the page (server http/public-html.ts reportTitle). */
export function publicReportTitle(s: PublicReportDetail['summary']): string {
  const name = s.projectName ?? s.unitName ?? s.title;
  return `${name} ${s.fiscalYear} 年度${EVALUATION_KIND_LABELS[s.kind]}绩效自评${s.projectName && s.unitName ? ` · ${s.unitName}` : ''}`;
}

function FundsTable({ evaluation }: { evaluation: Evaluation }) {
  const rows = useMemo(() => {
    let profile;
    try {
      profile = getProfile(evaluation.profile);
    } catch {
      profile = getProfile('national');
    }
    return computeFundRowRates(evaluation.funds, profile).map((r) => ({ key: r.path, label: r.label, ...r.row, rate: r.executionRate?.times(100).toString() ?? null }));
  }, [evaluation]);
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '资金', dataIndex: 'label' },
        { title: '年初预算数', dataIndex: 'initial', align: 'right', render: fmtMoney },
        { title: '全年预算数', dataIndex: 'adjusted', align: 'right', render: fmtMoney },
        { title: '全年执行数', dataIndex: 'executed', align: 'right', render: fmtMoney },
        { title: '执行率', dataIndex: 'rate', align: 'right', render: (v: string | null) => (v === null ? '—' : `${fmt(v)}%`) },
      ]}
    />
  );
}

function IndicatorsTable({ evaluation }: { evaluation: Evaluation }) {
  const rows = evaluation.indicators.flatMap((l1, i) =>
    l1.children.flatMap((l2, j) => l2.children.map((x, k) => ({ key: `${i}.${j}.${k}`, level1: l1.name, level2: l2.name, ...x }))),
  );
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '一级指标', dataIndex: 'level1' },
        { title: '二级指标', dataIndex: 'level2' },
        { title: '三级指标', dataIndex: 'name' },
        { title: '年度指标值', dataIndex: 'target', render: (v) => v ?? '—' },
        { title: '实际完成值', dataIndex: 'actual', render: (v) => v ?? '—' },
        { title: '分值', dataIndex: 'weight', align: 'right', render: (v) => fmt(v) },
        { title: '自评得分', dataIndex: 'selfScore', align: 'right', render: (v) => fmt(v) },
        { title: '偏差原因', dataIndex: 'deviationReason', render: (v) => v ?? '' },
      ]}
    />
  );
}

function PdfButton({ id, name }: { id: string; name: string }) {
  const [p, setP] = useState<DownloadPhase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = () => {
    setError(null);
    void downloadWithProgress(`/api/public/reports/${id}/download?format=pdf`, `${name}.pdf`, setP)
      .catch((e) => setError(errorText(e)))
      .finally(() => setP(null));
  };
  const percent = p?.phase === 'receiving' && p.total ? Math.round((p.received / p.total) * 100) : null;
  return (
    <Space direction="vertical" size={4}>
      <Button type="primary" onClick={start} loading={p !== null}>
        下载 PDF
      </Button>
      {p && (
        <div role="status" aria-live="polite" data-testid="pdf-progress">
          {p.phase === 'waiting' ? `正在生成 PDF…（已 ${p.seconds} 秒）` : percent !== null ? <Progress percent={percent} size="small" /> : `已接收 ${Math.round(p.received / 1024)} KB`}
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

export default function PublicReportPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const r = useApi<PublicReportDetail>(`/api/public/reports/${id}`);
  const title = r.data ? publicReportTitle(r.data.summary) : null;
  useEffect(() => {
    if (title) document.title = `${title} · 预算绩效自评公开`;
  }, [title]);
  if (r.error) return <Result status="404" title="无法打开这份报告" subTitle={r.error} extra={<a href="/public">返回公开报告列表</a>} />;
  if (!r.data) return <Loading />;
  const { summary, evaluation, audit, history } = r.data;
  const fileName = `${summary.unitName}_${summary.fiscalYear}`;
  return (
    <article>
      <Typography.Title level={2} style={{ fontSize: 22, lineHeight: 1.5 }}>
        {title}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} md={18}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'u', label: '单位', children: summary.unitName },
                ...(summary.departmentName ? [{ key: 'd', label: '主管部门', children: summary.departmentName }] : []),
                { key: 'y', label: '年度', children: summary.fiscalYear },
                { key: 'k', label: '类型', children: KIND_NAMES[summary.kind] },
                { key: 's', label: '得分', children: fmt(summary.score) },
                { key: 'g', label: '等级', children: <GradeText grade={summary.grade} ungradableReason={summary.ungradableReason} /> },
                { key: 'p', label: '公开时间', children: fmtTime(summary.publishedAt) },
              ]}
            />
          </Col>
          <Col xs={24} md={6}>
            <Space wrap align="start">
              <PdfButton id={id} name={fileName} />
              <Button href={`/api/public/reports/${id}/download?format=docx`} download>
                下载 Word
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>资金情况（万元）</h2>} size="small" style={{ marginBottom: 16 }}>
            <div data-testid="public-funds">
              <FundsTable evaluation={evaluation} />
            </div>
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>绩效指标完成情况</h2>} size="small">
            <div data-testid="indicator-table">
              <IndicatorsTable evaluation={evaluation} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <FindingsPanel findings={audit?.findings ?? []} title="系统审查结果" />
          {history && history.length > 0 && (
            <Card title="公开记录" size="small" style={{ marginTop: 16 }} data-testid="public-history">
              <Timeline
                items={history.map((h) => ({
                  color: h.event === 'withdrawn' ? 'red' : 'green',
                  children: `${fmtTime(h.at)} ${h.event === 'withdrawn' ? '撤回公开' : '公开'}${h.reason ? `：${h.reason}` : ''}`,
                }))}
              />
            </Card>
          )}
        </Col>
      </Row>
    </article>
  );
}
