/**
 * 整改: items opened by the finance bureau (source, due date, rule in Chinese), worked by the
 * unit with evidence (佐证材料, checked by content and kept with their SHA-256) and a report,
 * signed off (销号) or returned by the finance bureau. Overdue items are marked.
 */
import { Alert, App as AntApp, Button, Descriptions, Drawer, Empty, Input, List, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { download, errorText, query, request } from '../api/client.js';
import { RECT_SOURCES, type RectificationItem } from '../api/after-cycle-types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';

export const RECT_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '待整改', color: 'red' },
  in_progress: { label: '整改中', color: 'orange' },
  reported: { label: '已报送，待销号', color: 'blue' },
  returned: { label: '已退回重改', color: 'volcano' },
  closed: { label: '已销号', color: 'green' },
};

function ItemDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const user = useUser();
  const { message } = AntApp.useApp();
  const item = useApi<RectificationItem>(`/api/rectifications/${id}`);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const unitSide = user.role === 'unit_filler' || user.role === 'unit_head';
  const r = item.data;
  const act = async (action: 'report' | 'sign_off' | 'return' | 'start') => {
    if (!r) return;
    setBusy(true);
    try {
      await request(`/api/rectifications/${r.id}/actions/${action}`, { body: { version: r.version, text: text.trim() || undefined } });
      message.success({ report: '整改情况已报送', sign_off: '已销号', return: '已退回重改', start: '已开始整改' }[action]);
      setText('');
      item.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const uploadFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    try {
      await request(`/api/rectifications/${id}/evidence`, { form });
      message.success(`已上传 ${file.name}`);
      item.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
    return false;
  };
  const canWork = unitSide && r && ['open', 'in_progress', 'returned'].includes(r.status);
  const canSign = user.role === 'finance_reviewer' && r?.status === 'reported';
  return (
    <Drawer open title="整改事项" width={560} onClose={onClose} data-testid="rect-drawer">
      {item.error && <Alert type="error" showIcon title={item.error} />}
      {r && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="单位">{r.unitName}</Descriptions.Item>
            <Descriptions.Item label="来源">{r.sourceLabel}</Descriptions.Item>
            {r.ruleTitle && <Descriptions.Item label="审核规则">{r.ruleTitle}</Descriptions.Item>}
            <Descriptions.Item label="整改要求">{r.description}</Descriptions.Item>
            <Descriptions.Item label="期限">{r.due_date} {r.overdue && <Tag color="red">已逾期</Tag>}</Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={RECT_STATUS[r.status]?.color} data-testid="rect-status">{r.statusLabel}</Tag></Descriptions.Item>
            {r.report && <Descriptions.Item label="整改情况">{r.report}</Descriptions.Item>}
          </Descriptions>
          {(r.review?.opinions ?? []).map((o, i) => (
            <Alert key={i} type={o.action === 'return' ? 'warning' : 'success'} showIcon title={`${o.action === 'return' ? '退回' : '销号'}：${o.opinion ?? ''}（${o.by}）`} />
          ))}
          <Typography.Title level={5}>佐证材料</Typography.Title>
          <List
            size="small"
            data-testid="evidence-list"
            dataSource={r.evidence ?? []}
            locale={{ emptyText: '尚未上传' }}
            renderItem={(f) => (
              <List.Item>
                <a onClick={() => void download(`/api/rectifications/${r.id}/evidence/${f.id}`, f.file_name).catch((e) => message.error(errorText(e)))}>{f.file_name}</a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SHA-256 ${f.sha256}`}>
                  {(f.size / 1024).toFixed(1)} KB · SHA-256 {f.sha256.slice(0, 12)}…
                </Typography.Text>
              </List.Item>
            )}
          />
          {canWork && (
            <Upload beforeUpload={(f) => uploadFile(f as unknown as File)} showUploadList={false} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls,.ofd,.zip,.txt,.csv">
              <Button data-testid="evidence-upload">上传佐证材料</Button>
            </Upload>
          )}
          {(canWork || canSign) && (
            <Input.TextArea aria-label={canSign ? '销号或退回意见' : '整改情况报告'} rows={3} placeholder={canSign ? '退回时必须填写意见' : '整改措施及完成情况（报送时必填）'} value={text} onChange={(e) => setText(e.target.value)} />
          )}
          <Space>
            {canWork && r.status !== 'in_progress' && <Button onClick={() => void act('start')} loading={busy}>开始整改</Button>}
            {canWork && <Button type="primary" onClick={() => void act('report')} loading={busy}>报送整改情况</Button>}
            {canSign && <Button type="primary" onClick={() => void act('sign_off')} loading={busy}>销号</Button>}
            {canSign && <Button danger onClick={() => void act('return')} loading={busy}>退回重改</Button>}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}

export default function RectificationsPage() {
  const route = useRoute();
  const user = useUser();
  const status = route.query.get('status') ?? '';
  const source = route.query.get('source') ?? '';
  const overdue = route.query.get('overdue') === '1';
  const list = useApi<RectificationItem[]>(`/api/rectifications${query({ status, source, overdue: overdue ? '1' : '', evaluationId: route.query.get('evaluationId') })}`);
  const [open, setOpen] = useState<number | null>(null);
  const unitSide = user.role === 'unit_filler' || user.role === 'unit_head';
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(route.query);
    if (v) next.set(k, v);
    else next.delete(k);
    navigate(`/rectifications?${next.toString()}`);
  };

  return (
    <>
      <Typography.Title level={3}>整改事项</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select aria-label="整改状态" placeholder="全部状态" allowClear value={status || undefined} style={{ width: 150 }} options={Object.entries(RECT_STATUS).map(([value, s]) => ({ value, label: s.label }))} onChange={(v) => setParam('status', v ?? '')} />
        <Select aria-label="整改来源" placeholder="全部来源" allowClear value={source || undefined} style={{ width: 130 }} options={RECT_SOURCES} onChange={(v) => setParam('source', v ?? '')} />
        <span>
          只看逾期 <Switch aria-label="只看逾期" checked={overdue} onChange={(v) => setParam('overdue', v ? '1' : '')} />
        </span>
        <Button onClick={list.reload}>刷新</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<RectificationItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description="没有整改事项" /> }}
        rowClassName={(r) => (r.overdue ? 'jx-row-overdue' : '')}
        columns={[
          { title: '单位', key: 'u', width: 170, render: (_, r) => (r.evaluation_id ? <a href={href(`${unitSide ? '/evaluations/' : '/review/'}${r.evaluation_id}`)}>{r.unitName}</a> : r.unitName) },
          { title: '来源', dataIndex: 'sourceLabel', width: 90 },
          { title: '整改要求', dataIndex: 'description' },
          { title: '审核规则', dataIndex: 'ruleTitle', width: 170, render: (v: string | null) => v ?? '—' },
          { title: '期限', dataIndex: 'due_date', width: 120, render: (v: string, r) => <span>{v}{r.overdue ? <Tag color="red" style={{ marginLeft: 4 }}>逾期</Tag> : null}</span> },
          { title: '状态', dataIndex: 'status', width: 130, render: (v: string) => <Tag color={RECT_STATUS[v]?.color}>{RECT_STATUS[v]?.label ?? v}</Tag> },
          { title: '佐证', dataIndex: 'evidenceCount', width: 60, align: 'right' },
          { title: '操作', key: 'op', width: 80, render: (_, r) => <Button size="small" onClick={() => setOpen(r.id)} data-testid={`rect-open-${r.id}`}>办理</Button> },
        ]}
      />
      {open !== null && <ItemDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </>
  );
}
