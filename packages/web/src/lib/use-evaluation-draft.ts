/**
 * The editing machinery of one evaluation, shared by every form (部门整体, 项目支出, 转移支付):
 * load, live score and audit (debounced, core in the browser), draft save with optimistic
 * versioning (409 → keep edits, merge or reload), the local backup in localStorage, and
 * the unsaved-changes guard.
 */
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Evaluation } from '@jixiao/core';
import { ApiError, errorText, request } from '../api/client.js';
import type { EvaluationDetail, FindingJson, ScoreJson } from '../api/types.js';
import { jumpToPath } from '../components/findings.js';
import { scoreLive, type LiveResult } from './live-score.js';
import { backupDiscarded, clearLocalDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft.js';
import { mergeThreeWay, setIn } from './paths.js';
import { useDebounced } from './use-debounced.js';

export interface EvaluationDraft {
  detail: EvaluationDetail | null;
  loadError: string | null;
  doc: Evaluation | null;
  dirty: boolean;
  saving: boolean;
  localDraft: LocalDraft | null;
  conflict: { current: number | null } | null;
  mergeNote: string[] | null;
  /** Shown score: live while valid, else the last valid one, else the server's. */
  score: ScoreJson | null;
  findings: FindingJson[];
  /** A field does not parse (the score shown is the last valid one). */
  invalid: boolean;
  /** Typing is ahead of the live score. */
  scoring: boolean;
  /** Live findings that block submission under the profile, less the rules the finance bureau waived. */
  blocking: FindingJson[];
  problem: string | null;
  /** The stored version the edits are based on. */
  version(): number;
  load(opts?: { keepDoc?: boolean }): Promise<EvaluationDetail | null>;
  onField(path: string, value: unknown): void;
  /** Replace the model through a function (row added, row removed …); marks it dirty. */
  update(fn: (d: Evaluation) => Evaluation): void;
  save(): Promise<number | null>;
  mergeWithLatest(): Promise<void>;
  reloadLatest(): Promise<void>;
  restoreLocal(): void;
  discardLocal(): void;
  closeConflict(): void;
  closeMergeNote(): void;
}

function conflictVersion(e: ApiError): number | null {
  const cur = e.body as { version?: number; error?: { version?: number; currentVersion?: number } } | null;
  return cur?.error?.currentVersion ?? cur?.version ?? cur?.error?.version ?? null;
}

/** Live score and audit of the document, debounced; keeps the last valid result beside input errors. */
function useLiveScore(doc: Evaluation | null, detail: EvaluationDetail | null) {
  const [live, setLive] = useState<LiveResult | null>(null);
  const debounced = useDebounced(doc, 300);
  const lastGood = useRef<LiveResult | null>(null);
  useEffect(() => {
    if (!debounced) return;
    const r = scoreLive(debounced);
    if (r.inputFindings.length === 0) lastGood.current = r;
    setLive(r);
  }, [debounced]);
  const invalid = !!live && live.inputFindings.length > 0;
  const shown = invalid ? lastGood.current : live;
  const score = shown ? shown.score : (detail?.score ?? null);
  const findings = useMemo(() => {
    const audit = (shown ? shown.audit?.findings : detail?.audit?.findings) ?? [];
    return invalid ? [...live!.inputFindings, ...audit] : audit;
  }, [invalid, live, shown, detail]);
  const blocking = useMemo(() => {
    const waived = new Set(detail?.submission?.override?.rules ?? []);
    const all = (shown ? shown.audit?.blocking : detail?.audit?.blocking) ?? [];
    return all.filter((f) => !waived.has(f.rule));
  }, [shown, detail]);
  return { live, invalid, score, findings, blocking, scoring: doc !== debounced };
}

/** Unsaved edits go to localStorage 600 ms after typing stops; leaving the page asks first. */
function useLocalBackup(id: string, doc: Evaluation | null, dirty: boolean, baseVersion: () => number | null) {
  const debounced = useDebounced(doc, 600);
  useEffect(() => {
    const v = baseVersion();
    if (!dirty || !debounced || v === null) return;
    writeLocalDraft(id, { baseVersion: v, evaluation: debounced, savedAt: new Date().toISOString() });
  }, [debounced, dirty, id, baseVersion]);
  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);
}

export function useEvaluationDraft(id: string): EvaluationDraft {
  const { message } = AntApp.useApp();
  const [detail, setDetail] = useState<EvaluationDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [doc, setDoc] = useState<Evaluation | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [localDraft, setLocalDraft] = useState<LocalDraft | null>(null);
  const [conflict, setConflict] = useState<{ current: number | null } | null>(null);
  const [mergeNote, setMergeNote] = useState<string[] | null>(null);
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

  const onField = useCallback((path: string, value: unknown) => {
    setDoc((d) => (d ? setIn(d, path, value) : d));
    setDirty(true);
  }, []);
  const update = useCallback((fn: (d: Evaluation) => Evaluation) => {
    setDoc((d) => (d ? fn(d) : d));
    setDirty(true);
  }, []);

  const { live, invalid, score, findings, blocking, scoring } = useLiveScore(doc, detail);
  const baseVersion = useCallback(() => base.current?.version ?? null, []);
  useLocalBackup(id, doc, dirty, baseVersion);

  const save = useCallback(async (): Promise<number | null> => {
    if (!doc || !base.current) return null;
    if (live && live.inputFindings.length) {
      message.error(`有 ${live.inputFindings.length} 处填写格式不正确，请先改正`);
      jumpToPath(live.inputFindings[0]!.location.path);
      return null;
    }
    setSaving(true);
    try {
      const r = await request<{ version: number; updatedAt?: string }>(`/api/evaluations/${id}`, {
        method: 'PUT',
        body: { version: base.current.version, evaluation: doc },
        // The score and audit are computed live here: the answer need only carry the new version.
        headers: { Prefer: 'return=minimal' },
      });
      base.current = { version: r.version, evaluation: doc };
      // The header's "updated at" follows the save.
      setDetail((d) => (d ? { ...d, version: r.version, updatedAt: r.updatedAt ?? new Date().toISOString() } : d));
      setDirty(false);
      setMergeNote(null);
      clearLocalDraft(id);
      message.success('草稿已保存');
      return r.version;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setConflict({ current: conflictVersion(e) });
      else if (e instanceof ApiError && e.issues.length && e.issues[0]?.field) {
        message.error(e.message);
        jumpToPath(e.issues[0].field);
      } else message.error(errorText(e));
      return null;
    } finally {
      setSaving(false);
    }
  }, [doc, id, live, message]);

  const mergeWithLatest = useCallback(async () => {
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
  }, [doc, load, message]);

  const reloadLatest = useCallback(async () => {
    if (doc) backupDiscarded(id, doc);
    clearLocalDraft(id);
    setConflict(null);
    await load();
    message.info('已载入最新版本；您放弃的修改已另存在本机浏览器中');
  }, [doc, id, load, message]);

  const restoreLocal = useCallback(() => {
    const b = base.current;
    if (!localDraft || !b) return;
    const r = localDraft.baseVersion === b.version ? { merged: localDraft.evaluation } : mergeThreeWay(b.evaluation, localDraft.evaluation, b.evaluation);
    setDoc(r.merged);
    setDirty(true);
    setLocalDraft(null);
  }, [localDraft]);

  const discardLocal = useCallback(() => {
    clearLocalDraft(id);
    setLocalDraft(null);
  }, [id]);

  return {
    detail, loadError, doc, dirty, saving, localDraft, conflict, mergeNote, score, findings, blocking, invalid, scoring,
    problem: invalid ? '有填写格式错误（见下方），得分按上次有效的内容计算' : (live?.problem ?? null),
    version: () => base.current?.version ?? detail?.version ?? 0,
    load, onField, update, save, mergeWithLatest, reloadLatest, restoreLocal, discardLocal,
    closeConflict: () => setConflict(null),
    closeMergeNote: () => setMergeNote(null),
  };
}
