/** Columns of a project list (unit's list, finance bureau's list, a department's projects). */
import { Badge, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { KIND_NAMES, PROGRESS_COLORS, type ProjectSummary } from '../api/types.js';
import { href } from '../app/router.js';
import { differentDec, fmt, fmtMoney, fmtRate } from '../lib/format.js';

export interface ProjectColumnOptions {
  /** Where a row links to (its evaluation), or null when it has none yet. */
  linkFor(row: ProjectSummary): string | null;
  showUnit?: boolean;
  showDepartment?: boolean;
  /** Server-side sorting (the finance list): the column keys it may sort by. */
  sortable?: boolean;
  sort?: string;
  /** Shown after the name (e.g. a button to start the project's self-evaluation). */
  nameExtra?: (row: ProjectSummary) => React.ReactNode;
}

export function FindingBadges({ errors, warnings }: { errors: number; warnings: number }) {
  return (
    <Space size={4}>
      <Tooltip title="错误">
        <Badge count={errors} showZero color={errors ? '#cf1322' : '#d9d9d9'} />
      </Tooltip>
      <Tooltip title="提醒">
        <Badge count={warnings} showZero color={warnings ? '#d48806' : '#d9d9d9'} />
      </Tooltip>
    </Space>
  );
}

const amount = (r: ProjectSummary) => r.adjustedBudget ?? r.initialBudget;

export function projectColumns(o: ProjectColumnOptions): ColumnsType<ProjectSummary> {
  const sorted = (key: string) => (o.sortable ? { sorter: true, sortOrder: o.sort === key ? ('descend' as const) : null, sortDirections: ['descend' as const] } : {});
  const cols: ColumnsType<ProjectSummary> = [
    { title: '项目编码', dataIndex: 'code', key: 'code', width: 112, ellipsis: true, ...(o.sortable ? { sorter: true, sortOrder: o.sort === 'code' || !o.sort ? ('ascend' as const) : null, sortDirections: ['ascend' as const] } : {}) },
    {
      title: '项目名称',
      key: 'name',
      width: 190,
      render: (_, r) => {
        const to = o.linkFor(r);
        return (
          <div>
            {to ? <a href={href(to)}>{r.name}</a> : r.name}
            {r.status === 'removed' && <Tag style={{ marginLeft: 4 }}>已不在清单</Tag>}
            {o.nameExtra?.(r)}
            {o.showUnit && <div style={{ color: '#888', fontSize: 12 }}>{r.unitName}</div>}
          </div>
        );
      },
    },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 76, render: (k: ProjectSummary['kind']) => KIND_NAMES[k] ?? k },
  ];
  if (o.showDepartment) cols.push({ title: '主管部门', dataIndex: 'departmentName', key: 'department', width: 130, ellipsis: true, responsive: ['xxl'] });
  cols.push(
    { title: '进度', dataIndex: 'progress', key: 'progress', width: 112, render: (p: ProjectSummary['progress'], r) => <Tag color={PROGRESS_COLORS[p]} data-testid="progress">{r.progressLabel}</Tag> },
    { title: '预算数（万元）', key: 'amount', width: 124, align: 'right', render: (_, r) => fmtMoney(amount(r)), ...sorted('amount') },
    { title: '执行数', dataIndex: 'executed', key: 'executed', width: 88, align: 'right', render: (v: string | null) => fmtMoney(v) },
    { title: '执行率', dataIndex: 'executionRate', key: 'rate', width: 76, align: 'right', render: (v: string | null) => fmtRate(v) },
    { title: '自评得分', dataIndex: 'selfScore', key: 'self', width: 76, align: 'right', render: (v: string | null) => fmt(v) },
    {
      title: '系统计算',
      dataIndex: 'computedScore',
      key: 'score',
      width: 88,
      align: 'right',
      render: (v: string | null, r) => <span style={{ color: differentDec(v, r.selfScore) ? '#cf1322' : undefined }}>{fmt(v)}</span>,
      ...sorted('score'),
    },
    { title: '等级', dataIndex: 'grade', key: 'grade', width: 56, render: (v: string | null) => v ?? '—' },
    { title: '审查发现', key: 'errors', width: 92, render: (_, r) => <FindingBadges errors={r.errors} warnings={r.warnings} />, ...sorted('errors') },
  );
  return cols;
}

/** The sum of the widths of the columns always shown (for the table's horizontal scroll); columns shown only on wide screens have room there. */
export function columnsWidth(cols: ColumnsType<ProjectSummary>): number {
  return cols.reduce((n, c) => n + (typeof c.width === 'number' && !c.responsive ? c.width : 0), 0);
}
