/**
 * 系统管理 › 安全日志 (system administrator): sign-ins, failures, back-offs, logouts, password
 * changes and resets, new accounts — newest first, a page at a time from the server, filtered by
 * event type. The page and the filter are in the address, so a view can be shared.
 */
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { query } from '../api/client.js';
import { navigate, useRoute } from '../app/router.js';
import { fmtTime } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';

export interface SecurityEventItem {
  id: number;
  at: string;
  action: string;
  label: string;
  actor: string;
  userId: number | null;
  address: string | null;
  detail: string;
}

interface SecurityEventPage {
  items: SecurityEventItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The event types the server lists (GET /api/admin/security-events?action=…), as it labels them. */
export const SECURITY_EVENT_TYPES: Array<{ value: string; label: string; color?: string }> = [
  { value: 'auth.login_succeeded', label: '登录成功', color: 'green' },
  { value: 'auth.login_failed', label: '登录失败', color: 'red' },
  { value: 'auth.login_locked', label: '登录退避', color: 'volcano' },
  { value: 'auth.logout', label: '退出登录' },
  { value: 'auth.password_change_failed', label: '修改密码失败', color: 'red' },
  { value: 'auth.password_change_locked', label: '修改密码退避', color: 'volcano' },
  { value: 'user.password_changed', label: '修改密码', color: 'blue' },
  { value: 'user.password_reset', label: '管理员重置密码', color: 'orange' },
  { value: 'user.created', label: '新建账号', color: 'cyan' },
];
const COLORS = new Map(SECURITY_EVENT_TYPES.map((t) => [t.value, t.color]));
const PAGE_SIZE = 20;

export default function SecurityLogPage() {
  const route = useRoute();
  const action = route.query.get('action') ?? '';
  const page = Math.max(1, Number(route.query.get('page')) || 1);
  const log = useApi<SecurityEventPage>(`/api/admin/security-events${query({ page, pageSize: PAGE_SIZE, action })}`);
  const go = (next: { page?: number; action?: string }) => navigate(`/admin/security-events${query({ action: next.action ?? action, page: next.page && next.page > 1 ? next.page : undefined })}`);
  const columns = [
    { title: '时间', key: 'at', width: 170, render: (_: unknown, e: SecurityEventItem) => fmtTime(e.at) },
    { title: '事件', key: 'label', width: 130, render: (_: unknown, e: SecurityEventItem) => <Tag color={COLORS.get(e.action)}>{e.label}</Tag> },
    { title: '账号/操作人', dataIndex: 'actor', key: 'actor', width: 200 },
    { title: '地址', key: 'address', width: 140, render: (_: unknown, e: SecurityEventItem) => e.address ?? '—' },
    { title: '详情', dataIndex: 'detail', key: 'detail' },
  ];
  return (
    <>
      <Typography.Title level={3}>安全日志</Typography.Title>
      <Typography.Paragraph type="secondary">登录、登录失败与退避、退出、修改与重置密码、新建账号，按时间从新到旧；记录不含任何密码。</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>事件类型</span>
        <Select
          aria-label="事件类型"
          data-testid="security-filter"
          style={{ width: 200 }}
          virtual={false}
          value={action}
          options={[{ value: '', label: '全部事件' }, ...SECURITY_EVENT_TYPES.map(({ value, label }) => ({ value, label }))]}
          onChange={(v: string) => go({ action: v, page: 1 })}
        />
      </Space>
      {log.error && <Alert type="error" showIcon title={log.error} style={{ marginBottom: 12 }} />}
      <Table<SecurityEventItem>
        data-testid="security-events"
        rowKey="id"
        size="middle"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: '暂无安全事件' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: (p) => go({ page: p }) }}
      />
    </>
  );
}
