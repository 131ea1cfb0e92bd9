/**
 * A text that is not a whole report (`evaluation.source.incomplete`, set by importers): what is
 * missing may simply lie past the cut, so the presence checks become notes, and sums over the
 * part the cut falls in prove nothing. Errors stay for numbers that disagree.
 */
import type { Evaluation, SourceIncomplete } from '../model/evaluation.js';
import type { FindingDraft } from './types.js';

export function incompleteOf(ev: Evaluation): SourceIncomplete | null {
  return ev.source?.incomplete ?? null;
}

/** Whether the cut falls in this part of the report (its table was read only in part). */
export function cutIn(ev: Evaluation, part: NonNullable<SourceIncomplete['cutIn']>): boolean {
  return incompleteOf(ev)?.cutIn === part;
}

const WHY: Record<SourceIncomplete['reason'], string> = {
  truncated: '文本在句中或表中中断',
  starts_mid_table: '文本从上一张表的中间开始',
  excerpt: '这是从多个项目的报告中摘出的一个项目',
  rows_unread: '文字版丢掉了表中的空格子，有的行对不上表头、未能读取',
};

export function incompleteReason(ev: Evaluation): string | null {
  const inc = incompleteOf(ev);
  return inc ? WHY[inc.reason] : null;
}

/** A presence finding on an incomplete text: a note that says why it is not an error. */
export function asNoteWhenIncomplete(ev: Evaluation, draft: FindingDraft): FindingDraft {
  const why = incompleteReason(ev);
  if (!why) return draft;
  return { ...draft, severity: 'info', message: `${draft.message.replace(/。$/, '')}（${why}，缺少的内容可能在未收录的部分，仅作提示）。` };
}
