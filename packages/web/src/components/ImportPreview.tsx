/** The preview of a project-list import: what is new, changed, unchanged and gone, row by row. */
import { Alert, Button, Card, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { KIND_NAMES, STATUS_NAMES, type ProjectImport, type ProjectImportRow } from '../api/types.js';
import { fmtMoney } from '../lib/format.js';

const CHANGE_TAGS: Record<ProjectImportRow['change'], { color: string; label: string }> = {
  new: { color: 'green', label: '新增' },
  changed: { color: 'orange', label: '变更' },
  unchanged: { color: 'default', label: '不变' },
};

const FIELD_LABELS: Record<string, string> = {
  name: '项目名称',
  category: '项目类别',
  issuing_department: '主管部门',
  manager: '项目负责人',
  phone: '联系电话',
  initial_budget: '年初预算数',
  adjusted_budget: '全年预算数',
  sources: '资金来源',
  status: '状态',
};

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '空' : typeof v === 'object' ? '（明细）' : v === 'removed' ? '不在清单' : v === 'active' ? '在清单' : String(v));

function Changes({ row }: { row: ProjectImportRow }) {
  const entries = Object.entries(row.changes);
  if (row.change !== 'changed' || entries.length === 0) return null;
  return (
    <span style={{ fontSize: 12 }}>
      {entries.map(([k, c]) => (
        <div key={k}>
          {FIELD_LABELS[k] ?? k}：{show(c.before)} → <b>{show(c.after)}</b>
        </div>
      ))}
    </span>
  );
}

export function ImportPreview({ preview, busy, onCommit, onCancel }: { preview: ProjectImport; busy: boolean; onCommit(): void; onCancel(): void }) {
  const [filter, setFilter] = useState<'all' | ProjectImportRow['change']>(preview.counts.new + preview.counts.changed > 0 ? 'all' : 'unchanged');
  const c = preview.counts;
  const nothing = c.new === 0 && c.changed === 0 && c.gone === 0;
  const rows = preview.rows.filter((r) => filter === 'all' || r.change === filter);
  return (
    <Card data-testid="import-preview">
      <Typography.Paragraph>
        {preview.fileName} · {preview.fiscalYear} 年度 · 范围：{preview.scope.name}
        {preview.createEvaluations ? ' · 为新项目建立自评草稿' : ''}
      </Typography.Paragraph>
      <Space size={32} style={{ marginBottom: 12, display: 'flex' }}>
        <Statistic title="清单行数" value={c.rows} />
        <Statistic title="新增" value={c.new} styles={{ content: { color: c.new ? '#389e0d' : undefined } }} data-testid="count-new" />
        <Statistic title="变更" value={c.changed} styles={{ content: { color: c.changed ? '#d46b08' : undefined } }} data-testid="count-changed" />
        <Statistic title="不变" value={c.unchanged} data-testid="count-unchanged" />
        <Statistic title="不在清单" value={c.gone} styles={{ content: { color: c.gone ? '#cf1322' : undefined } }} data-testid="count-gone" />
      </Space>
      {nothing && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="与已导入的项目完全一致，确认导入不会改变任何内容。" />}
      <Segmented
        style={{ marginBottom: 8, display: 'flex', width: 'fit-content' }}
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          { value: 'all', label: `全部 ${c.rows}` },
          { value: 'new', label: `新增 ${c.new}` },
          { value: 'changed', label: `变更 ${c.changed}` },
          { value: 'unchanged', label: `不变 ${c.unchanged}` },
        ]}
      />
      <Table<ProjectImportRow>
        size="small"
        rowKey="line"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 960 }}
        columns={[
          { title: '行号', dataIndex: 'line', width: 64 },
          { title: '变化', dataIndex: 'change', width: 70, render: (v: ProjectImportRow['change']) => <Tag color={CHANGE_TAGS[v].color}>{CHANGE_TAGS[v].label}</Tag> },
          { title: '项目编码', dataIndex: 'code', width: 120 },
          { title: '项目名称', dataIndex: 'name', width: 200 },
          { title: '单位', dataIndex: 'unitName', width: 150 },
          { title: '类型', dataIndex: 'kind', width: 84, render: (k: ProjectImportRow['kind']) => KIND_NAMES[k] ?? k },
          { title: '年初预算数', dataIndex: 'initialBudget', width: 100, align: 'right', render: (v: string | null) => fmtMoney(v) },
          { title: '全年预算数', dataIndex: 'adjustedBudget', width: 100, align: 'right', render: (v: string | null) => fmtMoney(v) },
          { title: '变更内容', key: 'changes', width: 220, render: (_, r) => <Changes row={r} /> },
        ]}
      />
      {preview.gone.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            清单中已没有的项目（导入后标记为“不在清单”，已填的自评保留）
          </Typography.Title>
          <Table
            size="small"
            rowKey="projectId"
            dataSource={preview.gone}
            pagination={false}
            columns={[
              { title: '项目编码', dataIndex: 'code', width: 120 },
              { title: '项目名称', dataIndex: 'name' },
              { title: '单位', dataIndex: 'unitName', width: 180 },
              { title: '自评状态', dataIndex: 'evaluationStatus', width: 140, render: (s: keyof typeof STATUS_NAMES | null) => (s ? STATUS_NAMES[s] : '无') },
            ]}
          />
        </>
      )}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={busy} onClick={onCommit}>
          确认导入
        </Button>
        <Button onClick={onCancel}>重新上传</Button>
      </Space>
    </Card>
  );
}
