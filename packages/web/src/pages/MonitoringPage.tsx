/**
 * 运行监控表 (双监控): per approved indicator the value to date, the full-year forecast, whether
 * the target will be met and, if not, the reason and the corrective action; the budget executed
 * to date against the time schedule. Traffic lights by the profile's thresholds. Filled here or
 * imported from the downloaded .xlsx; the unit head submits, the finance bureau reviews.
 */
import { Alert, App as AntApp, Button, Card, Descriptions, Input, Radio, Result, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, download, errorText, request } from '../api/client.js';
import type { Light, MonitoringEntryJson, MonitoringJson } from '../api/plan-types.js';
import { Loading } from '../components/Loading.js';
import { fmtRate } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';

export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
export const LIGHT_NAMES: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

export function LightDot({ light }: { light: Light | null | undefined }) {
  if (!light) return <span style={{ color: '#bbb' }}>—</span>;
  return (
    <span data-light={light} title={LIGHT_NAMES[light]} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span style={{ width: 12, height: 12, borderRadius: 6, background: LIGHT_COLORS[light], display: 'inline-block' }} />
      {LIGHT_NAMES[light]}
    </span>
  );
}

const WILL_MEET = [
  { value: 'yes', label: '能' },
  { value: 'no', label: '不能' },
];

export default function MonitoringPage({ params }: { params: Record<string, string> }) {
  const loaded = useApi<MonitoringJson>(`/api/monitoring/${params.id}`);
  const m = loaded.data;
  const { message, modal } = AntApp.useApp();
  const [data, setData] = useState<MonitoringJson['data'] | null>(null);
  const [issues, setIssues] = useState<ApiError['issues']>([]);
  useEffect(() => {
    if (m) setData(structuredClone(m.data));
  }, [m]);
  if (loaded.error) return <Result status="error" title="无法打开运行监控表" subTitle={loaded.error} />;
  if (!m || !data) return <Loading />;
  const ro = !m.canEdit;
  const issue = (path: string) => issues.find((i) => i.field === path)?.message;
  const setEntry = (n: number, patch: Partial<MonitoringEntryJson>) => setData({ ...data, entries: data.entries.map((e, k) => (k === n ? { ...e, ...patch } : e)) });
  const light = (id: string) => m.assessment?.entries.find((e) => e.indicatorId === id)?.light;

  const save = async (): Promise<MonitoringJson | null> => {
    try {
      const r = await request<MonitoringJson>(`/api/monitoring/${m.id}`, { method: 'PUT', body: { version: m.version, data } });
      setIssues([]);
      loaded.setData(r);
      message.success('监控表已保存');
      return r;
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.issues);
      message.error(errorText(e));
      return null;
    }
  };
  const act = async (action: 'submit' | 'approve' | 'return') => {
    let version = m.version;
    if (action === 'submit' && !ro) {
      const saved = await save();
      if (!saved) return;
      version = saved.version;
    }
    let opinion = '';
    const run = async () => {
      try {
        loaded.setData(await request<MonitoringJson>(`/api/monitoring/${m.id}/actions/${action}`, { body: { version, opinion } }));
        message.success({ submit: '已报送财政局', approve: '已审核', return: '已退回' }[action]);
      } catch (e) {
        if (e instanceof ApiError) setIssues(e.issues);
        message.error(errorText(e));
      }
    };
    if (action === 'submit') return run();
    modal.confirm({ title: action === 'approve' ? '审核通过' : '退回', content: <Input.TextArea aria-label="审核意见" rows={3} onChange={(e) => (opinion = e.target.value)} />, onOk: run, okText: '确定', cancelText: '取消' });
  };
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    form.append('periodEndMonth', String(m.periodEndMonth));
    try {
      loaded.setData(await request<MonitoringJson>(`/api/targets/${m.targetId}/monitoring/import`, { form }));
      message.success('已从 Excel 导入');
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.issues);
      message.error(errorText(e));
    }
  };
  const a = m.assessment;

  return (
    <div>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>{m.targetName} · {m.periodLabel} 运行监控</Typography.Title>
      <Space size={8} style={{ marginBottom: 12 }}>
        <Tag data-testid="monitoring-status">{m.statusLabel}</Tag>
        <Typography.Text type="secondary">{m.unitName} · {m.fiscalYear} 年度 · 依据批复第 {m.targetVersion} 版目标</Typography.Text>
        <Tag color={m.redCount ? 'red' : 'green'} data-testid="red-count">{m.redCount} 个红灯</Tag>
      </Space>
      {m.review?.opinions?.length ? <Alert style={{ marginBottom: 12 }} type={m.status === 'returned' ? 'error' : 'info'} showIcon title={`审核意见（${m.review.opinions.at(-1)!.by}）`} description={m.review.opinions.at(-1)!.opinion} /> : null}
      <Card size="small" title="预算执行（序时进度）" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} items={[
          { key: 'a', label: '全年预算数（万元）', children: ro ? (data.budget.adjusted ?? '—') : <Input aria-label="全年预算数" size="small" status={issue('budget.adjusted') ? 'error' : undefined} value={data.budget.adjusted ?? ''} onChange={(e) => setData({ ...data, budget: { ...data.budget, adjusted: e.target.value || null } })} /> },
          { key: 'e', label: '截至期末执行数（万元）', children: ro ? (data.budget.executedToDate ?? '—') : <Input aria-label="截至期末执行数" size="small" status={issue('budget.executedToDate') ? 'error' : undefined} value={data.budget.executedToDate ?? ''} onChange={(e) => setData({ ...data, budget: { ...data.budget, executedToDate: e.target.value || null } })} /> },
          { key: 'l', label: '执行进度', children: a ? <span data-testid="budget-light">序时进度 {fmtRate(a.schedule)}，执行 {fmtRate(a.executionRate)}，<LightDot light={a.budgetLight} /></span> : '—' },
        ]} />
        {a && <Typography.Text type="secondary">落后序时进度 {a.thresholds.yellow} 个百分点为黄灯，{a.thresholds.red} 个百分点为红灯（评分规则）。</Typography.Text>}
        {issue('budget.executedToDate') && <Typography.Text type="danger" style={{ display: 'block' }}>{issue('budget.executedToDate')}</Typography.Text>}
      </Card>
      <Table<MonitoringEntryJson>
        size="small"
        rowKey="indicatorId"
        pagination={false}
        dataSource={data.entries}
        columns={[
          { title: '三级指标', dataIndex: 'name', width: 160 },
          { title: '年度指标值', dataIndex: 'target', width: 100 },
          { title: '截至目前完成值', key: 'v', width: 130, render: (_, e, n) => (ro ? e.valueToDate : <Input size="small" aria-label={`${e.name} 截至目前完成值`} value={e.valueToDate ?? ''} onChange={(x) => setEntry(n, { valueToDate: x.target.value || null })} />) },
          { title: '全年预计完成值', key: 'f', width: 130, render: (_, e, n) => (ro ? e.forecast : <Input size="small" aria-label={`${e.name} 全年预计完成值`} value={e.forecast ?? ''} onChange={(x) => setEntry(n, { forecast: x.target.value || null })} />) },
          {
            title: '能否完成',
            key: 'w',
            width: 120,
            render: (_, e, n) =>
              ro ? (e.willMeet === null ? '—' : e.willMeet ? '能完成' : '不能完成') : (
                <span data-willmeet={e.name} style={issue(`entries.${n}.willMeet`) ? { outline: '1px solid #ff4d4f' } : undefined}>
                  <Radio.Group size="small" optionType="button" aria-label={`${e.name} 能否完成`} value={e.willMeet === null ? undefined : e.willMeet ? 'yes' : 'no'} options={WILL_MEET} onChange={(x) => setEntry(n, { willMeet: x.target.value === 'yes' })} />
                </span>
              ),
          },
          { title: '原因', key: 'r', render: (_, e, n) => (ro ? e.reason : <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`${e.name} 原因`} status={issue(`entries.${n}.reason`) ? 'error' : undefined} value={e.reason ?? ''} onChange={(x) => setEntry(n, { reason: x.target.value || null })} />) },
          { title: '纠偏措施', key: 'c', render: (_, e, n) => (ro ? e.action : <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`${e.name} 纠偏措施`} status={issue(`entries.${n}.action`) ? 'error' : undefined} value={e.action ?? ''} onChange={(x) => setEntry(n, { action: x.target.value || null })} />) },
          { title: '信号灯', key: 'l', width: 80, render: (_, e) => <LightDot light={light(e.indicatorId)} /> },
        ]}
      />
      {issues.length > 0 && <Alert style={{ marginTop: 12 }} type="error" showIcon title="请改正以下问题" description={issues.map((i, k) => <div key={k}>{i.message}</div>)} />}
      <Space style={{ marginTop: 12 }} wrap>
        {!ro && <Button onClick={() => void save()}>保存</Button>}
        {m.allowedActions.map((x) => (
          <Button key={x} type={x === 'return' ? 'default' : 'primary'} danger={x === 'return'} onClick={() => void act(x)}>
            {{ submit: '报送', approve: '审核通过', return: '退回' }[x]}
          </Button>
        ))}
        <Button onClick={() => void download(`/api/targets/${m.targetId}/monitoring/template?periodEndMonth=${m.periodEndMonth}`, `运行监控表（${m.periodLabel}）.xlsx`).catch((e) => message.error(errorText(e)))}>下载 Excel 模板</Button>
        {!ro && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button>从 Excel 导入</Button>
          </Upload>
        )}
      </Space>
    </div>
  );
}
