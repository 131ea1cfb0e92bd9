/** 目标管理: performance targets filed with the budget (read-only list here; initial vs adjusted kept). */
import { Alert, Empty, Table, Tag, Typography } from 'antd';
import { query } from '../api/client.js';
import type { Target } from '../api/types.js';
import { useSession, useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { fmtTime } from '../lib/format.js';

const TARGET_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  approved: { label: '已批复', color: 'green' },
  adjusting: { label: '调整中', color: 'orange' },
};

export default function TargetsPage() {
  const { year } = useSession();
  const user = useUser();
  const list = useApi<Target[] | { items: Target[] }>(`/api/targets${query({ year, unitId: user.unitId })}`);
  const rows = Array.isArray(list.data) ? list.data : list.data?.items ?? [];
  return (
    <>
      <Typography.Title level={3}>绩效目标</Typography.Title>
      <Typography.Paragraph type="secondary">
        绩效目标随预算申报、批复后锁定；年中经批准的调整会与年初目标一并保留，自评按批复（或调整后）的目标打分。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Target>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={`${year} 年度没有绩效目标`} /> }}
        columns={[
          { title: '目标', key: 't', render: (_, r) => String(r.title ?? (r as { name?: string }).name ?? r.id) },
          { title: '年度', dataIndex: 'fiscalYear', width: 90 },
          { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <Tag color={TARGET_STATUS[v]?.color}>{TARGET_STATUS[v]?.label ?? v}</Tag> },
          { title: '更新时间', key: 'u', width: 180, render: (_, r) => fmtTime((r as { updatedAt?: string }).updatedAt) },
        ]}
      />
    </>
  );
}
