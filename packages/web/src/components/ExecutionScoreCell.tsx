/** The 得分 cell of the budget-execution row: the stated score, core's computed one, and the reviewer's. */
import type { Evaluation } from '@jixiao/core';
import type { ScoreJson } from '../api/types.js';
import { Cell, type OnField } from './fields.js';
import { differentDec, fmt } from '../lib/format.js';

export interface ExecutionScoreCellProps {
  ev: Evaluation;
  execution: ScoreJson['execution'] | undefined;
  ro: boolean;
  onField: OnField;
  status?: '' | 'error' | 'warning';
  review?: string | null;
  onReview?: OnField;
}

export function ExecutionScoreCell({ ev, execution: ex, ro, onField, status, review, onReview }: ExecutionScoreCellProps) {
  return (
    <td className={`jx-calc${differentDec(ev.budgetExecution.selfScore, ex?.computed) ? ' jx-diff' : ''}`}>
      <Cell path="budgetExecution.selfScore" value={ev.budgetExecution.selfScore} onField={onField} readOnly={ro} numeric label="预算执行率自评得分" status={status} />
      {ex?.computed != null && (
        <div style={{ fontSize: 12 }} title={ex.explanation} data-testid="execution-score">
          计算 {fmt(ex.computed)}
        </div>
      )}
      {onReview && (
        <div className="jx-weight" style={{ color: '#cf1322' }}>
          <span>审核</span>
          <Cell path="execution" value={review} onField={onReview} numeric label="预算执行率审核得分" placeholder={fmt(ev.budgetExecution.selfScore ?? ex?.computed)} />
        </div>
      )}
    </td>
  );
}
