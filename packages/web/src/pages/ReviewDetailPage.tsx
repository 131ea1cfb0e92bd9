/**
 * The reviewer's page: the submission as paper tables with self score beside computed,
 * 审核得分 per indicator, audit findings, a written opinion, return / approve / publish,
 * and rectification items opened from findings.
 */
import { App as AntApp, Button, Card, Col, DatePicker, Form, Input, Modal, Result, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { download, errorText, request } from '../api/client.js';
import { KIND_NAMES, STATUS_COLORS, STATUS_NAMES, type Action, type EvaluationDetail, type FindingJson } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useUser } from '../app/session.js';
import { EvaluationForm } from '../components/EvaluationForm.js';
import { ProjectForm } from '../components/ProjectForm.js';
import { ProjectRollupPanel } from '../components/ProjectRollupPanel.js';
import { evaluationTitle } from '../lib/evaluation-title.js';
import { FindingsPanel, ScoreSummary } from '../components/FindingsPanel.js';
import { HistoryDrawer } from '../components/HistoryDrawer.js';
import { Loading } from '../components/Loading.js';
import { jumpToPath } from '../components/findings.js';
import { fmt, toDec } from '../lib/format.js';
import { QualityPanel } from '../components/QualityPanel.js';
import { runPublication } from '../components/PublicationFlow.js';
import { RECT_SOURCES } from '../api/after-cycle-types.js';
import { Select } from 'antd';

const ACTION_LABELS: Partial<Record<Action, string>> = { approve: '审核通过', return: '退回', publish: '公开', unpublish: '撤回公开' };
/** Not a type guard on purpose: the rest of `act` keeps the full Action type. */
const isPublication = (a: Action): boolean => a === 'publish' || a === 'unpublish';

export default function ReviewDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const user = useUser();
  const { message, modal } = AntApp.useApp();
  const [detail, setDetail] = useState<EvaluationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reviewScores, setReviewScores] = useState<Record<string, string>>({});
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [rectify, setRectify] = useState<FindingJson | 'new' | null>(null);
  const [form] = Form.useForm<{ description: string; dueDate: Dayjs; source: string }>();

  const load = useCallback(async () => {
    try {
      const d = await request<EvaluationDetail>(`/api/evaluations/${id}`);
      setDetail(d);
      setReviewScores(d.review?.reviewScores ?? d.review?.scores ?? {});
      setOpinion(d.review?.opinion ?? '');
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const onReview = useCallback((path: string, value: unknown) => {
    setReviewScores((m) => {
      const next = { ...m };
      if (value === null || value === '') delete next[path];
      else next[path] = String(value);
      return next;
    });
  }, []);
  const noEdit = useCallback(() => {}, []);

  const reviewTotal = useMemo(() => {
    if (!detail?.score) return null;
    let total = toDec(reviewScores.execution ?? null) ?? toDec(detail.evaluation.budgetExecution.selfScore) ?? toDec(detail.score.execution.computed) ?? toDec('0')!;
    for (const s of detail.score.indicators) {
      const v = toDec(reviewScores[s.path] ?? null) ?? toDec(s.stated) ?? toDec(s.computed);
      if (v) total = total.plus(v);
    }
    return total.toString();
  }, [detail, reviewScores]);

  if (error && !detail) return <Result status="error" title="无法打开这份自评" subTitle={error} extra={<Button onClick={() => void load()}>重试</Button>} />;
  if (!detail) return <Loading />;

  const ev = detail.evaluation;
  const canAct = detail.allowedActions.includes('approve') || detail.allowedActions.includes('return');
  const canRescore = detail.canReview ?? false;
  const canReview = canAct || canRescore;
  const badScore = Object.entries(reviewScores).find(([, v]) => !toDec(v));

  const saveReview = async (): Promise<number | null> => {
    if (badScore) {
      message.error('审核得分应为数字');
      jumpToPath(badScore[0]);
      return null;
    }
    try {
      const r = await request<{ version: number }>(`/api/evaluations/${id}/review`, { method: 'PUT', body: { version: detail.version, reviewScores, opinion } });
      setDetail({ ...detail, version: r.version });
      message.success('审核评分已保存');
      return r.version;
    } catch (e) {
      message.error(errorText(e));
      return null;
    }
  };

  const act = async (action: Action) => {
    // 公开 / 撤回公开: checked by the server, with the finance bureau's reasoned override (PublicationFlow).
    if (isPublication(action)) return runPublication(modal, message, id, detail.version, action as 'publish' | 'unpublish', load);
    if (action === 'return' && !opinion.trim()) {
      message.error('退回时请填写审核意见');
      document.getElementById('review-opinion')?.focus();
      return;
    }
    const run = async () => {
      setBusy(true);
      try {
        let version = detail.version;
        if (canRescore && Object.keys(reviewScores).length > 0) {
          const v = await saveReview();
          if (v === null) return;
          version = v;
        }
        await request(`/api/evaluations/${id}/actions/${action}`, { body: { version, opinion: opinion.trim() || undefined } });
        message.success(action === 'return' ? '已退回' : '已审核通过');
        await load();
      } catch (e) {
        message.error(errorText(e));
      } finally {
        setBusy(false);
      }
    };
    modal.confirm({ title: `确定${ACTION_LABELS[action] ?? action}？`, okText: '确定', cancelText: '取消', onOk: run });
  };

  const openRectification = async () => {
    const v = await form.validateFields();
    try {
      const f = rectify !== 'new' ? rectify : null;
      await request('/api/rectifications', { body: { evaluationId: /^\d+$/.test(id) ? Number(id) : id, rule: f?.rule, source: v.source, description: v.description, dueDate: v.dueDate.format('YYYY-MM-DD') } });
      message.success('已下发整改事项');
      setRectify(null);
      form.resetFields();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const findings = detail.audit?.findings ?? [];
  const title = evaluationTitle(ev, detail.unitName);
  const PaperForm = ev.kind === 'department' ? EvaluationForm : ProjectForm;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Space wrap>
            <Tag color={STATUS_COLORS[detail.status]} data-testid="status">{STATUS_NAMES[detail.status]}</Tag>
            <Tag>{KIND_NAMES[ev.kind]}</Tag>
            <Typography.Text type="secondary">{ev.fiscalYear} 年度 · {ev.unit.name ?? ''} · 第 {detail.version} 版</Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <Button onClick={() => setHistoryOpen(true)}>办理记录</Button>
          <Button onClick={() => void download(`/api/evaluations/${id}/export?format=xlsx`, `${title}.xlsx`).catch((e) => message.error(errorText(e)))}>导出 Excel</Button>
          <Button onClick={() => setRectify('new')}>下发整改</Button>
          {canRescore && <Button onClick={() => void saveReview()}>保存审核评分</Button>}
          {(['return', 'approve', 'publish', 'unpublish'] as Action[])
            .filter((a) => detail.allowedActions.includes(a))
            .map((a) => (
              <Button key={a} type={a === 'return' ? 'default' : 'primary'} danger={a === 'return'} loading={busy} onClick={() => void act(a)}>
                {ACTION_LABELS[a]}
              </Button>
            ))}
        </Space>
      </Space>

      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={18} xxl={17}>
          <PaperForm evaluation={ev} score={detail.score} findings={findings} mode={canRescore ? 'review' : 'view'} onField={noEdit} ops={null} reviewScores={reviewScores} onReview={onReview} />
          {ev.kind === 'department' && <ProjectRollupPanel evaluationId={id} linkBase="/review/" version={detail.version} />}
        </Col>
        <Col xs={24} xl={6} xxl={7}>
          <div style={{ position: 'sticky', top: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
            <ScoreSummary score={detail.score} statedTotal={ev.totals.statedScore} />
            <Card size="small" title="审核">
              <Space size="large" style={{ marginBottom: 8 }}>
                <Statistic title="审核得分（合计）" value={fmt(reviewTotal)} />
                <Statistic title="自评与计算差" value={detail.score?.computedTotal && ev.totals.statedScore ? fmt(toDec(ev.totals.statedScore)!.minus(toDec(detail.score.computedTotal)!).toString()) : '—'} />
              </Space>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
                在指标表“审核得分”列逐项复核；留空表示认可自评得分。
              </Typography.Text>
              {/* 自评质量: scored by rubric in QualityPanel below. */}
              <label htmlFor="review-opinion">审核意见</label>
              <Input.TextArea id="review-opinion" data-path="review.opinion" rows={4} value={opinion} onChange={(e) => setOpinion(e.target.value)} disabled={!canReview} placeholder={canReview ? '退回时必须填写，说明需要修改的内容' : ''} />
              {(detail.review?.opinions ?? []).length > 0 && (
                <div style={{ marginTop: 8 }} data-testid="opinions">
                  <Typography.Text type="secondary">历次意见</Typography.Text>
                  {detail.review!.opinions!.map((o, i) => (
                    <div key={i} style={{ fontSize: 12, marginTop: 4 }}>
                      <Tag color={o.action === 'return' ? 'red' : 'green'}>{o.action === 'return' ? '退回' : '通过'}</Tag>
                      {o.by}：{o.opinion}
                    </div>
                  ))}
                </div>
              )}
            </Card>
            <QualityPanel evaluationId={id} />
            <FindingsPanel findings={findings} />
            {findings.length > 0 && (
              <Button size="small" onClick={() => setRectify(findings[0]!)}>
                按第一项发现下发整改
              </Button>
            )}
          </div>
        </Col>
      </Row>

      <Modal open={rectify !== null} title="下发整改事项" okText="下发" cancelText="取消" onOk={() => void openRectification()} onCancel={() => setRectify(null)} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ description: rectify && rectify !== 'new' ? rectify.message : '', dueDate: dayjs().add(30, 'day'), source: (detail as { summary?: { sampled?: boolean } }).summary?.sampled ? 'sampling' : 'finance_evaluation' }}
        >
          <Form.Item label="整改要求" name="description" rules={[{ required: true, message: '请填写整改要求' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="整改来源" name="source">
            <Select aria-label="整改来源" options={RECT_SOURCES} />
          </Form.Item>
          <Form.Item label="整改期限" name="dueDate" rules={[{ required: true, message: '请选择整改期限' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <HistoryDrawer id={id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      {user.role === 'admin' && (
        <Button type="link" onClick={() => navigate(`/evaluations/${id}`)}>
          以填报视图打开
        </Button>
      )}
    </div>
  );
}
