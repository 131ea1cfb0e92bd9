/**
 * 抽评: draw a stratified, seeded sample (ratio or count, strata, mandatory inclusion, the
 * third-party reviewer it goes to); a redraw asks for its reason and the earlier draw stays
 * listed (已被重新抽取取代). Each draw shows its strata plan and its items with their re-scores.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText, query, request } from '../api/client.js';
import { KIND_NAMES } from '../api/types.js';
import type { SampleItem, SampleRecord } from '../api/after-cycle-types.js';
import { href } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtTime } from '../lib/format.js';

interface DrawForm {
  mode: 'ratio' | 'count';
  ratio: number;
  count: number;
  strata: string[];
  amountBands: string;
  amountAtLeast: string;
  lastYearPoor: boolean;
  assessorId?: number;
  seed?: string;
}

const STRATA_OPTIONS = [
  { value: 'department', label: '按主管部门' },
  { value: 'kind', label: '按评价类型（部门整体 / 项目 / 转移支付）' },
  { value: 'amountBand', label: '按金额档次' },
];

function body(v: DrawForm, year: number, reason?: string) {
  return {
    fiscalYear: year,
    ...(v.mode === 'ratio' ? { ratio: `${v.ratio}%` } : { count: v.count }),
    strata: v.strata,
    amountBands: v.strata.includes('amountBand') ? v.amountBands.split(/[,，\s]+/).filter(Boolean) : [],
    mandatory: { amountAtLeast: v.amountAtLeast?.trim() || null, lastYearPoor: v.lastYearPoor },
    ...(v.assessorId ? { assessorId: v.assessorId } : {}),
    ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
    ...(reason ? { reason } : {}),
  };
}

function ItemsTable({ items }: { items: SampleItem[] }) {
  return (
    <Table<SampleItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      data-testid="sample-items"
      columns={[
        { title: '单位 / 项目', key: 't', render: (_, r) => <a href={href(`/review/${r.evaluationId}`)}>{r.title}<div style={{ color: '#888', fontSize: 12 }}>{r.unitName}</div></a> },
        { title: '类型', dataIndex: 'kind', width: 80, render: (k: string) => KIND_NAMES[k as keyof typeof KIND_NAMES] ?? k },
        { title: '分层', dataIndex: 'stratum', width: 160 },
        { title: '必抽原因', dataIndex: 'mandatory', width: 170, render: (v: string | null) => v ?? '随机抽取' },
        { title: '自评', dataIndex: 'selfScore', width: 70, align: 'right', render: (v: string | null) => fmt(v) },
        { title: '复评', key: 'rescore', width: 70, align: 'right', render: (_, r) => fmt(r.rescore?.total ?? null) },
        { title: '抽评等级', key: 'grade', width: 80, render: (_, r) => r.rescore?.grade ?? '—' },
        { title: '复评状态', dataIndex: 'statusLabel', width: 100, render: (v: string, r) => <Tag color={r.status === 'rescored' ? 'green' : r.status === 'returned' ? 'red' : 'orange'}>{v}</Tag> },
      ]}
    />
  );
}

export default function SamplesPage() {
  const { year } = useSession();
  const { message } = AntApp.useApp();
  const samples = useApi<SampleRecord[]>(`/api/samples${query({ year })}`);
  const assessors = useApi<Array<{ id: number; displayName: string }>>('/api/assessors');
  const [busy, setBusy] = useState(false);
  const [redraw, setRedraw] = useState<{ values: DrawForm; reason: string } | null>(null);
  const [form] = Form.useForm<DrawForm>();
  const list = useMemo(() => samples.data ?? [], [samples.data]);
  const active = list.find((s) => s.status === 'active');

  const send = async (values: DrawForm, reason?: string) => {
    setBusy(true);
    try {
      const r = await request<SampleRecord>('/api/samples', { body: body(values, year, reason) });
      message.success(`已抽取 ${r.evaluationIds.length} 份，随机种子 ${r.seed}`);
      setRedraw(null);
      samples.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const draw = (values: DrawForm) => (active ? setRedraw({ values, reason: '' }) : void send(values));
  const mode = Form.useWatch('mode', form);
  const strata = Form.useWatch('strata', form) ?? [];

  return (
    <>
      <Typography.Title level={3}>抽评复核</Typography.Title>
      <Typography.Paragraph type="secondary">
        从 {year} 年度已提交的自评（部门整体、项目、转移支付）中分层抽样。随机种子、设置和抽样结果都会记录；重新抽取须说明理由，原抽样保留备查；已有复评结果的抽样不能重抽。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="sample-form">
        <Form<DrawForm> form={form} layout="vertical" onFinish={draw} initialValues={{ mode: 'ratio', ratio: 20, count: 5, strata: ['department'], amountBands: '100, 500', amountAtLeast: '', lastYearPoor: true }}>
          <Space wrap align="start" size="large">
            <Form.Item label="抽取方式" name="mode">
              <Radio.Group options={[{ value: 'ratio', label: '按比例' }, { value: 'count', label: '按份数' }]} optionType="button" />
            </Form.Item>
            {mode === 'count' ? (
              <Form.Item label="抽取份数" name="count" rules={[{ required: true, message: '请填写份数' }]}>
                <InputNumber aria-label="抽取份数" precision={0} style={{ width: 120 }} />
              </Form.Item>
            ) : (
              <Form.Item label="抽取比例（%）" name="ratio" rules={[{ required: true, message: '请填写比例' }]}>
                <InputNumber aria-label="抽取比例" min={1} max={100} style={{ width: 120 }} />
              </Form.Item>
            )}
            <Form.Item label="分层" name="strata">
              <Checkbox.Group options={STRATA_OPTIONS} style={{ display: 'flex', flexDirection: 'column' }} />
            </Form.Item>
            {strata.includes('amountBand') && (
              <Form.Item label="金额分档（万元）" name="amountBands" tooltip="由小到大，逗号分隔">
                <Input aria-label="金额分档" style={{ width: 140 }} />
              </Form.Item>
            )}
            <Form.Item label="必抽：金额达到（万元）" name="amountAtLeast">
              <Input aria-label="必抽金额线" placeholder="不设" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label="必抽：上年评价最低一档" name="lastYearPoor" valuePropName="checked">
              <Switch aria-label="上年最低等级必抽" />
            </Form.Item>
            <Form.Item label="评价机构（第三方复评）" name="assessorId">
              <Select aria-label="评价机构" allowClear placeholder="由财政局自行复评" style={{ width: 220 }} options={(assessors.data ?? []).map((a) => ({ value: a.id, label: a.displayName }))} />
            </Form.Item>
            <Form.Item label="随机种子" name="seed" tooltip="留空则由系统生成；填写已用过的种子可重现抽样">
              <Input placeholder="可留空" style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {active ? '重新抽取…' : '抽取样本'}
          </Button>
        </Form>
      </Card>
      {samples.error && <Alert type="error" showIcon title={samples.error} style={{ marginBottom: 16 }} />}
      {!samples.loading && list.length === 0 && <Empty description={`${year} 年度还没有抽评`} />}
      {list.map((s) => (
        <Card
          key={s.id}
          size="small"
          style={{ marginBottom: 12, opacity: s.status === 'active' ? 1 : 0.75 }}
          data-testid="sample"
          data-status={s.status}
          title={
            <Space wrap>
              <span>第 {s.id} 号抽样 · {fmtTime(s.drawnAt)}</span>
              <Tag color={s.status === 'active' ? 'green' : 'default'}>{s.statusLabel}</Tag>
              <Tag color="purple" data-testid="sample-seed">随机种子 {String(s.seed)}</Tag>
              <Tag>{s.settings.ratio ? `比例 ${Number(s.settings.ratio) * 100}%` : `${s.settings.count} 份`} → {s.evaluationIds.length} 份</Tag>
            </Space>
          }
        >
          {s.reason && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`重新抽取（取代第 ${s.replaces} 号）的理由：${s.reason}`} />}
          {(s.plan.strata ?? []).length > 1 && (
            <Typography.Paragraph type="secondary" data-testid="sample-strata">
              分层：{(s.plan.strata ?? []).map((st) => `${st.label} ${st.population} 份中抽 ${st.mandatory.length + st.drawn.length} 份`).join('；')}
            </Typography.Paragraph>
          )}
          <ItemsTable items={s.items} />
        </Card>
      ))}
      <Modal
        open={redraw !== null}
        title="重新抽取"
        okText="重新抽取"
        cancelText="取消"
        okButtonProps={{ disabled: !redraw?.reason.trim(), loading: busy }}
        onOk={() => redraw && void send(redraw.values, redraw.reason.trim())}
        onCancel={() => setRedraw(null)}
      >
        <Typography.Paragraph>{year} 年度已有有效抽样。重新抽取后，原抽样标为“已被重新抽取取代”并保留备查。请说明理由（记入办理记录）：</Typography.Paragraph>
        <Input.TextArea aria-label="重新抽取理由" rows={3} value={redraw?.reason ?? ''} onChange={(e) => redraw && setRedraw({ ...redraw, reason: e.target.value })} />
      </Modal>
    </>
  );
}
