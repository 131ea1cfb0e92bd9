/**
 * 自评质量 by rubric: each part with its weight, the computed score and how it was reached; the
 * finance bureau may set a part's score with a reason (kept and audit-logged) or confirm the
 * computed ones. The total is what lists show as 自评质量.
 */
import { App as AntApp, Button, Card, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../api/client.js';
import type { QualityPartView, QualityView } from '../api/after-cycle-types.js';
import { useApi } from '../lib/use-api.js';
import { fmt } from '../lib/format.js';

const REFERENCE: Record<QualityView['reference'], string> = { sample: '第三方复评得分', review: '财政复核得分', computed: '系统计算得分' };

export function QualityPanel({ evaluationId }: { evaluationId: string }) {
  const { message } = AntApp.useApp();
  const q = useApi<QualityView>(`/api/evaluations/${evaluationId}/quality`);
  const [edits, setEdits] = useState<Record<string, { score: string; reason: string }>>({});
  const [busy, setBusy] = useState(false);
  if (!q.data) return <Card size="small" title="自评质量" loading={q.loading}>{q.error}</Card>;
  const data = q.data;

  const save = async () => {
    setBusy(true);
    try {
      const adjustments = Object.entries(edits).map(([part, e]) => ({ part, score: e.score.trim() === '' ? null : e.score.trim(), reason: e.reason }));
      await request(`/api/evaluations/${evaluationId}/quality`, { method: 'PUT', body: { adjustments } });
      message.success(adjustments.length ? '自评质量调整已保存' : '已确认自评质量');
      setEdits({});
      q.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const edit = (id: string, patch: Partial<{ score: string; reason: string }>) => setEdits((m) => ({ ...m, [id]: { score: m[id]?.score ?? '', reason: m[id]?.reason ?? '', ...patch } }));

  return (
    <Card
      size="small"
      data-testid="quality-panel"
      title={
        <Space>
          <span>自评质量</span>
          <Tag color="blue" data-testid="quality-total">{fmt(data.total)} 分</Tag>
          {data.distorted && <Tag color="red">失真</Tag>}
        </Space>
      }
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>失真按{REFERENCE[data.reference]}判断；各项分值和阈值来自评分规则。</Typography.Text>
      <Table<QualityPartView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.parts}
        columns={[
          { title: '项目', dataIndex: 'label', render: (v: string, r) => <Tooltip title={r.explanation}><span data-testid={`quality-part-${r.id}`}>{v}</span></Tooltip> },
          { title: '分值', dataIndex: 'weight', width: 48, align: 'right' },
          { title: '得分', key: 's', width: 70, align: 'right', render: (_, r) => (r.adjusted ? <Tooltip title={`系统计算 ${fmt(r.computed)}；${r.adjusted.by} 调整：${r.adjusted.reason}`}><b>{fmt(r.score)}*</b></Tooltip> : fmt(r.score)) },
          ...(data.canAdjust
            ? [
                {
                  title: '调整',
                  key: 'adj',
                  width: 150,
                  render: (_: unknown, r: QualityPartView) => (
                    <Space orientation="vertical" size={2}>
                      <Input size="small" aria-label={`${r.label}调整后得分`} placeholder="得分" value={edits[r.id]?.score ?? ''} onChange={(e) => edit(r.id, { score: e.target.value })} />
                      {edits[r.id]?.score ? <Input size="small" aria-label={`${r.label}调整理由`} placeholder="理由（必填）" value={edits[r.id]?.reason ?? ''} onChange={(e) => edit(r.id, { reason: e.target.value })} /> : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        expandable={{ expandedRowRender: (r) => <Typography.Text type="secondary">{r.explanation}</Typography.Text> }}
      />
      {data.canAdjust && (
        <Button size="small" style={{ marginTop: 8 }} loading={busy} onClick={() => void save()}>
          {Object.keys(edits).length ? '保存调整' : '确认自评质量'}
        </Button>
      )}
    </Card>
  );
}
