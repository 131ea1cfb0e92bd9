/** Unsaved edits kept in localStorage, so a closed tab or a crash loses nothing typed. */
import type { Evaluation } from '@jixiao/core';

export interface LocalDraft {
  baseVersion: number;
  evaluation: Evaluation;
  savedAt: string;
}

const key = (id: string) => `jx.draft.${id}`;

export function readLocalDraft(id: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(id));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(id: string, d: LocalDraft): void {
  try {
    window.localStorage.setItem(key(id), JSON.stringify(d));
  } catch {
    /* storage full or disabled: the server draft still exists */
  }
}

export function clearLocalDraft(id: string): void {
  window.localStorage.removeItem(key(id));
}

/** A copy of edits the user chose to discard, kept in case she wants them back. */
export function backupDiscarded(id: string, evaluation: Evaluation): void {
  try {
    window.localStorage.setItem(`${key(id)}.discarded`, JSON.stringify({ evaluation, at: new Date().toISOString() }));
  } catch {
    /* ignore */
  }
}
