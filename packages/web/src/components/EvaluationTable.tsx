/** A filtered, paged list of evaluations (self-evaluation list and the review queue). */
import { Alert, Badge, Button, Empty, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { query } from '../api/client.js';
import { KIND_NAMES, KIND_OPTIONS, STATUS_COLORS, STATUS_NAMES, type EvaluationSummary, type Page, type Status } from '../api/types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { fmt } from '../lib/format.js';
import { GradeText } from './ScoreBasis.js';

export interface EvaluationTableProps {
  /** Where rows link to: "/evaluations/" or "/review/". */
  linkBase: string;
  /** Show the reviewer's columns (findings, quality, sampled). */
  reviewer?: boolean;
  extraActions?: (row: EvaluationSummary) => React.ReactNode;
  /** The status shown when the address names none (`status=all` shows every status). */
  defaultStatus?: string;
  /** Rows can be chosen (batch actions); the caller keeps the choice. */
  selection?: { keys: Array<string | number>; onChange(keys: Array<string | number>, rows: EvaluationSummary[]): void };
  /** Bumped by the caller to reload the list (after a batch action). */
  reloadKey?: number;
}

const STATUS_OPTIONS = (Object.keys(STATUS_NAMES) as Status[]).map((s) => ({ value: s, label: STATUS_NAMES[s] }));

export function EvaluationTable({ linkBase, reviewer, extraActions, defaultStatus, selection, reloadKey }: EvaluationTableProps) {
  const route = useRoute();
  const { year } = useSession();
  const raw = route.query.get('status');
  const status = raw === 'all' ? '' : raw ?? defaultStatus ?? '';
  const kind = route.query.get('kind') ?? '';
  const q = route.query.get('q') ?? '';
  const page = Number(route.query.get('page') ?? '1') || 1;
  const sort = route.query.get('sort') ?? '';
  const [text, setText] = useState(q);

  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(route.query);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    navigate(`${route.path}?${next.toString()}`);
  };

  const list = useApi<Page<EvaluationSummary>>(`/api/evaluations${query({ year, status, kind, q, sort, page, pageSize: 20 })}${reloadKey ? `&_=${reloadKey}` : ''}`);

  const columns = useMemo<ColumnsType<EvaluationSummary>>(() => {
    const cols: ColumnsType<EvaluationSummary> = [
      {
        title: '单位 / 项目',
        key: 'title',
        width: reviewer ? 210 : 300,
        render: (_, r) => (
          <a href={href(`${linkBase}${r.id}`)}>
            {r.title || r.unitName}
            {r.title && r.title !== r.unitName ? <div style={{ color: '#888', fontSize: 12 }}>{r.unitName}</div> : null}
          </a>
        ),
      },
      { title: '类型', dataIndex: 'kind', width: reviewer ? 76 : 90, render: (k: EvaluationSummary['kind']) => KIND_NAMES[k] ?? k },
      { title: '主管部门', dataIndex: 'departmentName', width: reviewer ? 110 : 140, responsive: ['lg'] },
      {
        title: '状态',
        dataIndex: 'status',
        width: reviewer ? 110 : 120,
        render: (s: Status) => <Tag color={STATUS_COLORS[s]}>{STATUS_NAMES[s] ?? s}</Tag>,
      },
      { title: '自评得分', dataIndex: 'selfScore', width: reviewer ? 80 : 90, align: 'right', render: (v: string | null) => fmt(v) },
      {
        title: '系统计算',
        dataIndex: 'computedScore',
        width: reviewer ? 80 : 90,
        align: 'right',
        render: (v: string | null, r) => (
          <span style={{ color: v !== null && r.selfScore !== null && Number(v) !== Number(r.selfScore) ? '#cf1322' : undefined }}>{fmt(v)}</span>
        ),
      },
      { title: '等级', dataIndex: 'grade', width: reviewer ? 64 : 70, render: (v: string | null, r: EvaluationSummary) => <GradeText grade={v} ungradableReason={r.ungradableReason} /> },
    ];
    if (reviewer) {
      cols.push(
        { title: '审核得分', dataIndex: 'reviewScore', width: 76, align: 'right', render: (v: string | null) => fmt(v) },
        {
          title: '审查发现',
          key: 'findings',
          width: 90,
          render: (_, r) => (
            <Space size={4}>
              <Tooltip title="错误">
                <Badge count={r.errors} showZero color={r.errors ? '#cf1322' : '#d9d9d9'} />
              </Tooltip>
              <Tooltip title="提醒">
                <Badge count={r.warnings} showZero color={r.warnings ? '#d48806' : '#d9d9d9'} />
              </Tooltip>
            </Space>
          ),
        },
        {
          title: '自评质量',
          key: 'quality',
          width: 96,
          align: 'right',
          sorter: true,
          sortOrder: sort === 'quality' ? 'ascend' : sort === '-quality' ? 'descend' : null,
          render: (_, r) => <QualityCell confirmed={r.qualityScore} computed={r.qualityComputed ?? null} />,
        },
        { title: '抽中', dataIndex: 'sampled', width: 56, render: (v: boolean) => (v ? <Tag color="purple">抽评</Tag> : null) },
      );
    }
    cols.push({ title: '更新时间', dataIndex: 'updatedAt', width: 160, responsive: reviewer ? ['xxl'] : ['xl'], render: (v: string) => (v ? new Date(v).toLocaleString('zh-CN') : '') });
    if (extraActions) cols.push({ title: '操作', key: 'actions', width: 120, render: (_, r) => extraActions(r) });
    return cols;
  }, [linkBase, reviewer, extraActions, sort]);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          value={status || undefined}
          options={STATUS_OPTIONS}
          onChange={(v) => setParam('status', v ?? (defaultStatus ? 'all' : ''))}
          style={{ width: 150 }}
        />
        <Select
          aria-label="类型"
          placeholder="全部类型"
          allowClear
          value={kind || undefined}
          options={KIND_OPTIONS}
          onChange={(v) => setParam('kind', v ?? '')}
          style={{ width: 130 }}
        />
        <Input.Search
          aria-label="搜索单位或项目"
          placeholder="搜索单位或项目"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParam('q', v.trim())}
          style={{ width: 240 }}
          allowClear
        />
        <Button onClick={list.reload}>刷新</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<EvaluationSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={list.loading ? '加载中…' : `${year} 年度没有符合条件的自评`} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p) => setParam('page', String(p)),
          showSizeChanger: false,
        }}
        onChange={(_p, _f, sorter) => {
          // Sorting is the server's (exact numeric order over every page); pagination has its own handler.
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = s?.columnKey === 'quality' && s.order ? (s.order === 'ascend' ? 'quality' : '-quality') : '';
          if (next !== sort) setParam('sort', next);
        }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`${linkBase}${r.id}`) })}
        {...(selection ? { rowSelection: { selectedRowKeys: selection.keys, onChange: (keys: React.Key[], rows: EvaluationSummary[]) => selection.onChange(keys as Array<string | number>, rows) } } : {})}
        scroll={{ x: reviewer ? 1060 : 960 }}
      />
    </>
  );
}

/** 自评质量 as the reviewer sees it: the finance bureau's confirmed score, or the computed one tagged 未确认. */
function QualityCell({ confirmed, computed }: { confirmed: string | null; computed: string | null }) {
  if (confirmed !== null) return <span data-testid="quality-confirmed">{fmt(confirmed)}</span>;
  if (computed === null) return <>—</>;
  return (
    <Tooltip title="系统按评分细则计算，财政局尚未确认">
      <span data-testid="quality-unconfirmed" style={{ color: '#595959' }}>
        {fmt(computed)}
        <Tag color="default" style={{ display: 'block', width: 'fit-content', marginInlineStart: 'auto', marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 3 }}>
          未确认
        </Tag>
      </span>
    </Tooltip>
  );
}
