/**
 * The editor's banner for a self-evaluation generated from approved targets (生成自评): which
 * targets and version it follows, and — when an adjustment was approved later — a warning with
 * 更新为最新批复版本. The confirmation names the approved indicators the new version no longer has
 * (from the target's versions); after the update, the server's list of what it dropped is shown.
 */
import { Alert, App as AntApp, Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { targetLeaves } from '@jixiao/core';
import { errorText, request } from '../api/client.js';
import type { TargetDetail } from '../api/plan-types.js';
import { navigate } from '../app/router.js';
import type { EvaluationDraft } from '../lib/use-evaluation-draft.js';

type Targets = { id: number; name: string; version: number; latestVersion?: number; leafIds: string[] };
interface Dropped {
  id: string | null;
  label: string;
}

/** Approved leaves of version `from` that version `to` no longer has (null: the versions could not be read). */
async function previewDropped(t: Targets, to: number): Promise<string[] | null> {
  try {
    const d = await request<TargetDetail>(`/api/targets/${t.id}`);
    const from = d.versions.find((v) => v.versionNo === t.version);
    const next = d.versions.find((v) => v.versionNo === to);
    if (!from || !next) return null;
    const kept = new Set(targetLeaves(next.tree as never).map((e) => e.leaf.id));
    return targetLeaves(from.tree as never)
      .filter((e) => !kept.has(e.leaf.id))
      .map((e) => e.label);
  } catch {
    return null;
  }
}

function list(items: string[], testId: string): ReactNode {
  return (
    <ul data-testid={testId} style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

function confirmText(t: Targets, latest: number, preview: string[] | null): ReactNode {
  return (
    <div>
      <p>
        本自评将改按第 {latest} 版批复的绩效目标：指标名称、年度指标值、分值和年度总体目标以第 {latest} 版为准；仍在第 {latest} 版中的指标保留已填写的实际完成值、得分和偏差原因。
      </p>
      {preview === null ? (
        <p>第 {latest} 版中不再有的指标将连同其填写内容一并删除，更新后会列出。</p>
      ) : preview.length ? (
        <div>
          第 {latest} 版删除了以下指标（第 {t.version} 版中的），其填写内容将一并删除：{list(preview, 'targets-drop-preview')}
        </div>
      ) : (
        <p>第 {latest} 版没有删除指标。</p>
      )}
    </div>
  );
}

export function TargetsBanner({ targets, draft, editable }: { targets: Targets; draft: EvaluationDraft; editable: boolean }) {
  const { message, modal } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const latest = targets.latestVersion ?? targets.version;
  const outdated = latest > targets.version;

  const update = async () => {
    let version = draft.version();
    if (draft.dirty) {
      const v = await draft.save();
      if (v === null) return;
      version = v;
    }
    setBusy(true);
    try {
      const res = await request<{ version: number; targetVersion: number; dropped: Dropped[] }>(`/api/evaluations/${draft.detail!.id}/approved-targets`, { body: { version } });
      await draft.load();
      if (res.dropped.length) {
        modal.info({
          title: `已更新为第 ${res.targetVersion} 版批复的绩效目标`,
          content: <div>以下指标已不在第 {res.targetVersion} 版中，已连同其填写内容删除：{list(res.dropped.map((d) => d.label), 'targets-dropped')}</div>,
          okText: '知道了',
        });
      } else message.success(`已更新为第 ${res.targetVersion} 版批复的绩效目标，已填写的内容均已保留`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const ask = async () => {
    setBusy(true);
    const preview = await previewDropped(targets, latest);
    setBusy(false);
    modal.confirm({
      title: `更新为第 ${latest} 版批复的绩效目标？`,
      content: confirmText(targets, latest, preview),
      okText: '更新',
      cancelText: '取消',
      width: 560,
      onOk: update,
    });
  };

  return (
    <>
      <Alert
        style={{ margin: '12px 0' }}
        type="info"
        showIcon
        data-testid="from-targets"
        title={`本自评由批复的绩效目标“${targets.name}”（第 ${targets.version} 版）生成：指标名称、年度指标值和分值不能修改；年初指标值与调整后的指标值并列显示。`}
        action={<Button size="small" onClick={() => navigate(`/targets/${targets.id}`)}>查看绩效目标</Button>}
      />
      {outdated && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          data-testid="targets-outdated"
          title={`绩效目标已调整：最新批复为第 ${latest} 版，本自评仍按第 ${targets.version} 版填写。`}
          description={editable ? '更新后，指标名称、年度指标值和分值改按最新批复版本，仍在的指标保留已填写的内容。' : '只有本单位的填报人或单位负责人在草稿或退回状态下可以更新。'}
          action={
            editable && (
              <Space>
                <Button type="primary" size="small" loading={busy} onClick={() => void ask()}>
                  更新为最新批复版本
                </Button>
              </Space>
            )
          }
        />
      )}
    </>
  );
}
