/** One published report: summary, downloads, the tables read-only, and its audit result. */
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { download, errorText } from '../api/client.js';
import { KIND_NAMES, type AuditJson, type PublicReport, type ScoreJson } from '../api/types.js';
import type { Evaluation } from '@jixiao/core';
import { EvaluationForm } from '../components/EvaluationForm.js';
import { FindingsPanel } from '../components/FindingsPanel.js';
import { Loading } from '../components/Loading.js';
import { GradeText } from '../components/ScoreBasis.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtTime } from '../lib/format.js';
import { useState } from 'react';

export default function PublicReportPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const r = useApi<{ summary: PublicReport; evaluation: Evaluation; audit: AuditJson | null; score?: ScoreJson | null }>(`/api/public/reports/${id}`);
  const [dlError, setDlError] = useState<string | null>(null);
  const noEdit = useCallback(() => {}, []);
  if (r.error) return <Result status="error" title="无法打开这份报告" subTitle={r.error} />;
  if (!r.data) return <Loading />;
  const { summary, evaluation, audit } = r.data;
  const get = (format: string) =>
    void download(`/api/public/reports/${id}/download?format=${format}`, `${summary.unitName}_${summary.fiscalYear}.${format}`).catch((e) => setDlError(errorText(e)));
  return (
    <>
      <Typography.Title level={3}>
        {evaluation.project?.name ?? summary.unitName} {summary.fiscalYear} 年度{KIND_NAMES[summary.kind]}绩效自评
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Descriptions
            size="small"
            column={5}
            items={[
              { key: 'u', label: '单位', children: summary.unitName },
              { key: 'y', label: '年度', children: summary.fiscalYear },
              { key: 's', label: '得分', children: fmt(summary.score) },
              { key: 'g', label: '等级', children: <GradeText grade={summary.grade} ungradableReason={summary.ungradableReason} /> },
              { key: 'p', label: '公开时间', children: fmtTime(summary.publishedAt) },
            ]}
          />
          <Space>
            <Button onClick={() => get('docx')}>下载 Word</Button>
            <Button onClick={() => get('pdf')}>下载 PDF</Button>
          </Space>
        </Space>
        {dlError && <Alert type="error" showIcon title={dlError} style={{ marginTop: 8 }} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <EvaluationForm evaluation={evaluation} score={r.data.score ?? null} findings={audit?.findings ?? []} mode="view" onField={noEdit} ops={null} />
        </Col>
        <Col xs={24} xl={7}>
          <FindingsPanel findings={audit?.findings ?? []} title="系统审查结果" />
        </Col>
      </Row>
    </>
  );
}
