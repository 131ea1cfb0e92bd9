/**
 * The unit filler's page: the self-evaluation as paper tables, live score and findings,
 * draft save with optimistic versioning (409 → keep edits, merge or reload), local backup,
 * submit, review opinion, history, export.
 */
import { Alert, App as AntApp, Button, Col, Dropdown, Modal, Result, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Evaluation, FundSource } from '@jixiao/core';
import { ApiError, download, errorText, request } from '../api/client.js';
import { KIND_NAMES, STATUS_COLORS, STATUS_NAMES, type Action, type EvaluationDetail, type FindingJson } from '../api/types.js';
import { Loading } from '../components/Loading.js';
import { navigate } from '../app/router.js';
import { useUser } from '../app/session.js';
import { EvaluationForm } from '../components/EvaluationForm.js';
import { FindingsPanel, ScoreSummary } from '../components/FindingsPanel.js';
import { HistoryDrawer } from '../components/HistoryDrawer.js';
import { jumpToPath } from '../components/findings.js';
import { scoreLive, level1Template, type LiveResult } from '../lib/live-score.js';
import { backupDiscarded, clearLocalDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from '../lib/local-draft.js';
import { mergeThreeWay, setIn } from '../lib/paths.js';
import { useDebounced } from '../lib/use-debounced.js';
import { fmtTime } from '../lib/format.js';

const EDITABLE = new Set(['draft', 'returned']);

const emptyIndicator = () => ({
  id: null, name: '', target: null, initialTarget: null, sign: null, unitOfMeasure: null, actual: null, qualitativeLevel: null,
  weight: null, selfScore: null, reviewerScore: null, deviationReason: null, core: false, notApplicable: false,
});

const emptyBaseData = (): NonNullable<Evaluation['baseData']> => {
  const y = () => ({ priorActual: null, budget: null, actual: null });
  return {
    staffing: { authorized: null, actual: null, statedControlRate: null },
    threePublic: { total: y(), overseas: y(), vehicles: y(), vehiclePurchase: y(), vehicleOperation: y(), reception: y() },
    project: y(), projectLines: [], operating: y(), operatingLines: [], procurement: { budget: null, actual: null },
    basicBudgetAdjustment: null, carryOverBalance: null, fixedAssets: { total: null, inUse: null }, buildings: [],
    savingsMeasures: null, signatures: { filler: null, head: null, date: null, phone: null },
  };
};

const ACTION_LABELS: Partial<Record<Action, string>> = { submit: '提交审核', withdraw: '撤回' };

export default function EvaluationEditorPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const user = useUser();
  const { message, modal } = AntApp.useApp();
  const [detail, setDetail] = useState<EvaluationDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [doc, setDoc] = useState<Evaluation | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [live, setLive] = useState<LiveResult | null>(null);
  const [localDraft, setLocalDraft] = useState<LocalDraft | null>(null);
  const [conflict, setConflict] = useState<{ current: number | null } | null>(null);
  const [mergeNote, setMergeNote] = useState<string[] | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const base = useRef<{ version: number; evaluation: Evaluation } | null>(null);

  const load = useCallback(async (opts: { keepDoc?: boolean } = {}) => {
    try {
      const d = await request<EvaluationDetail>(`/api/evaluations/${id}`);
      setDetail(d);
      base.current = { version: d.version, evaluation: d.evaluation };
      if (!opts.keepDoc) {
        setDoc(d.evaluation);
        setDirty(false);
        const local = readLocalDraft(id);
        if (local && JSON.stringify(local.evaluation) !== JSON.stringify(d.evaluation)) setLocalDraft(local);
        else if (local) clearLocalDraft(id);
      }
      setLoadError(null);
      return d;
    } catch (e) {
      setLoadError(errorText(e));
      return null;
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const editable = !!detail && (detail.canEdit ?? (EDITABLE.has(detail.status) && (user.role === 'unit_filler' || user.role === 'unit_head')));

  const onField = useCallback((path: string, value: unknown) => {
    setDoc((d) => (d ? setIn(d, path, value) : d));
    setDirty(true);
  }, []);

  // Live score and audit, debounced.
  const debounced = useDebounced(doc, 300);
  // While a field does not parse, keep showing the last valid score and audit beside the input errors.
  const lastGood = useRef<LiveResult | null>(null);
  useEffect(() => {
    if (!debounced) return;
    const r = scoreLive(debounced);
    if (r.inputFindings.length === 0) lastGood.current = r;
    setLive(r);
  }, [debounced]);
  const scoring = doc !== debounced;

  // Keep unsaved edits in localStorage.
  const debouncedForStorage = useDebounced(doc, 600);
  useEffect(() => {
    if (!dirty || !debouncedForStorage || !base.current) return;
    writeLocalDraft(id, { baseVersion: base.current.version, evaluation: debouncedForStorage, savedAt: new Date().toISOString() });
  }, [debouncedForStorage, dirty, id]);

  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  const invalid = !!live && live.inputFindings.length > 0;
  const shown = invalid ? lastGood.current : live;
  const score = shown ? shown.score : (detail?.score ?? null);
  const findings: FindingJson[] = useMemo(() => {
    const audit = (shown ? shown.audit?.findings : detail?.audit?.findings) ?? [];
    return invalid ? [...live!.inputFindings, ...audit] : audit;
  }, [invalid, live, shown, detail]);

  const save = useCallback(async (): Promise<number | null> => {
    if (!doc || !base.current) return null;
    if (live && live.inputFindings.length) {
      message.error(`有 ${live.inputFindings.length} 处填写格式不正确，请先改正`);
      jumpToPath(live.inputFindings[0]!.location.path);
      return null;
    }
    setSaving(true);
    try {
      const r = await request<{ version: number }>(`/api/evaluations/${id}`, { method: 'PUT', body: { version: base.current.version, evaluation: doc } });
      base.current = { version: r.version, evaluation: doc };
      setDetail((d) => (d ? { ...d, version: r.version } : d));
      setDirty(false);
      setMergeNote(null);
      clearLocalDraft(id);
      message.success('草稿已保存');
      return r.version;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
        const cur = e.body as { version?: number; error?: { version?: number; currentVersion?: number } } | null;
        setConflict({ current: cur?.error?.currentVersion ?? cur?.version ?? cur?.error?.version ?? null });
      } else if (e instanceof ApiError && e.issues.length && e.issues[0]?.field) {
        message.error(e.message);
        jumpToPath(e.issues[0].field);
      } else {
        message.error(errorText(e));
      }
      return null;
    } finally {
      setSaving(false);
    }
  }, [doc, id, live, message]);

  // Ctrl+S saves.
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (editable && dirty) void save();
      }
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [editable, dirty, save]);

  const mergeWithLatest = async () => {
    if (!doc || !base.current) return;
    const mineBase = base.current.evaluation;
    const latest = await load({ keepDoc: true });
    if (!latest) return;
    const r = mergeThreeWay(mineBase, doc, latest.evaluation);
    setDoc(r.merged);
    setDirty(true);
    setConflict(null);
    setMergeNote(r.conflicts);
    message.info('已在最新版本上保留您的修改，请核对后再次保存');
  };

  const reloadLatest = async () => {
    if (doc) backupDiscarded(id, doc);
    clearLocalDraft(id);
    setConflict(null);
    await load();
    message.info('已载入最新版本；您放弃的修改已另存在本机浏览器中');
  };

  const act = async (action: Action) => {
    if (!detail) return;
    let version = base.current?.version ?? detail.version;
    if (dirty) {
      const v = await save();
      if (v === null) return;
      version = v;
    }
    const run = async () => {
      try {
        await request(`/api/evaluations/${id}/actions/${action}`, { body: { version } });
        message.success(action === 'submit' ? '已提交审核' : '操作成功');
        await load();
      } catch (e) {
        message.error(errorText(e));
      }
    };
    if (action === 'submit') {
      const errs = findings.filter((f) => f.severity === 'error').length;
      modal.confirm({
        title: '提交审核',
        content: errs ? `系统审查仍有 ${errs} 项错误，提交后审核人会看到这些问题。确定提交吗？` : '提交后将不能修改，确定提交吗？',
        okText: '提交',
        cancelText: '取消',
        onOk: run,
      });
    } else await run();
  };

  const ops = useMemo(
    () =>
      editable
        ? {
            addLevel1: () => {
              setDoc((d) => (d ? { ...d, indicators: [...d.indicators, { name: '', weight: null, selfScore: null, statedScoreRate: null, children: [] }] } : d));
              setDirty(true);
            },
            addLevel2: (l1: number) => {
              setDoc((d) => (d ? setIn(d, `indicators.${l1}.children`, [...d.indicators[l1]!.children, { name: '', weight: null, selfScore: null, children: [emptyIndicator()] }]) : d));
              setDirty(true);
            },
            addIndicator: (l1: number, l2: number) => {
              setDoc((d) => (d ? setIn(d, `indicators.${l1}.children.${l2}.children`, [...d.indicators[l1]!.children[l2]!.children, emptyIndicator()]) : d));
              setDirty(true);
            },
            removeIndicator: (l1: number, l2: number, i: number) => {
              setDoc((d) => (d ? setIn(d, `indicators.${l1}.children.${l2}.children`, d.indicators[l1]!.children[l2]!.children.filter((_, k) => k !== i)) : d));
              setDirty(true);
            },
            removeLevel2: (l1: number, l2: number) => {
              setDoc((d) => (d ? setIn(d, `indicators.${l1}.children`, d.indicators[l1]!.children.filter((_, k) => k !== l2)) : d));
              setDirty(true);
            },
            removeLevel1: (l1: number) => {
              setDoc((d) => (d ? { ...d, indicators: d.indicators.filter((_, k) => k !== l1) } : d));
              setDirty(true);
            },
            addGoal: () => {
              setDoc((d) => (d ? { ...d, goals: [...d.goals, { title: null, expected: null, achieved: null, targets: [] }] } : d));
              setDirty(true);
            },
            removeGoal: (i: number) => {
              setDoc((d) => (d ? { ...d, goals: d.goals.filter((_, k) => k !== i) } : d));
              setDirty(true);
            },
            ensureSource: (source: FundSource) => {
              setDoc((d) => (d && !d.funds.bySource.some((r) => r.source === source) ? setIn(d, 'funds.bySource', [...d.funds.bySource, { source, label: null, initial: null, adjusted: null, executed: null }]) : d));
              setDirty(true);
            },
            addBaseData: () => {
              setDoc((d) => (d ? { ...d, baseData: emptyBaseData() } : d));
              setDirty(true);
            },
          }
        : null,
    [editable],
  );

  const applyTemplate = () => {
    if (!doc) return;
    const t = level1Template(doc.profile, doc.kind);
    if (!t.length) {
      message.warning('当前评分规则没有指标模板，请逐项添加');
      return;
    }
    setDoc({ ...doc, indicators: t.map((x) => ({ name: x.name, weight: x.weight, selfScore: null, statedScoreRate: null, children: [{ name: '', weight: null, selfScore: null, children: [emptyIndicator()] }] })) });
    setDirty(true);
  };

  if (loadError && !detail) return <Result status="error" title="无法打开这份自评" subTitle={loadError} extra={<Button onClick={() => void load()}>重试</Button>} />;
  if (!detail || !doc) return <Loading />;

  const title = doc.kind === 'project' ? doc.project?.name || '项目支出绩效自评' : `${doc.unit.name ?? detail.unitName ?? ''} 部门整体支出绩效自评`;
  const opinions = detail.review?.opinions ?? [];
  const lastReturn = [...opinions].reverse().find((o) => o.action === 'return');
  const opinion = detail.status === 'returned' ? (lastReturn?.opinion ?? detail.review?.opinion) : (opinions.at(-1)?.opinion ?? detail.review?.opinion);
  const opinionBy = detail.status === 'returned' ? lastReturn?.by : opinions.at(-1)?.by;
  const actions = detail.allowedActions.filter((a) => a === 'submit' || a === 'withdraw');

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Space size={8} wrap>
            <Tag color={STATUS_COLORS[detail.status]} data-testid="status">{STATUS_NAMES[detail.status]}</Tag>
            <Tag>{KIND_NAMES[doc.kind]}</Tag>
            <Typography.Text type="secondary">{doc.fiscalYear} 年度 · 第 {detail.version} 版 · 更新于 {fmtTime(detail.updatedAt)}</Typography.Text>
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
          </Space>
        </div>
        <Space wrap>
          <Button onClick={() => setHistoryOpen(true)}>办理记录</Button>
          <Dropdown
            menu={{
              items: [
                { key: 'docx', label: '导出 Word（.docx）' },
                { key: 'xlsx', label: '导出 Excel（.xlsx）' },
                { key: 'pdf', label: '导出 PDF' },
              ],
              onClick: ({ key }) =>
                void download(`/api/evaluations/${id}/export?format=${key}`, `${title}.${key}`).catch((e) => message.error(errorText(e))),
            }}
            trigger={['click']}
          >
            <Button>导出</Button>
          </Dropdown>
          {editable && (
            <Button onClick={() => void save()} loading={saving} disabled={!dirty} title="Ctrl+S">
              保存草稿
            </Button>
          )}
          {actions.map((a) => (
            <Button key={a} type={a === 'submit' ? 'primary' : 'default'} onClick={() => void act(a)}>
              {ACTION_LABELS[a] ?? a}
            </Button>
          ))}
        </Space>
      </Space>

      {opinion && (
        <Alert
          style={{ margin: '12px 0' }}
          type={detail.status === 'returned' ? 'error' : 'info'}
          showIcon
          data-testid="review-opinion"
          title={`${detail.status === 'returned' ? '审核退回意见' : '审核意见'}${opinionBy ? `（${opinionBy}）` : ''}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{opinion}</span>}
        />
      )}
      {localDraft && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          title={`发现 ${fmtTime(localDraft.savedAt)} 在本机未保存的修改`}
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  const b = base.current!;
                  const r = localDraft.baseVersion === b.version ? { merged: localDraft.evaluation, conflicts: [] } : mergeThreeWay(b.evaluation, localDraft.evaluation, b.evaluation);
                  setDoc(r.merged);
                  setDirty(true);
                  setLocalDraft(null);
                }}
              >
                恢复
              </Button>
              <Button
                size="small"
                onClick={() => {
                  clearLocalDraft(id);
                  setLocalDraft(null);
                }}
              >
                丢弃
              </Button>
            </Space>
          }
        />
      )}
      {mergeNote && mergeNote.length > 0 && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          closable={{ onClose: () => setMergeNote(null) }}
          title={`以下 ${mergeNote.length} 处他人也改过，已保留您的填写，请核对：`}
          description={mergeNote.slice(0, 10).map((p) => (
            <Button key={p} type="link" size="small" onClick={() => jumpToPath(p)}>
              {p}
            </Button>
          ))}
        />
      )}
      {editable && !actions.includes('submit') && user.role === 'unit_filler' && (
        <Alert style={{ margin: '12px 0' }} type="info" showIcon title="填写完成并保存后，请单位负责人登录提交审核。" />
      )}
      {!editable && EDITABLE.has(detail.status) === false && (
        <Alert style={{ margin: '12px 0' }} type="info" showIcon title={`当前状态为“${STATUS_NAMES[detail.status]}”，不能修改。`} />
      )}

      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={17}>
          {editable && doc.indicators.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="还没有绩效指标"
              action={<Button size="small" onClick={applyTemplate}>按评分规则模板生成</Button>}
            />
          )}
          <EvaluationForm evaluation={doc} score={score} findings={findings} mode={editable ? 'edit' : 'view'} onField={onField} ops={ops} />
        </Col>
        <Col xs={24} xl={7}>
          <div style={{ position: 'sticky', top: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
            <ScoreSummary score={score} statedTotal={doc.totals.statedScore} busy={scoring} />
            <FindingsPanel findings={findings} problem={invalid ? '有填写格式错误（见下方），得分按上次有效的内容计算' : live?.problem} />
          </div>
        </Col>
      </Row>

      <Modal
        open={!!conflict}
        title="这份自评已被他人修改"
        width={600}
        onCancel={() => setConflict(null)}
        footer={[
          <Button key="reload" danger onClick={() => void reloadLatest()}>
            载入最新版本（放弃我的修改）
          </Button>,
          <Button key="merge" type="primary" onClick={() => void mergeWithLatest()}>
            合并：在最新版本上保留我的修改
          </Button>,
        ]}
      >
        <p>
          您编辑期间，其他人保存了新的版本{conflict?.current ? `（第 ${conflict.current} 版）` : ''}。您的修改仍在页面上，也已保存在本机浏览器中，不会丢失。
        </p>
        <p>建议选择“合并”：系统会把您改过的每一处放到最新版本上，双方都改过的地方以您的为准并列出供核对。</p>
      </Modal>
      <HistoryDrawer id={id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      {detail.status === 'published' && (
        <Button type="link" onClick={() => navigate(`/public/reports/${id}`)}>
          查看公开页面
        </Button>
      )}
    </div>
  );
}
