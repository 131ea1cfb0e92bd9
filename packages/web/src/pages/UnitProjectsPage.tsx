/**
 * 单位项目: a unit's whole project list for the year with each self-evaluation's progress,
 * amounts, execution, scores and findings; several selected → submitted at once (per-item
 * results); the year's list imported from the budget system; the unit's workbook exported.
 */
import { Alert, App as AntApp, Button, Empty, Input, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { download, errorText, request } from '../api/client.js';
import type { BatchResult, EvaluationDetail, Progress, ProjectSummary, UnitProjects } from '../api/types.js';
import { navigate, useRoute } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { BatchResultModal } from '../components/BatchResultModal.js';
import { columnsWidth, projectColumns } from '../components/project-columns.js';
import { ProjectSummaryBar } from '../components/ProjectSummaryBar.js';
import { useApi } from '../lib/use-api.js';

/** A draft or returned evaluation: the head could submit it. */
const isOpen = (r: ProjectSummary) => r.evaluationId !== null && (r.evaluationStatus === 'draft' || r.evaluationStatus === 'returned');
/** An open evaluation with findings its profile says must be dealt with first (empty tables, weights that do not add up …). */
const blocked = (r: ProjectSummary) => isOpen(r) && (r.blocking ?? 0) > 0;
/** Only open evaluations with nothing blocking can be ticked for a batch submit (the server checks again). */
const submittable = (r: ProjectSummary) => isOpen(r) && !blocked(r);

const BLOCKED_WHY = '提交前必须处理的问题（如尚未填写绩效指标表或自评总分、分值合计不符、未达成的指标没有说明偏差原因），处理后才能提交；打开自评表可逐项查看并定位到对应栏目。';

/** The reason a row cannot be ticked, beside its name. */
function BlockedTag({ r }: { r: ProjectSummary }) {
  if (!blocked(r)) return null;
  return (
    <Tooltip title={`有 ${r.blocking} 个${BLOCKED_WHY}`}>
      <Tag color="orange" style={{ marginLeft: 4 }} data-testid="blocked">
        须先处理 {r.blocking} 个问题
      </Tag>
    </Tooltip>
  );
}

function useStartEvaluation() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const start = async (r: ProjectSummary) => {
    setBusy(String(r.id));
    try {
      const d = await request<EvaluationDetail>(`/api/projects/${r.id}/evaluation`, { method: 'POST', body: {} });
      navigate(`/evaluations/${d.id}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return { start, busy };
}

function useBatchSubmit(items: ProjectSummary[], reload: () => void) {
  const { message, modal } = AntApp.useApp();
  const [result, setResult] = useState<BatchResult | null>(null);
  const submit = (selected: ProjectSummary[]) => {
    const withErrors = selected.filter((r) => r.errors > 0).length;
    modal.confirm({
      title: `提交 ${selected.length} 个项目的自评`,
      content: withErrors ? `其中 ${withErrors} 个项目系统审查仍有错误，提交后审核人会看到这些问题。确定提交吗？` : '提交后将不能修改，确定提交吗？',
      okText: '提交',
      cancelText: '取消',
      onOk: async () => {
        try {
          const body = { items: selected.map((r) => ({ id: r.evaluationId, version: r.evaluationVersion })) };
          setResult(await request<BatchResult>('/api/evaluations/batch/submit', { body }));
          reload();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  };
  const names = useMemo(() => new Map(items.filter((r) => r.evaluationId !== null).map((r) => [String(r.evaluationId), `${r.code} ${r.name}`])), [items]);
  return { submit, result, names, close: () => setResult(null) };
}

export default function UnitProjectsPage() {
  const user = useUser();
  const route = useRoute();
  const { year } = useSession();
  const { message } = AntApp.useApp();
  const unitId = route.query.get('unitId') ?? user.unitId;
  const list = useApi<UnitProjects>(unitId ? `/api/units/${unitId}/projects?year=${year}` : null);
  const [selected, setSelected] = useState<React.Key[]>([]);
  const [progress, setProgress] = useState<Progress | ''>('');
  const [q, setQ] = useState('');
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const { start, busy } = useStartEvaluation();
  const batch = useBatchSubmit(items, () => {
    setSelected([]);
    list.reload();
  });

  const shown = useMemo(() => items.filter((r) => (!progress || r.progress === progress) && (!q || `${r.code} ${r.name}`.includes(q))), [items, progress, q]);
  const columns = useMemo(
    () =>
      projectColumns({
        linkFor: (r) => (r.evaluationId ? `/evaluations/${r.evaluationId}` : null),
        nameExtra: (r) =>
          !r.evaluationId && r.status === 'active' ? (
            <Button size="small" type="link" loading={busy === String(r.id)} onClick={() => void start(r)} style={{ paddingInline: 4 }}>
              开始填报
            </Button>
          ) : (
            <BlockedTag r={r} />
          ),
      }),
    [busy, start],
  );

  if (!unitId) return <Result status="info" title="单位项目清单供单位填报人和负责人使用" subTitle="主管部门和财政局请在“项目自评”中查看所有项目。" extra={<Button onClick={() => navigate('/projects')}>前往项目自评</Button>} />;

  const chosen = items.filter((r) => selected.includes(r.id));
  const blockedCount = items.filter(blocked).length;
  const exportBook = () =>
    void download(`/api/units/${unitId}/projects/export?year=${year}&format=xlsx`, `${list.data?.unit.name ?? '单位'}${year}年度项目自评表.xlsx`).catch((e) => message.error(errorText(e)));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          单位项目
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
            {list.data?.unit.name ?? user.unitName} · {year} 年度项目支出和转移支付自评
          </Typography.Text>
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => navigate('/projects/import')}>导入项目清单</Button>
          <Button onClick={exportBook} disabled={items.length === 0}>
            导出项目自评表（.xlsx）
          </Button>
          {user.role === 'unit_head' && (
            <Button type="primary" disabled={chosen.length === 0} onClick={() => batch.submit(chosen)}>
              批量提交{chosen.length ? `（${chosen.length}）` : ''}
            </Button>
          )}
        </Space>
      </Space>
      {user.role === 'unit_filler' && <Alert type="info" showIcon style={{ margin: '8px 0' }} title="填写完成并保存后，由单位负责人勾选项目批量提交审核。" />}
      {list.error && <Alert type="error" showIcon title={list.error} style={{ margin: '8px 0' }} />}
      {list.data && <ProjectSummaryBar summary={list.data.summary} progress={progress} onProgress={setProgress} />}
      {blockedCount > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="blocked-notice" title={`${blockedCount} 个项目还有${BLOCKED_WHY}${user.role === 'unit_head' ? '这些项目暂不能勾选批量提交。' : ''}`} />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Input.Search aria-label="按编码或名称查找" placeholder="按编码或名称查找" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />
        <Button onClick={list.reload}>刷新</Button>
      </Space>
      <Table<ProjectSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={shown}
        rowSelection={user.role === 'unit_head' ? { selectedRowKeys: selected, onChange: setSelected, getCheckboxProps: (r) => ({ disabled: !submittable(r), 'aria-label': `选择 ${r.name}`, title: blocked(r) ? `须先处理 ${r.blocking} 个问题才能提交` : undefined }) } : undefined}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` } : false}
        scroll={{ x: columnsWidth(columns) + 32 }}
        locale={{ emptyText: <Empty description={list.loading ? '加载中…' : `${year} 年度还没有项目。请先导入预算系统导出的项目清单。`} /> }}
      />
      <BatchResultModal result={batch.result} names={batch.names} onClose={batch.close} />
    </>
  );
}
