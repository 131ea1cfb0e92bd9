/**
 * Public portal: published reports by department, year, kind, grade and name, each with its
 * project and audit result. No login. Readable from 390 px wide: the filters wrap, the table
 * scrolls inside its own box. The server renders the first page as plain HTML first.
 */
import { Alert, Button, Empty, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { query } from '../api/client.js';
import { KIND_NAMES, KIND_OPTIONS, type Page, type PublicReport } from '../api/types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useApi } from '../lib/use-api.js';
import { fmt, fmtTime } from '../lib/format.js';
import { GradeText } from '../components/ScoreBasis.js';

type Row = PublicReport & { departmentName?: string | null; projectName?: string | null; title?: string };

export default function PublicPortalPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const year = route.query.get('year') ?? '';
  const grade = route.query.get('grade') ?? '';
  const kind = route.query.get('kind') ?? '';
  const departmentId = route.query.get('departmentId') ?? '';
  const page = Number(route.query.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const [yearText, setYearText] = useState<number | null>(year ? Number(year) : null);
  const list = useApi<Page<Row>>(`/api/public/reports${query({ q, year, grade, kind, departmentId, page })}`);
  const departments = useApi<Array<{ id: number; name: string; count: number }>>(`/api/public/departments${query({ year })}`);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const set = (p: Record<string, string | number | null | undefined>) => navigate(`/public${query({ q, year, grade, kind, departmentId, ...p })}`);
  useEffect(() => {
    document.title = '预算绩效自评报告公开';
  }, []);

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22, lineHeight: 1.5 }}>
        预算绩效自评报告公开
      </Typography.Title>
      <Typography.Paragraph type="secondary">各单位已公开的绩效自评报告，每份附系统审查结果，可下载原文。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }} role="search">
        <Input aria-label="单位或项目名称" placeholder="单位或项目名称" value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => set({ q: text.trim(), page: null })} style={{ width: 220 }} allowClear />
        <InputNumber aria-label="年度" placeholder="年度" min={1990} max={2100} value={yearText} onChange={(v) => setYearText(v)} style={{ width: 100 }} />
        {departments.data && (
          <Select
            aria-label="主管部门"
            placeholder="主管部门"
            allowClear
            value={departmentId || undefined}
            style={{ width: 160 }}
            options={departments.data.map((d) => ({ value: String(d.id), label: d.name }))}
            onChange={(v) => set({ departmentId: v ?? null, page: null })}
          />
        )}
        <Select aria-label="类型" placeholder="类型" allowClear value={kind || undefined} style={{ width: 120 }} options={KIND_OPTIONS} onChange={(v) => set({ kind: v ?? null, page: null })} />
        <Select
          aria-label="评价等级"
          placeholder="评价等级"
          allowClear
          value={grade || undefined}
          style={{ width: 110 }}
          options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))}
          onChange={(v) => set({ grade: v ?? null, page: null })}
        />
        <Button type="primary" onClick={() => set({ q: text.trim(), year: yearText ?? null, page: null })}>
          查询
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有符合条件的公开报告" /> }}
        pagination={{ current: page, total, pageSize: 20, showSizeChanger: false, onChange: (p) => set({ page: p }), showTotal: (t) => `共 ${t} 份`, size: 'small' }}
        columns={[
          { title: '项目或报告', key: 'name', render: (_, r) => <a href={href(`/public/reports/${r.id}`)}>{r.projectName ?? r.title ?? `${r.unitName} 部门整体`}</a> },
          { title: '单位', dataIndex: 'unitName' },
          { title: '主管部门', dataIndex: 'departmentName', render: (v) => v ?? '—' },
          { title: '年度', dataIndex: 'fiscalYear' },
          { title: '类型', dataIndex: 'kind', render: (k: PublicReport['kind']) => KIND_NAMES[k] ?? k },
          { title: '得分', dataIndex: 'score', align: 'right', render: (v) => fmt(v) },
          { title: '等级', dataIndex: 'grade', render: (v: string | null, r) => <GradeText grade={v} ungradableReason={r.ungradableReason} /> },
          {
            title: '审查结果',
            key: 'audit',
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
          { title: '公开时间', dataIndex: 'publishedAt', render: (v: string) => fmtTime(v) },
        ]}
      />
    </>
  );
}
