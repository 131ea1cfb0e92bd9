/** 绩效目标: the year's target trees (the department's and each project's), their status, and filing a new one. */
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { query } from '../api/client.js';
import type { TargetSummary } from '../api/plan-types.js';
import { KIND_NAMES } from '../api/types.js';
import { href, navigate } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { fmtTime } from '../lib/format.js';

export const TARGET_COLORS: Record<string, string> = { draft: 'default', submitted: 'blue', department_approved: 'cyan', approved: 'green', returned: 'red' };

export default function TargetsPage() {
  const { year } = useSession();
  const user = useUser();
  const isUnit = user.role === 'unit_filler' || user.role === 'unit_head';
  const list = useApi<TargetSummary[]>(`/api/targets${query({ year })}`);
  const rows = list.data ?? [];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>绩效目标</Typography.Title>
        {isUnit && (
          <Button type="primary" onClick={() => navigate('/targets/new')}>
            申报绩效目标
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        绩效目标随预算申报：单位填报 → 主管部门审核 → 财政局批复；批复后锁定，年中调整须说明理由并经主管部门和财政局批准，每一版都保留。自评由批复（或调整后）的目标生成。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<TargetSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={`${year} 年度还没有绩效目标`} /> }}
        columns={[
          { title: '目标', key: 'name', render: (_, r) => <a href={href(`/targets/${r.id}`)}>{r.name}</a> },
          { title: '类型', key: 'kind', width: 110, render: (_, r) => KIND_NAMES[r.kind] },
          { title: '单位', dataIndex: 'unitName', width: 200 },
          { title: '状态', key: 'status', width: 170, render: (_, r) => <Tag color={TARGET_COLORS[r.status]} data-testid="target-status">{r.statusLabel}</Tag> },
          { title: '批复版本', key: 'v', width: 90, render: (_, r) => (r.approvedVersion ? `第 ${r.approvedVersion} 版` : '—') },
          { title: '更新时间', key: 'u', width: 170, render: (_, r) => fmtTime(r.updatedAt ?? undefined) },
        ]}
      />
    </>
  );
}
