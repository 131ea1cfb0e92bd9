/** 目标管理: performance targets filed with the budget; initial and adjusted values side by side. */
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

interface TargetContent {
  goal?: string | null;
  indicators?: Array<{ name: string; target: string; unitOfMeasure?: string | null; weight?: string | null; initialTarget?: string | null }>;
}

type TargetRow = Target & { name?: string; unitName?: string; current?: TargetContent | null; initial?: TargetContent | null; updatedAt?: string };

export default function TargetsPage() {
  const { year } = useSession();
  const user = useUser();
  const list = useApi<TargetRow[] | { items: TargetRow[] }>(`/api/targets${query({ year, unitId: user.unitId })}`);
  const rows = Array.isArray(list.data) ? list.data : list.data?.items ?? [];
  return (
    <>
      <Typography.Title level={3}>绩效目标</Typography.Title>
      <Typography.Paragraph type="secondary">
        绩效目标随预算申报、批复后锁定；年中经批准的调整与年初目标一并保留，自评按批复（或调整后）的目标打分。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<TargetRow>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={`${year} 年度没有绩效目标`} /> }}
        expandable={{
          rowExpandable: (r) => !!r.current?.indicators?.length || !!r.current?.goal,
          expandedRowRender: (r) => (
            <>
              {r.current?.goal && <Typography.Paragraph>年度总体目标：{r.current.goal}</Typography.Paragraph>}
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                dataSource={r.current?.indicators ?? []}
                columns={[
                  { title: '指标', dataIndex: 'name' },
                  { title: '年初指标值', key: 'i', width: 140, render: (_, x) => x.initialTarget ?? x.target },
                  { title: '调整后指标值', key: 'a', width: 140, render: (_, x) => (x.initialTarget && x.initialTarget !== x.target ? <b>{x.target}</b> : '—') },
                  { title: '计量单位', dataIndex: 'unitOfMeasure', width: 100 },
                  { title: '分值', dataIndex: 'weight', width: 80 },
                ]}
              />
            </>
          ),
        }}
        columns={[
          { title: '目标', key: 't', render: (_, r) => String(r.name ?? r.title ?? r.id) },
          { title: '单位', dataIndex: 'unitName', width: 220 },
          { title: '年度', dataIndex: 'fiscalYear', width: 90 },
          { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <Tag color={TARGET_STATUS[v]?.color}>{TARGET_STATUS[v]?.label ?? v}</Tag> },
          { title: '更新时间', key: 'u', width: 180, render: (_, r) => fmtTime(r.updatedAt) },
        ]}
      />
    </>
  );
}
