/**
 * The unit filler's page: the self-evaluation as paper tables (部门整体, or the project /
 * transfer 自评表), live score and findings, draft save with optimistic versioning (409 →
 * keep edits, merge or reload), local backup, submit, review opinion, history, export. A
 * department evaluation also shows its projects' roll-up.
 */
import { Alert, App as AntApp, Button, Col, Dropdown, Result, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { download, errorText, request } from '../api/client.js';
import { KIND_NAMES, STATUS_COLORS, STATUS_NAMES, type Action } from '../api/types.js';
import { Loading } from '../components/Loading.js';
import { navigate } from '../app/router.js';
import { useUser } from '../app/session.js';
import { ConflictDialog, EditorNotices } from '../components/EditorNotices.js';
import { EvaluationForm } from '../components/EvaluationForm.js';
import { FindingsPanel, ScoreSummary } from '../components/FindingsPanel.js';
import { HistoryDrawer } from '../components/HistoryDrawer.js';
import { ProjectForm } from '../components/ProjectForm.js';
import { ProjectRollupPanel } from '../components/ProjectRollupPanel.js';
import { BlockingBadge, OverrideButton, OverrideNotice } from '../components/SubmissionOverride.js';
import { blockedItemsOf, blockingItems, showSubmissionBlocked } from '../components/SubmissionBlocked.js';
import { buildEditOps, indicatorsFromTemplate } from '../lib/evaluation-ops.js';
import { nameFundRows } from '../lib/fund-rows.js';
import { level1Template } from '../lib/live-score.js';
import { useEvaluationDraft, type EvaluationDraft } from '../lib/use-evaluation-draft.js';
import { evaluationTitle } from '../lib/evaluation-title.js';
import { fmtTime } from '../lib/format.js';
import { nameIndicatorRows } from '../lib/path-labels.js';
import { ReportChapters } from '../components/ReportChapters.js';
import { TargetsBanner } from '../components/TargetsBanner.js';
import { placeholdersOf, showPlaceholders } from '../components/PlaceholdersDialog.js';

const EDITABLE = new Set(['draft', 'returned']);
const ACTION_LABELS: Partial<Record<Action, string>> = { submit: '提交审核', withdraw: '撤回' };

/** Ctrl+S saves. */
function useSaveShortcut(enabled: boolean, save: () => unknown) {
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (enabled) void save();
      }
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [enabled, save]);
}

/**
 * submit / withdraw: saves pending edits first. Submit first lists what blocks it (the live
 * audit, as the server checks it), else asks for confirmation naming any open errors.
 */
function useWorkflowAction(id: string, draft: EvaluationDraft, errors: number) {
  const { message, modal } = AntApp.useApp();
  return async (action: Action) => {
    if (action === 'submit' && draft.blocking.length > 0) return showSubmissionBlocked(modal, blockingItems(draft.blocking));
    let version = draft.version();
    if (draft.dirty) {
      const v = await draft.save();
      if (v === null) return;
      version = v;
    }
    const run = async () => {
      try {
        await request(`/api/evaluations/${id}/actions/${action}`, { body: { version } });
        message.success(action === 'submit' ? '已提交审核' : '操作成功');
        await draft.load();
      } catch (e) {
        const blocked = blockedItemsOf(e);
        if (blocked) showSubmissionBlocked(modal, blocked, errorText(e));
        else message.error(errorText(e));
      }
    };
    if (action !== 'submit') return run();
    modal.confirm({
      title: '提交审核',
      content: errors ? `系统审查仍有 ${errors} 项错误，提交后审核人会看到这些问题。确定提交吗？` : '提交后将不能修改，确定提交吗？',
      okText: '提交',
      cancelText: '取消',
      onOk: run,
    });
  };
}

export default function EvaluationEditorPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const user = useUser();
  const { message } = AntApp.useApp();
  const draft = useEvaluationDraft(id);
  const { detail, doc, dirty } = draft;
  const [historyOpen, setHistoryOpen] = useState(false);
  const findings = useMemo(() => nameIndicatorRows(nameFundRows(draft.findings, doc), doc), [draft.findings, doc]);
  const { modal } = AntApp.useApp();
  const lockedIds = useMemo(() => (detail?.targets ? new Set(detail.targets.leafIds) : undefined), [detail?.targets]);
  const editable = !!detail && (detail.canEdit ?? (EDITABLE.has(detail.status) && (user.role === 'unit_filler' || user.role === 'unit_head')));
  const ops = useMemo(() => (editable ? buildEditOps(draft.update) : null), [editable, draft.update]);
  useSaveShortcut(editable && dirty, draft.save);
  const act = useWorkflowAction(id, draft, findings.filter((f) => f.severity === 'error').length);

  if (draft.loadError && !detail) return <Result status="error" title="无法打开这份自评" subTitle={draft.loadError} extra={<Button onClick={() => void draft.load()}>重试</Button>} />;
  if (!detail || !doc) return <Loading />;

  const applyTemplate = () => {
    const t = level1Template(doc.profile, doc.kind);
    if (!t.length) {
      message.warning('当前评分规则没有指标模板，请逐项添加');
      return;
    }
    draft.update((d) => ({ ...d, indicators: indicatorsFromTemplate(t) }));
  };

  const title = evaluationTitle(doc, detail.unitName);
  const actions = detail.allowedActions.filter((a) => a === 'submit' || a === 'withdraw');
  const PaperForm = doc.kind === 'department' ? EvaluationForm : ProjectForm;

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
            {doc.project?.code && <Typography.Text type="secondary">项目编码 {doc.project.code}</Typography.Text>}
            <Typography.Text type="secondary">{doc.fiscalYear} 年度 · 第 {detail.version} 版 · 更新于 {fmtTime(detail.updatedAt)}</Typography.Text>
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
          </Space>
        </div>
        <Space wrap>
          {doc.kind !== 'department' && (user.role === 'unit_filler' || user.role === 'unit_head') && <Button onClick={() => navigate('/unit-projects')}>返回项目清单</Button>}
          <Button onClick={() => setHistoryOpen(true)}>办理记录</Button>
          <Dropdown
            menu={{
              items: [
                { key: 'docx', label: '导出 Word（.docx）' },
                { key: 'xlsx', label: '导出 Excel（.xlsx）' },
                { key: 'pdf', label: '导出 PDF' },
              ],
              onClick: ({ key }) =>
                void download(`/api/evaluations/${id}/export?format=${key}`, `${title}.${key}`).catch((e) => {
                  const gaps = placeholdersOf(e);
                  if (gaps) showPlaceholders(modal, gaps);
                  else message.error(errorText(e));
                }),
            }}
            trigger={['click']}
          >
            <Button>导出</Button>
          </Dropdown>
          {editable && (
            <Button onClick={() => void draft.save()} loading={draft.saving} disabled={!dirty} title="Ctrl+S">
              保存草稿
            </Button>
          )}
          {actions.includes('submit') && <BlockingBadge blocking={draft.blocking} />}
          {actions.map((a) => (
            <Button key={a} type={a === 'submit' ? 'primary' : 'default'} onClick={() => void act(a)}>
              {ACTION_LABELS[a] ?? a}
            </Button>
          ))}
          {user.role === 'finance_reviewer' && <OverrideButton detail={detail} onDone={draft.load} />}
        </Space>
      </Space>

      <EditorNotices draft={draft} />
      <OverrideNotice detail={detail} />
      {detail.targets && <TargetsBanner targets={detail.targets} draft={draft} editable={editable} />}
      {editable && !actions.includes('submit') && user.role === 'unit_filler' && (
        <Alert style={{ margin: '12px 0' }} type="info" showIcon title="填写完成并保存后，请单位负责人登录提交审核。" />
      )}
      {!editable && !EDITABLE.has(detail.status) && <Alert style={{ margin: '12px 0' }} type="info" showIcon title={`当前状态为“${STATUS_NAMES[detail.status]}”，不能修改。`} />}

      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={18} xxl={17}>
          {editable && doc.indicators.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="还没有绩效指标"
              action={<Button size="small" onClick={applyTemplate}>按评分规则模板生成</Button>}
            />
          )}
          <PaperForm evaluation={doc} score={draft.score} findings={findings} mode={editable ? 'edit' : 'view'} onField={draft.onField} ops={ops} lockedIndicators={lockedIds} />
          <ReportChapters evaluationId={id} version={detail.version} evaluation={doc} editable={editable} onField={draft.onField} update={draft.update} />
          {doc.kind === 'department' && <ProjectRollupPanel evaluationId={id} linkBase="/evaluations/" version={detail.version} />}
        </Col>
        <Col xs={24} xl={6} xxl={7}>
          <div style={{ position: 'sticky', top: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
            <ScoreSummary score={draft.score} statedTotal={doc.totals.statedScore} busy={draft.scoring} />
            <FindingsPanel findings={findings} problem={draft.problem} blocking={draft.blocking} />
          </div>
        </Col>
      </Row>

      <ConflictDialog draft={draft} />
      <HistoryDrawer id={id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      {detail.status === 'published' && (
        <Button type="link" onClick={() => navigate(`/public/reports/${id}`)}>
          查看公开页面
        </Button>
      )}
    </div>
  );
}
