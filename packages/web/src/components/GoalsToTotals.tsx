/** The middle of every 自评表: 年度总体目标, the indicator table, and 总分及等级. */
import { Button } from 'antd';
import type { EvaluationFormProps } from './EvaluationForm.js';
import { GoalsTable } from './GoalsTable.js';
import { IndicatorTable } from './IndicatorTable.js';
import { Section } from './Section.js';
import { TotalsTable } from './TotalsTable.js';

export function GoalsToTotals({ evaluation: ev, score, findings, mode, onField, ops, reviewScores, onReview, lockedIndicators, goalsTitle = '年度总体目标' }: EvaluationFormProps & { goalsTitle?: string }) {
  const ro = mode !== 'edit';
  return (
    <>
      <Section title={goalsTitle} id="goals" extra={ops && <Button size="small" onClick={ops.addGoal}>+ 添加目标</Button>}>
        <GoalsTable goals={ev.goals} ro={ro} onField={onField} ops={ops} />
      </Section>
      <Section title="绩效指标" id="indicators">
        <IndicatorTable indicators={ev.indicators} score={score} findings={findings} mode={mode} onField={onField} ops={ops} reviewScores={reviewScores} onReview={onReview} locked={lockedIndicators} />
      </Section>
      <Section title="总分及等级" id="totals">
        <TotalsTable totals={ev.totals} score={score} ro={ro} onField={onField} />
      </Section>
    </>
  );
}
