/**
 * One target tree: filing (the tree, its checklist and validation live), the review steps
 * (申报 → 主管部门 → 财政局), adjustments with a reason (every version kept), 生成自评 and the
 * monitoring returns of the year's periods. `/targets/new` files a new one.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, Collapse, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { targetLeaves, type EvaluationKind, type TargetTreeInput } from '@jixiao/core';
import { level1Template as profileLevel1 } from '../lib/live-score.js';
import { ApiError, errorText, query, request } from '../api/client.js';
import type { TargetDetail } from '../api/plan-types.js';
import { KIND_NAMES } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { Loading } from '../components/Loading.js';
import { QualityChecklist } from '../components/QualityChecklist.js';
import { TargetTreeTable, starterTree } from '../components/TargetTreeTable.js';
import { checkTree } from '../lib/target-checks.js';
import { useApi } from '../lib/use-api.js';
import { TARGET_COLORS } from './TargetsPage.js';

const ACTION_LABELS = { submit: '申报', withdraw: '撤回', approve: '审核通过', return: '退回' } as const;

/** Ask for an opinion (required for 退回) and run the step. */
function useStep(onDone: () => void) {
  const { message, modal } = AntApp.useApp();
  return (label: string, required: boolean, run: (opinion: string) => Promise<unknown>) => {
    let opinion = '';
    modal.confirm({
      title: label,
      content: <Input.TextArea aria-label="审核意见" rows={3} placeholder={required ? '请填写意见（必填）' : '意见（可不填）'} onChange={(e) => (opinion = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if (required && !opinion.trim()) {
          message.error('退回时必须填写意见');
          throw new Error('opinion required');
        }
        try {
          await run(opinion);
          message.success(`${label}：已办理`);
          onDone();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  };
}

function NewTargetHeader({ kind, setKind, projectId, setProjectId, year }: { kind: EvaluationKind; setKind(k: EvaluationKind): void; projectId: number | null; setProjectId(p: number | null): void; year: number }) {
  const user = useUser();
  const projects = useApi<{ items: Array<{ id: number; code: string; name: string; kind: string }> }>(kind === 'department' || !user.unitId ? null : `/api/projects${query({ year, unitId: user.unitId, kind, pageSize: 200 })}`);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <span>目标类型</span>
      <Select aria-label="目标类型" value={kind} onChange={(k) => { setKind(k); setProjectId(null); }} style={{ width: 160 }} options={(['department', 'project', 'transfer'] as const).map((k) => ({ value: k, label: KIND_NAMES[k] }))} />
      {kind !== 'department' && (
        <Select aria-label="项目" placeholder="选择项目" value={projectId ?? undefined} onChange={setProjectId} style={{ width: 360 }} loading={projects.loading} options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} />
      )}
    </Space>
  );
}

export default function TargetDetailPage({ params }: { params: Record<string, string> }) {
  const isNew = params.id === 'new';
  const { year } = useSession();
  const user = useUser();
  const { message } = AntApp.useApp();
  const loaded = useApi<TargetDetail>(isNew ? null : `/api/targets/${params.id}`);
  const t = loaded.data;
  const [kind, setKind] = useState<EvaluationKind>('department');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [tree, setTree] = useState<TargetTreeInput | null>(null);
  const [adjusting, setAdjusting] = useState<{ reason: string } | null>(null);
  const [serverIssues, setServerIssues] = useState<ApiError['issues']>([]);
  const [busy, setBusy] = useState(false);
  const step = useStep(() => loaded.reload());
  const profileId = t?.profile.id ?? 'national';

  useEffect(() => {
    if (isNew && !tree) setTree(starterTree(profileLevel1Of(profileId, kind)));
    if (t) {
      setTree(structuredClone(t.tree));
      setName(t.name);
    }
  }, [isNew, t]); // eslint-disable-line react-hooks/exhaustive-deps

  const editing = isNew || !!t?.canEdit || !!adjusting;
  const checks = useMemo(() => (tree ? checkTree(tree, t?.kind ?? kind, profileId) : null), [tree, t?.kind, kind, profileId]);
  if (!isNew && loaded.error) return <Result status="error" title="无法打开这份绩效目标" subTitle={loaded.error} />;
  if (!tree || (!isNew && !t)) return <Loading />;
  const issues = [...(checks?.issues ?? []), ...serverIssues];
  const changed = new Set(t && adjusting ? diffIds(t.tree, tree) : []);

  const save = async () => {
    setBusy(true);
    setServerIssues([]);
    try {
      if (isNew) {
        const created = await request<TargetDetail>('/api/targets', { body: { fiscalYear: year, kind, projectId: projectId ?? undefined, name: name || undefined, tree } });
        message.success('已保存草稿');
        navigate(`/targets/${created.id}`, true);
      } else if (adjusting) {
        await request(`/api/targets/${t!.id}/adjustments`, { body: { reason: adjusting.reason, tree } });
        message.success('调整申请已提交，待主管部门和财政局审核');
        setAdjusting(null);
        loaded.reload();
      } else {
        await request(`/api/targets/${t!.id}`, { method: 'PUT', body: { version: t!.version, name, tree } });
        message.success('已保存草稿');
        loaded.reload();
      }
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setServerIssues(e.issues);
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const act = (a: keyof typeof ACTION_LABELS) => {
    if (!t) return;
    if (a === 'submit' && !t.canEdit) return step(ACTION_LABELS[a], false, () => request(`/api/targets/${t.id}/actions/${a}`, { body: { version: t.version } }));
    step(ACTION_LABELS[a], a === 'return', (opinion) => request(`/api/targets/${t.id}/actions/${a}`, { body: { version: t.version, opinion } }));
  };
  const generate = async () => {
    try {
      const r = await request<{ evaluationId: number }>(`/api/targets/${t!.id}/evaluation`, { body: {} });
      message.success('已按批复的绩效目标生成自评');
      navigate(`/evaluations/${r.evaluationId}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>{isNew ? '申报绩效目标' : t!.name}</Typography.Title>
      {t && (
        <Space size={8} wrap style={{ marginBottom: 12 }}>
          <Tag color={TARGET_COLORS[t.status]} data-testid="target-status">{t.statusLabel}</Tag>
          <Tag>{KIND_NAMES[t.kind]}</Tag>
          <Typography.Text type="secondary">{t.unitName} · {t.fiscalYear} 年度 · {t.approvedVersion ? `批复第 ${t.approvedVersion} 版` : '尚未批复'}</Typography.Text>
        </Space>
      )}
      {t?.review?.opinions?.length ? (
        <Alert style={{ marginBottom: 12 }} type={t.status === 'returned' ? 'error' : 'info'} showIcon title={`审核意见（${t.review.opinions.at(-1)!.by}）`} description={t.review.opinions.at(-1)!.opinion} />
      ) : null}
      {isNew && <NewTargetHeader kind={kind} setKind={(k) => { setKind(k); setTree(starterTree(profileLevel1Of(profileId, k))); }} projectId={projectId} setProjectId={setProjectId} year={year} />}
      {editing && !adjusting && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Input aria-label="目标名称" placeholder="目标名称（可不填，默认按单位和年度命名）" value={name} onChange={(e) => setName(e.target.value)} />
        </Space>
      )}
      {adjusting && (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon title="目标调整：修改下表中需要调整的指标，并说明理由" description={<Input.TextArea aria-label="调整理由" rows={2} value={adjusting.reason} onChange={(e) => setAdjusting({ reason: e.target.value })} placeholder="调整理由（必填），如：年中追加或压减预算、政策变化等" />} />
      )}
      <Card size="small" title="年度总体目标" style={{ marginBottom: 12 }}>
        {editing ? (
          <Input.TextArea aria-label="年度总体目标" rows={2} value={tree.goal ?? ''} onChange={(e) => setTree({ ...tree, goal: e.target.value })} />
        ) : (
          <Typography.Paragraph>{tree.goal || '—'}</Typography.Paragraph>
        )}
        <Checkbox checked={tree.hasServiceUsers !== false} disabled={!editing} onChange={(e) => setTree({ ...tree, hasServiceUsers: e.target.checked })}>
          有服务对象（应设置满意度指标）
        </Checkbox>
      </Card>
      <TargetTreeTable tree={tree} onChange={editing ? setTree : undefined} issues={issues} changed={changed} />
      <Card size="small" title="目标质量检查" style={{ marginTop: 12 }}>
        <QualityChecklist checks={checks?.checklist ?? []} />
      </Card>
      <Space style={{ marginTop: 12 }} wrap>
        {editing && <Button onClick={() => void save()} loading={busy} type={adjusting ? 'primary' : 'default'}>{adjusting ? '提交调整申请' : '保存草稿'}</Button>}
        {adjusting && <Button onClick={() => { setAdjusting(null); setTree(structuredClone(t!.tree)); }}>取消调整</Button>}
        {t && !adjusting && t.allowedActions.map((a) => (
          <Button key={a} type={a === 'approve' || a === 'submit' ? 'primary' : 'default'} danger={a === 'return'} onClick={() => act(a)}>{ACTION_LABELS[a]}</Button>
        ))}
        {t?.canAdjust && !adjusting && <Button onClick={() => setAdjusting({ reason: '' })}>申请目标调整</Button>}
        {t?.canGenerate && <Button type="primary" onClick={() => void generate()}>生成自评</Button>}
        {t?.evaluationId && <Button onClick={() => navigate(`/evaluations/${t.evaluationId}`)}>打开自评</Button>}
      </Space>
      {t && <TargetHistory t={t} onDone={() => loaded.reload()} user={user.role} />}
    </div>
  );
}

function profileLevel1Of(profileId: string, kind: EvaluationKind) {
  try {
    return profileLevel1(profileId, kind);
  } catch {
    return [];
  }
}

/** Leaf ids whose row differs between two trees (an adjustment's changes). */
function diffIds(a: TargetTreeInput, b: TargetTreeInput): string[] {
  const key = (x: TargetTreeInput) => new Map(targetLeaves(x as never).map((e) => [e.leaf.id, JSON.stringify(e.leaf)]));
  const before = key(a);
  return [...key(b)].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
}

function TargetHistory({ t, onDone }: { t: TargetDetail; onDone(): void; user: string }) {
  const step = useStep(onDone);
  const startMonitoring = async (endMonth: number) => {
    const entries = targetLeaves(t.tree as never).map((e) => ({ indicatorId: e.leaf.id, name: e.leaf.name }));
    const r = await request<{ id: number }>(`/api/targets/${t.id}/monitoring`, { body: { periodEndMonth: endMonth, entries } });
    navigate(`/monitoring/${r.id}`);
  };
  const { message } = AntApp.useApp();
  return (
    <Collapse
      style={{ marginTop: 16 }}
      defaultActiveKey={['adjustments', 'monitoring']}
      items={[
        {
          key: 'adjustments',
          label: `目标调整（${t.adjustments.length}）`,
          children: (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={t.adjustments}
              locale={{ emptyText: '没有调整申请' }}
              columns={[
                { title: '理由', dataIndex: 'reason' },
                { title: '调整内容', key: 'c', render: (_, a) => a.changes.map((c) => <div key={`${c.id}.${c.field}`}>{c.label}：{c.from ?? '（无）'} → {c.to ?? '（删除）'}</div>) },
                { title: '状态', key: 's', width: 150, render: (_, a) => <Tag data-testid="adjustment-status">{({ pending: '待主管部门审核', department_approved: '待财政批准', approved: '已批准', returned: '已退回' } as const)[a.status]}</Tag> },
                {
                  title: '办理',
                  key: 'a',
                  width: 170,
                  render: (_, a) =>
                    a.allowedActions.map((x) => (
                      <Button key={x} size="small" type="link" danger={x === 'return'} onClick={() => step(x === 'approve' ? '批准调整' : '退回调整', x === 'return', (opinion) => request(`/api/targets/${t.id}/adjustments/${a.id}/actions/${x}`, { body: { opinion } }))}>
                        {x === 'approve' ? '审核通过' : '退回'}
                      </Button>
                    )),
                },
              ]}
            />
          ),
        },
        {
          key: 'versions',
          label: `批复版本（${t.versions.length}）`,
          children: t.versions.map((v) => (
            <Card key={v.versionNo} size="small" style={{ marginBottom: 8 }} title={`第 ${v.versionNo} 版 · ${v.kind === 'initial' ? '随预算批复' : `调整：${v.reason ?? ''}`}`}>
              <TargetTreeTable tree={v.tree} />
            </Card>
          )),
        },
        {
          key: 'monitoring',
          label: `运行监控（${t.monitoring.length}）`,
          children: (
            <Space direction="vertical">
              {t.monitoring.map((m) => (
                <a key={m.id} onClick={() => navigate(`/monitoring/${m.id}`)}>1–{m.periodEndMonth}月 监控表 · {m.redCount ? `${m.redCount} 个红灯` : '无红灯'}</a>
              ))}
              {t.status === 'approved' &&
                t.monitoringPeriods
                  .filter((p) => !t.monitoring.some((m) => m.periodEndMonth === p.endMonth))
                  .map((p) => (
                    <Button key={p.endMonth} onClick={() => void startMonitoring(p.endMonth).catch((e) => message.error(errorText(e)))}>
                      填报 1–{p.endMonth}月 运行监控（{p.opensOn} 至 {p.dueOn}）
                    </Button>
                  ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
