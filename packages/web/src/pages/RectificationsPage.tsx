/** 整改: rectification items opened by reviewers, worked and closed by units. */
import { Alert, App as AntApp, Button, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText, query, request } from '../api/client.js';
import { normaliseRectification, type Rectification } from '../api/types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';

export const RECT_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '待整改', color: 'red' },
  in_progress: { label: '整改中', color: 'orange' },
  submitted: { label: '已报送', color: 'blue' },
  done: { label: '已完成', color: 'green' },
  closed: { label: '已销号', color: 'green' },
};

export default function RectificationsPage() {
  const route = useRoute();
  const user = useUser();
  const { message } = AntApp.useApp();
  const status = route.query.get('status') ?? '';
  const list = useApi<Array<Record<string, unknown>> | { items: Array<Record<string, unknown>> }>(`/api/rectifications${query({ status, evaluationId: route.query.get('evaluationId') })}`);
  const rows = (Array.isArray(list.data) ? list.data : list.data?.items ?? []).map(normaliseRectification);
  const [editing, setEditing] = useState<{ r: Rectification; status: string; note: string } | null>(null);
  const unitSide = user.role === 'unit_filler' || user.role === 'unit_head';

  const save = async () => {
    if (!editing) return;
    try {
      await request(`/api/rectifications/${editing.r.id}`, { method: 'PATCH', body: { status: editing.status, note: editing.note, version: editing.r.version } });
      message.success('已更新');
      setEditing(null);
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <Typography.Title level={3}>整改事项</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Select
          aria-label="整改状态"
          placeholder="全部状态"
          allowClear
          value={status || undefined}
          style={{ width: 140 }}
          options={[
            { value: 'open', label: '待整改' },
            { value: 'in_progress', label: '整改中' },
            { value: 'done', label: '已完成' },
          ]}
          onChange={(v) => navigate(`/rectifications${query({ status: v })}`)}
        />
        <Button onClick={list.reload}>刷新</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Rectification>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description="没有整改事项" /> }}
        columns={[
          { title: '自评', dataIndex: 'evaluationId', width: 200, render: (v: string, r) => <a href={href(`${unitSide ? '/evaluations/' : '/review/'}${v}`)}>{r.unitName ?? `自评 ${v}`}</a> },
          { title: '整改要求', dataIndex: 'description' },
          { title: '规则', dataIndex: 'rule', width: 160, render: (v: string | null) => v ?? '—' },
          { title: '期限', dataIndex: 'dueDate', width: 110 },
          { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <Tag color={RECT_STATUS[v]?.color}>{RECT_STATUS[v]?.label ?? v}</Tag> },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          { title: '操作', key: 'op', width: 90, render: (_, r) => <Button size="small" onClick={() => setEditing({ r, status: r.status, note: r.note ?? '' })}>办理</Button> },
        ]}
      />
      <Modal open={!!editing} title="办理整改事项" okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => setEditing(null)}>
        {editing && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>{editing.r.description}</div>
            <Select
              aria-label="整改状态"
              value={editing.status}
              style={{ width: 160 }}
              options={[
                { value: 'open', label: '待整改' },
                { value: 'in_progress', label: '整改中' },
                { value: 'done', label: '已完成' },
              ]}
              onChange={(v) => setEditing({ ...editing, status: v })}
            />
            <Input.TextArea aria-label="整改说明" rows={3} placeholder="整改措施及完成情况" value={editing.note} onChange={(e) => setEditing({ ...editing, note: e.target.value })} />
          </Space>
        )}
      </Modal>
    </>
  );
}
