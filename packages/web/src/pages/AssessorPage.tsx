/**
 * The third-party reviewer's (评价机构) work: the evaluations sampled to it, and for one of them
 * the paper tables with a 复评 column per indicator, the 抽评等级 and an opinion. It sees nothing
 * else (the server answers 403 / 404 elsewhere).
 */
import { Alert, App as AntApp, Button, Card, Col, Empty, Input, Result, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText, request } from '../api/client.js';
import { KIND_NAMES, type EvaluationDetail } from '../api/types.js';
import type { SampleItem } from '../api/after-cycle-types.js';
import { href, navigate } from '../app/router.js';
import { EvaluationForm } from '../components/EvaluationForm.js';
import { FindingsPanel, ScoreSummary } from '../components/FindingsPanel.js';
import { Loading } from '../components/Loading.js';
import { ProjectForm } from '../components/ProjectForm.js';
import { useApi } from '../lib/use-api.js';
import { fmt, toDec } from '../lib/format.js';

function ItemList() {
  const items = useApi<SampleItem[]>('/api/sample-items');
  return (
    <>
      <Typography.Title level={3}>抽评复评</Typography.Title>
      <Typography.Paragraph type="secondary">财政局抽评给本机构的自评报告。逐项复评后提交复评得分和抽评等级；财政局可退回复评。</Typography.Paragraph>
      {items.error && <Alert type="error" showIcon title={items.error} />}
      <Table<SampleItem>
        rowKey="id"
        loading={items.loading}
        dataSource={items.data ?? []}
        locale={{ emptyText: <Empty description="暂无抽评给本机构的报告" /> }}
        columns={[
          { title: '单位 / 项目', key: 't', render: (_, r) => <a href={href(`/assessment/${r.id}`)}>{r.title}<div style={{ color: '#888', fontSize: 12 }}>{r.unitName}</div></a> },
          { title: '年度', dataIndex: 'fiscalYear', width: 70 },
          { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => KIND_NAMES[k as keyof typeof KIND_NAMES] ?? k },
          { title: '自评得分', dataIndex: 'selfScore', width: 90, align: 'right', render: (v: string | null) => fmt(v) },
          { title: '复评得分', key: 'r', width: 90, align: 'right', render: (_, r) => fmt(r.rescore?.total ?? null) },
          { title: '抽评等级', key: 'g', width: 90, render: (_, r) => r.rescore?.grade ?? '—' },
          { title: '状态', dataIndex: 'statusLabel', width: 110, render: (v: string, r) => <Tag color={r.status === 'rescored' ? 'green' : r.status === 'returned' ? 'red' : 'orange'}>{v}</Tag> },
        ]}
      />
    </>
  );
}

function Rescore({ itemId }: { itemId: string }) {
  const { message } = AntApp.useApp();
  const items = useApi<SampleItem[]>('/api/sample-items');
  const item = items.data?.find((i) => String(i.id) === itemId) ?? null;
  const [detail, setDetail] = useState<EvaluationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [grade, setGrade] = useState<string | undefined>();
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!item) return;
    setScores(item.rescore?.scores ?? {});
    setGrade(item.rescore?.grade ?? undefined);
    setOpinion(item.rescore?.opinion ?? '');
    request<EvaluationDetail>(`/api/evaluations/${item.evaluationId}`).then(setDetail, (e) => setError(errorText(e)));
  }, [item]);
  const onReview = useCallback((path: string, value: unknown) => {
    setScores((m) => {
      const next = { ...m };
      if (value === null || value === '') delete next[path];
      else next[path] = String(value);
      return next;
    });
  }, []);
  const noEdit = useCallback(() => {}, []);
  const total = useMemo(() => {
    if (!detail?.score) return null;
    let t = toDec(scores.execution ?? null) ?? toDec(detail.evaluation.budgetExecution.selfScore) ?? toDec('0')!;
    for (const s of detail.score.indicators) {
      const v = toDec(scores[s.path] ?? null) ?? toDec(s.stated) ?? toDec(s.computed);
      if (v) t = t.plus(v);
    }
    return t.toString();
  }, [detail, scores]);

  if (items.loading) return <Loading />;
  if (!item) return <Result status="404" title="找不到这份抽评事项" extra={<Button onClick={() => navigate('/assessment')}>返回列表</Button>} />;
  if (error) return <Result status="error" title="无法打开这份报告" subTitle={error} />;
  if (!detail) return <Loading />;
  const canRescore = item.status !== 'rescored' && item.sampleActive;
  const submit = async () => {
    setBusy(true);
    try {
      await request(`/api/sample-items/${item.id}/rescore`, { method: 'PUT', body: { version: item.version, scores, grade, opinion: opinion.trim() || undefined } });
      message.success('复评已提交');
      items.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const PaperForm = detail.evaluation.kind === 'department' ? EvaluationForm : ProjectForm;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>{item.title}</Typography.Title>
          <Space>
            <Tag data-testid="status">{item.statusLabel}</Tag>
            <Typography.Text type="secondary">{item.fiscalYear} 年度 · {item.unitName} · {item.stratum}</Typography.Text>
          </Space>
        </div>
        <Button onClick={() => navigate('/assessment')}>返回列表</Button>
      </Space>
      {(item.review?.opinions ?? []).map((o, i) => (
        <Alert key={i} type="warning" showIcon style={{ marginTop: 8 }} title={`财政局退回复评：${o.opinion}`} />
      ))}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={18}>
          <PaperForm evaluation={detail.evaluation} score={detail.score} findings={detail.audit?.findings ?? []} mode={canRescore ? 'review' : 'view'} onField={noEdit} ops={null} reviewScores={scores} onReview={onReview} />
        </Col>
        <Col xs={24} xl={6}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ScoreSummary score={detail.score} statedTotal={detail.evaluation.totals.statedScore} />
            <Card size="small" title="复评" data-testid="rescore-card">
              <Statistic title="复评得分（合计）" value={fmt(item.rescore?.total ?? total)} />
              <div style={{ margin: '8px 0' }}>
                <label htmlFor="sample-grade">抽评等级</label>
                <Select id="sample-grade" aria-label="抽评等级" value={grade} onChange={setGrade} allowClear placeholder="按复评得分定级" disabled={!canRescore} style={{ width: '100%' }} options={item.grades.map((g) => ({ value: g, label: g }))} />
              </div>
              <label htmlFor="rescore-opinion">复评意见</label>
              <Input.TextArea id="rescore-opinion" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} disabled={!canRescore} />
              {canRescore && (
                <Button type="primary" block style={{ marginTop: 8 }} loading={busy} onClick={() => void submit()}>
                  提交复评
                </Button>
              )}
            </Card>
            <FindingsPanel findings={detail.audit?.findings ?? []} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}

export default function AssessorPage({ params }: { params: Record<string, string> }) {
  return params.id ? <Rescore itemId={params.id} /> : <ItemList />;
}
