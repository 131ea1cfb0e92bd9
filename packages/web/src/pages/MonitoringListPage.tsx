/** 运行监控: the year's monitoring returns (the finance bureau reviews them here), with their red lights. */
import { Alert, Empty, Table, Tag, Typography } from 'antd';
import { query } from '../api/client.js';
import type { MonitoringJson } from '../api/plan-types.js';
import { href } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { LightDot } from './MonitoringPage.js';

export default function MonitoringListPage() {
  const { year } = useSession();
  const list = useApi<MonitoringJson[]>(`/api/monitoring${query({ year })}`);
  return (
    <>
      <Typography.Title level={3}>运行监控</Typography.Title>
      <Typography.Paragraph type="secondary">
        年中对照批复的绩效目标和预算执行进度（序时进度）填报；单位在“绩效目标”页按监控期间填报，财政局在此审核。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<MonitoringJson>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={`${year} 年度还没有运行监控表`} /> }}
        columns={[
          { title: '绩效目标', key: 't', render: (_, m) => <a href={href(`/monitoring/${m.id}`)}>{m.targetName}</a> },
          { title: '单位', dataIndex: 'unitName', width: 200 },
          { title: '期间', dataIndex: 'periodLabel', width: 90 },
          { title: '状态', key: 's', width: 150, render: (_, m) => <Tag>{m.statusLabel}</Tag> },
          { title: '预算执行', key: 'b', width: 100, render: (_, m) => <LightDot light={m.assessment?.budgetLight} /> },
          { title: '红灯', key: 'r', width: 80, render: (_, m) => <Tag color={m.redCount ? 'red' : 'green'}>{m.redCount}</Tag> },
        ]}
      />
    </>
  );
}
