/**
 * 项目自评: every project the reviewer may see, filtered by department, unit, kind, grade,
 * amount band, progress and findings, paged and sorted by the server; each row drills into
 * its review page. Filters live in the URL, so a filtered list can be bookmarked or shared.
 */
import { Alert, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { getProfile, listProfiles } from '@jixiao/core';
import { query } from '../api/client.js';
import { KIND_OPTIONS, PROGRESS_NAMES, type Org, type Progress, type ProjectPage, type ProjectSummary } from '../api/types.js';
import { navigate, useRoute } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { columnsWidth, projectColumns } from '../components/project-columns.js';
import { ProjectSummaryBar } from '../components/ProjectSummaryBar.js';
import { useApi } from '../lib/use-api.js';

const PAGE_SIZE = 20;

/** Amount bands (万元) offered by the filter; the server takes any min ≤ amount < max. */
const AMOUNT_BANDS: Array<{ value: string; label: string; min?: string; max?: string }> = [
  { value: '0-10', label: '10 万元以下', max: '10' },
  { value: '10-50', label: '10–50 万元', min: '10', max: '50' },
  { value: '50-100', label: '50–100 万元', min: '50', max: '100' },
  { value: '100-500', label: '100–500 万元', min: '100', max: '500' },
  { value: '500-1000', label: '500–1000 万元', min: '500', max: '1000' },
  { value: '1000-', label: '1000 万元及以上', min: '1000' },
];

/** Grade names of every profile (优 / 良 / 中 / 差 …), plus "no grade yet". */
function gradeOptions(): Array<{ value: string; label: string }> {
  const names = new Set<string>();
  for (const p of listProfiles()) {
    try {
      for (const g of getProfile(p.id).grades) names.add(g.name);
    } catch {
      /* a profile that does not load offers no grades */
    }
  }
  return [...[...names].map((n) => ({ value: n, label: n })), { value: 'none', label: '未评级' }];
}

const PROGRESS_OPTIONS = (Object.keys(PROGRESS_NAMES) as Progress[]).map((p) => ({ value: p, label: PROGRESS_NAMES[p] }));

function Filters({ get, set, org }: { get: (k: string) => string; set: (k: string, v: string | undefined, also?: Record<string, string>) => void; org: Org | null }) {
  const user = useUser();
  const grades = useMemo(gradeOptions, []);
  const dept = get('departmentId');
  const [text, setText] = useState(get('q'));
  const band = AMOUNT_BANDS.find((b) => (b.min ?? '') === get('minAmount') && (b.max ?? '') === get('maxAmount'))?.value;
  const sel = (label: string, key: string, options: Array<{ value: string; label: string }>, width = 140) => (
    <Select aria-label={label} placeholder={label} allowClear value={get(key) || undefined} options={options} onChange={(v) => set(key, v)} style={{ width }} showSearch={options.length > 8 ? { optionFilterProp: 'label' } : undefined} />
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {user.role !== 'department_reviewer' && (
        <Select aria-label="主管部门" placeholder="全部主管部门" allowClear value={dept || undefined} style={{ width: 160 }} onChange={(v) => set('departmentId', v, { unitId: '' })} options={(org?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))} />
      )}
      {sel('全部单位', 'unitId', (org?.units ?? []).filter((u) => !dept || String(u.parentId) === dept).map((u) => ({ value: String(u.id), label: u.name })), 200)}
      {sel('全部类型', 'kind', KIND_OPTIONS.filter((k) => k.value !== 'department'), 110)}
      {sel('全部等级', 'grade', grades, 110)}
      {sel('全部进度', 'progress', PROGRESS_OPTIONS, 140)}
      <Select
        aria-label="资金规模"
        placeholder="全部资金规模"
        allowClear
        value={band}
        style={{ width: 150 }}
        options={AMOUNT_BANDS.map((b) => ({ value: b.value, label: b.label }))}
        onChange={(v) => {
          const b = AMOUNT_BANDS.find((x) => x.value === v);
          set('minAmount', b?.min, { maxAmount: b?.max ?? '' });
        }}
      />
      {sel('审查发现', 'hasErrors', [{ value: 'true', label: '有错误' }, { value: 'false', label: '无错误' }], 110)}
      {sel('能否提交', 'blocked', [{ value: 'true', label: '须先处理问题' }, { value: 'false', label: '无须先处理的问题' }], 170)}
      <Input.Search aria-label="搜索编码、项目或单位" placeholder="搜索编码、项目或单位" value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => set('q', v.trim())} allowClear style={{ width: 220 }} />
    </Space>
  );
}

export default function ProjectListPage() {
  const route = useRoute();
  const { year } = useSession();
  const org = useApi<Org>('/api/org');
  const get = (k: string) => route.query.get(k) ?? '';
  const set = (k: string, v: string | undefined, also: Record<string, string> = {}) => {
    const next = new URLSearchParams(route.query);
    for (const [key, val] of Object.entries({ ...also, [k]: v ?? '' })) {
      if (val) next.set(key, val);
      else next.delete(key);
    }
    if (k !== 'page') next.delete('page');
    navigate(`${route.path}?${next.toString()}`);
  };
  const page = Number(get('page') || '1') || 1;
  const keys = ['departmentId', 'unitId', 'kind', 'grade', 'progress', 'minAmount', 'maxAmount', 'hasErrors', 'blocked', 'q', 'sort'];
  const params = Object.fromEntries(keys.map((k) => [k, get(k)]));
  const list = useApi<ProjectPage>(`/api/projects${query({ year, ...params, page, pageSize: PAGE_SIZE })}`);
  const sort = get('sort');
  const columns = useMemo(
    () => projectColumns({ linkFor: (r) => (r.evaluationId ? `/review/${r.evaluationId}` : null), showUnit: true, showDepartment: true, sortable: true, sort }),
    [sort],
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>项目自评</Typography.Title>
        <Space>
          <Button onClick={() => navigate('/projects/import')}>导入项目清单</Button>
          <Button onClick={list.reload}>刷新</Button>
        </Space>
      </Space>
      <Filters key={route.query.toString()} get={get} set={set} org={org.data} />
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      {list.data && <ProjectSummaryBar summary={list.data.summary} progress={get('progress')} onProgress={(p) => set('progress', p)} />}
      <Table<ProjectSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onChange={(_, __, s, extra) => {
          if (extra.action !== 'sort') return;
          const one = (Array.isArray(s) ? s[0] : s) as SorterResult<ProjectSummary> | undefined;
          set('sort', one?.order ? String(one.columnKey) : undefined);
        }}
        onRow={(r) => ({ onDoubleClick: () => r.evaluationId && navigate(`/review/${r.evaluationId}`) })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 个项目`, onChange: (p) => set('page', String(p)), showSizeChanger: false }}
        scroll={{ x: columnsWidth(columns) }}
        locale={{ emptyText: <Empty description={list.loading ? '加载中…' : `${year} 年度没有符合条件的项目`} /> }}
      />
    </>
  );
}
