/** 抽评: draw a reproducible random sample (seed shown and recorded) and work through it. */
import { Alert, App as AntApp, Button, Card, Empty, Form, Input, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText, query, request } from '../api/client.js';
import { STATUS_COLORS, STATUS_NAMES, type EvaluationSummary, type Sample } from '../api/types.js';
import { href } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtTime } from '../lib/format.js';

export default function SamplesPage() {
  const { year } = useSession();
  const { message } = AntApp.useApp();
  const samples = useApi<Sample[] | { items: Sample[] }>(`/api/samples${query({ year })}`);
  const [busy, setBusy] = useState(false);
  const list = useMemo(() => {
    const d = samples.data;
    return (Array.isArray(d) ? d : d?.items ?? []).slice().sort((a, b) => (a.drawnAt < b.drawnAt ? 1 : -1));
  }, [samples.data]);
  // Each sample carries the summaries of its drawn evaluations (docs/API.md), however large the year.
  const byId = useMemo(() => new Map(list.flatMap((s) => s.evaluations ?? []).map((e) => [String(e.id), e])), [list]);

  const draw = async (v: { size: number; seed?: string }) => {
    setBusy(true);
    try {
      const seed = v.seed?.trim();
      const r = await request<Sample>('/api/samples', { body: { fiscalYear: year, size: v.size, seed: seed ? (/^\d+$/.test(seed) ? Number(seed) : seed) : undefined } });
      message.success(`已抽取 ${r.evaluationIds.length} 份，随机种子 ${r.seed}`);
      samples.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={3}>抽评复核</Typography.Title>
      <Typography.Paragraph type="secondary">
        从 {year} 年度已提交的自评中随机抽取样本复核。抽样使用随机种子，种子和抽样结果都会记录，同一种子可以重现同一抽样。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={draw} initialValues={{ size: 5 }}>
          <Form.Item label="抽取份数" name="size" rules={[{ required: true, message: '请填写份数' }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item label="随机种子" name="seed" tooltip="留空则由系统生成；填写已用过的种子可重现抽样">
            <Input placeholder="可留空" style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            抽取样本
          </Button>
        </Form>
      </Card>
      {samples.error && <Alert type="error" showIcon title={samples.error} style={{ marginBottom: 16 }} />}
      {!samples.loading && list.length === 0 && <Empty description={`${year} 年度还没有抽评`} />}
      <List
        loading={samples.loading}
        dataSource={list}
        renderItem={(s) => (
          <Card
            key={s.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="sample"
            title={
              <Space>
                <span>抽样 {fmtTime(s.drawnAt)}</span>
                <Tag color="purple" data-testid="sample-seed">随机种子 {String(s.seed)}</Tag>
                <Tag>{s.evaluationIds.length} 份</Tag>
              </Space>
            }
          >
            <Table<{ id: string; e: EvaluationSummary | undefined }>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.evaluationIds.map((id) => ({ id, e: byId.get(String(id)) }))}
              columns={[
                { title: '单位 / 项目', key: 't', render: (_, r) => <a href={href(`/review/${r.id}`)}>{r.e ? r.e.title || r.e.unitName : r.id}</a> },
                { title: '状态', key: 's', width: 130, render: (_, r) => (r.e ? <Tag color={STATUS_COLORS[r.e.status]}>{STATUS_NAMES[r.e.status]}</Tag> : null) },
                { title: '自评得分', key: 'self', width: 90, align: 'right', render: (_, r) => fmt(r.e?.selfScore) },
                { title: '系统计算', key: 'c', width: 90, align: 'right', render: (_, r) => fmt(r.e?.computedScore) },
                { title: '审核得分', key: 'r', width: 90, align: 'right', render: (_, r) => fmt(r.e?.reviewScore) },
                { title: '复核', key: 'done', width: 80, render: (_, r) => (r.e?.reviewScore ? <Tag color="green">已复核</Tag> : <Tag color="orange">待复核</Tag>) },
              ]}
            />
          </Card>
        )}
      />
    </>
  );
}
