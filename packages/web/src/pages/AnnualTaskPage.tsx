/**
 * 年度任务 (财政局): open the year's task (kinds and units in scope, opening and due dates, profile,
 * template, monitoring periods, notice), and follow it on the progress board by department and
 * unit (应报 / 已报 / 已审 / 退回 / 逾期) with drill-down, 催报 and per-unit unlocks.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorText, query, request } from '../api/client.js';
import type { TaskJson, TaskProgress, UnitProgress } from '../api/plan-types.js';
import { KIND_NAMES } from '../api/types.js';
import { href } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';

type Draft = Omit<TaskJson, 'id' | 'bureauId' | 'status' | 'version'>;
const KINDS = ['department', 'project', 'transfer'] as const;

function blank(year: number): Draft {
  return { fiscalYear: year, kinds: ['department', 'project'], unitIds: null, opensOn: '', dueOn: '', profile: 'national', template: 'national', monitoringPeriods: [{ endMonth: 7, opensOn: '', dueOn: '' }], notice: '' };
}

function TaskForm({ initial, task, onSaved }: { initial: Draft; task: TaskJson | null; onSaved(): void }) {
  const { message } = AntApp.useApp();
  const [d, setD] = useState<Draft>(initial);
  const [issues, setIssues] = useState<ApiError['issues']>([]);
  const err = (f: string) => issues.filter((i) => i.field === f || i.field?.startsWith(`${f}.`)).map((i) => i.message).join('；') || undefined;
  const save = async () => {
    try {
      if (task) await request(`/api/tasks/${task.id}`, { method: 'PUT', body: { ...d, version: task.version } });
      else await request('/api/tasks', { body: d });
      setIssues([]);
      message.success(task ? '年度任务已修改' : `${d.fiscalYear} 年度任务已发布`);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.issues);
      message.error(errorText(e));
    }
  };
  const setPeriod = (n: number, patch: Partial<Draft['monitoringPeriods'][number]>) => setD({ ...d, monitoringPeriods: d.monitoringPeriods.map((p, k) => (k === n ? { ...p, ...patch } : p)) });
  return (
    <Card title={task ? '修改年度任务' : `发布 ${d.fiscalYear} 年度任务`} data-testid="task-form">
      <Form layout="vertical">
        <Form.Item label="评价类型" validateStatus={err('kinds') ? 'error' : undefined} help={err('kinds')}>
          <Checkbox.Group value={d.kinds} onChange={(v) => setD({ ...d, kinds: v as Draft['kinds'] })} options={KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="开始日期" validateStatus={err('opensOn') ? 'error' : undefined} help={err('opensOn')}>
              <Input type="date" aria-label="开始日期" value={d.opensOn} onChange={(e) => setD({ ...d, opensOn: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="报送截止日期" validateStatus={err('dueOn') ? 'error' : undefined} help={err('dueOn')}>
              <Input type="date" aria-label="报送截止日期" value={d.dueOn} onChange={(e) => setD({ ...d, dueOn: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="评分规则" validateStatus={err('profile') ? 'error' : undefined} help={err('profile')}>
              <Input aria-label="评分规则" value={d.profile} onChange={(e) => setD({ ...d, profile: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="报告模板" validateStatus={err('template') ? 'error' : undefined} help={err('template')}>
              <Input aria-label="报告模板" value={d.template} onChange={(e) => setD({ ...d, template: e.target.value })} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="运行监控期间" validateStatus={err('monitoringPeriods') ? 'error' : undefined} help={err('monitoringPeriods')}>
          {d.monitoringPeriods.map((p, n) => (
            <Space key={n} style={{ marginBottom: 4 }}>
              <span>1 –</span>
              <InputNumber aria-label="监控截止月份" min={1} max={12} value={p.endMonth} onChange={(v) => setPeriod(n, { endMonth: Number(v ?? 0) })} />
              <span>月，填报</span>
              <Input type="date" aria-label="监控开始日期" value={p.opensOn} onChange={(e) => setPeriod(n, { opensOn: e.target.value })} />
              <span>至</span>
              <Input type="date" aria-label="监控截止日期" value={p.dueOn} onChange={(e) => setPeriod(n, { dueOn: e.target.value })} />
              <Button type="text" danger onClick={() => setD({ ...d, monitoringPeriods: d.monitoringPeriods.filter((_, k) => k !== n) })}>×</Button>
            </Space>
          ))}
          <Button size="small" onClick={() => setD({ ...d, monitoringPeriods: [...d.monitoringPeriods, { endMonth: 12, opensOn: '', dueOn: '' }] })}>+ 监控期间</Button>
        </Form.Item>
        <Form.Item label="通知（单位首页可见）" validateStatus={err('notice') ? 'error' : undefined} help={err('notice')}>
          <Input.TextArea aria-label="通知" rows={2} value={d.notice ?? ''} onChange={(e) => setD({ ...d, notice: e.target.value })} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>{task ? '保存修改' : '发布年度任务'}</Button>
      </Form>
    </Card>
  );
}

function UnitItems({ u }: { u: UnitProgress }) {
  const STATE = { not_submitted: '未报', submitted: '已报', reviewed: '已审', returned: '退回' } as const;
  return (
    <Table size="small" rowKey={(i) => `${i.kind}.${i.projectId ?? i.evaluationId ?? 0}`} pagination={false} dataSource={u.items} columns={[
      { title: '应报项目', key: 't', render: (_, i) => (i.evaluationId ? <a href={href(`/review/${i.evaluationId}`)}>{i.title}</a> : i.title) },
      { title: '类型', key: 'k', width: 100, render: (_, i) => KIND_NAMES[i.kind] },
      { title: '项目编码', dataIndex: 'code', width: 140 },
      { title: '状态', key: 's', width: 90, render: (_, i) => STATE[i.state] },
    ]} />
  );
}

function Board({ task, canManage }: { task: TaskJson; canManage: boolean }) {
  const { message, modal } = AntApp.useApp();
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const board = useApi<TaskProgress>(`/api/tasks/${task.id}/progress${query({ departmentId })}`);
  const [selected, setSelected] = useState<number[]>([]);
  const b = board.data;
  const remind = async () => {
    try {
      await request(`/api/tasks/${task.id}/reminders`, { body: { unitIds: selected } });
      message.success(`已向 ${selected.length} 个单位催报`);
      setSelected([]);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const unlock = (u: UnitProgress) => {
    let reason = '';
    modal.confirm({
      title: `解锁“${u.unitName}”`,
      content: <Input.TextArea aria-label="解锁理由" rows={3} placeholder="解锁理由（必填，记入办理记录）" onChange={(e) => (reason = e.target.value)} />,
      okText: '解锁',
      cancelText: '取消',
      onOk: async () => {
        try {
          await request(`/api/tasks/${task.id}/unlocks`, { body: { unitId: u.unitId, reason } });
          message.success('已解锁');
          board.reload();
        } catch (e) {
          message.error(errorText(e));
          throw e;
        }
      },
    });
  };
  if (board.error) return <Alert type="error" showIcon title={board.error} />;
  if (!b) return null;
  const stat = (title: string, v: number, testid: string) => <Col span={4}><Card size="small"><Statistic title={title} value={v} /><span data-testid={testid} hidden>{v}</span></Card></Col>;
  return (
    <div data-testid="progress-board">
      <Row gutter={12} style={{ margin: '16px 0' }}>
        {stat('单位', b.totals.units, 'total-units')}
        {stat('应报', b.totals.expected, 'total-expected')}
        {stat('已报', b.totals.submitted, 'total-submitted')}
        {stat('已审', b.totals.reviewed, 'total-reviewed')}
        {stat('退回', b.totals.returned, 'total-returned')}
        {stat('逾期', b.totals.overdue, 'total-overdue')}
      </Row>
      <Typography.Title level={5}>按部门{departmentId !== null && <Button type="link" onClick={() => setDepartmentId(null)}>显示全部单位</Button>}</Typography.Title>
      <Table size="small" rowKey="departmentId" pagination={false} dataSource={b.byDepartment} columns={[
        { title: '主管部门', key: 'n', render: (_, d) => <a onClick={() => setDepartmentId(d.departmentId)}>{d.departmentName}</a> },
        { title: '单位', dataIndex: 'units', width: 70 },
        { title: '应报', dataIndex: 'expected', width: 70 },
        { title: '已报', dataIndex: 'submitted', width: 70 },
        { title: '已审', dataIndex: 'reviewed', width: 70 },
        { title: '退回', dataIndex: 'returned', width: 70 },
        { title: '逾期', dataIndex: 'overdue', width: 70 },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>按单位</Typography.Title>
      <div data-testid="unit-progress">
      <Table<UnitProgress>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={b.byUnit}
        expandable={{ expandedRowRender: (u) => <UnitItems u={u} /> }}
        rowSelection={canManage ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]), getCheckboxProps: (u) => ({ disabled: u.submitted >= u.expected }) } : undefined}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '主管部门', dataIndex: 'departmentName', width: 180 },
          { title: '应报', dataIndex: 'expected', width: 60 },
          { title: '已报', dataIndex: 'submitted', width: 60 },
          { title: '已审', dataIndex: 'reviewed', width: 60 },
          { title: '状态', key: 's', width: 90, render: (_, u) => <Tag data-testid="unit-state" color={{ 已审: 'green', 已报: 'blue', 退回: 'red', 逾期: 'volcano', 未报: 'default', 无需报送: 'default' }[u.stateLabel]}>{u.stateLabel}</Tag> },
          { title: '锁定', key: 'l', width: 150, render: (_, u) => (u.locked ? <Space><Tag color="red">已锁定</Tag>{canManage && <a onClick={() => unlock(u)}>解锁</a>}</Space> : u.unlock ? <Tag color="gold" title={u.unlock.reason}>已解锁</Tag> : '—') },
        ]}
      />
      </div>
      {canManage && (
        <Space style={{ marginTop: 12 }}>
          <Button disabled={!selected.length} onClick={() => void remind()}>催报所选单位（{selected.length}）</Button>
          <Typography.Text type="secondary">催报名单：{b.remind.map((r) => r.unitName).join('、') || '无'}</Typography.Text>
        </Space>
      )}
    </div>
  );
}

export default function AnnualTaskPage() {
  const { year } = useSession();
  const user = useUser();
  const list = useApi<TaskJson[]>(`/api/tasks${query({ year })}`);
  const [editing, setEditing] = useState(false);
  const task = list.data?.[0] ?? null;
  const canManage = user.role === 'finance_reviewer';
  const { message } = AntApp.useApp();
  const toggle = async () => {
    try {
      await request(`/api/tasks/${task!.id}/actions/${task!.status === 'open' ? 'close' : 'reopen'}`, { body: { version: task!.version } });
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Typography.Title level={3}>{year} 年度任务</Typography.Title>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      {!list.loading && !task && (canManage ? <TaskForm key={year} initial={blank(year)} task={null} onSaved={() => list.reload()} /> : <Alert type="info" showIcon title={`财政局尚未发布 ${year} 年度任务`} />)}
      {task && (
        <>
          <Card size="small" data-testid="task-summary">
            <Space wrap>
              <Tag color={task.status === 'open' ? 'green' : 'default'}>{task.status === 'open' ? '进行中' : '已结束'}</Tag>
              <span>{task.kinds.map((k) => KIND_NAMES[k]).join('、')}</span>
              <span>{task.opensOn} 至 {task.dueOn}</span>
              <span>运行监控：{task.monitoringPeriods.map((p) => `1–${p.endMonth}月（${p.opensOn} 至 ${p.dueOn}）`).join('、') || '未设置'}</span>
              <span>规则 {task.profile} · 模板 {task.template}</span>
              {canManage && <Button size="small" onClick={() => setEditing(!editing)}>{editing ? '收起' : '修改'}</Button>}
              {canManage && <Button size="small" onClick={() => void toggle()}>{task.status === 'open' ? '结束任务' : '重新开启'}</Button>}
            </Space>
            {task.notice && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>通知：{task.notice}</Typography.Paragraph>}
          </Card>
          {editing && <TaskForm initial={{ ...task }} task={task} onSaved={() => { setEditing(false); list.reload(); }} />}
          <Board task={task} canManage={canManage} />
        </>
      )}
    </>
  );
}
