/** Public portal: published reports searchable by unit, year and grade. No login. */
import { Alert, Button, Empty, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { query } from '../api/client.js';
import { KIND_NAMES, type Page, type PublicReport } from '../api/types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtTime } from '../lib/format.js';
import { GradeText } from '../components/ScoreBasis.js';

export default function PublicPortalPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const year = route.query.get('year') ?? '';
  const grade = route.query.get('grade') ?? '';
  const page = Number(route.query.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const [yearText, setYearText] = useState<number | null>(year ? Number(year) : null);
  const list = useApi<Page<PublicReport> | PublicReport[]>(`/api/public/reports${query({ q, year, grade, page })}`);
  const items = Array.isArray(list.data) ? list.data : list.data?.items ?? [];
  const total = Array.isArray(list.data) ? list.data.length : list.data?.total ?? 0;
  const set = (p: Record<string, string | number | null | undefined>) => navigate(`/public${query({ q, year, grade, ...p })}`);

  return (
    <>
      <Typography.Title level={3}>预算绩效自评报告公开</Typography.Title>
      <Typography.Paragraph type="secondary">各单位已公开的绩效自评报告，每份附系统审查结果，可下载原文。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }} role="search">
        <Input aria-label="单位名称" placeholder="单位或项目名称" value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => set({ q: text.trim(), page: null })} style={{ width: 240 }} allowClear />
        <InputNumber aria-label="年度" placeholder="年度" min={1990} max={2100} value={yearText} onChange={(v) => setYearText(v)} style={{ width: 110 }} />
        <Select
          aria-label="评价等级"
          placeholder="评价等级"
          allowClear
          value={grade || undefined}
          style={{ width: 120 }}
          options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))}
          onChange={(v) => set({ grade: v ?? null, page: null })}
        />
        <Button type="primary" onClick={() => set({ q: text.trim(), year: yearText ?? null, page: null })}>
          查询
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<PublicReport>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        locale={{ emptyText: <Empty description="没有符合条件的公开报告" /> }}
        pagination={{ current: page, total, pageSize: 20, showSizeChanger: false, onChange: (p) => set({ page: p }), showTotal: (t) => `共 ${t} 份` }}
        columns={[
          { title: '单位', dataIndex: 'unitName', render: (v: string, r) => <a href={href(`/public/reports/${r.id}`)}>{v}</a> },
          { title: '年度', dataIndex: 'fiscalYear', width: 80 },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: PublicReport['kind']) => KIND_NAMES[k] ?? k },
          { title: '得分', dataIndex: 'score', width: 80, align: 'right', render: (v) => fmt(v) },
          { title: '等级', dataIndex: 'grade', width: 80, render: (v: string | null, r) => <GradeText grade={v} ungradableReason={r.ungradableReason} /> },
          {
            title: '审查结果',
            key: 'audit',
            width: 160,
            render: (_, r) =>
              r.errors === 0 && r.warnings === 0 ? (
                <Tag color="green">未发现问题</Tag>
              ) : (
                <Space size={4}>
                  {r.errors > 0 && <Tag color="red">错误 {r.errors}</Tag>}
                  {r.warnings > 0 && <Tag color="gold">提醒 {r.warnings}</Tag>}
                </Space>
              ),
          },
          { title: '公开时间', dataIndex: 'publishedAt', width: 170, render: (v: string) => fmtTime(v) },
        ]}
      />
    </>
  );
}
