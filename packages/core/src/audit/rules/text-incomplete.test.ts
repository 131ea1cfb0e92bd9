import { describe, expect, it } from 'vitest';
import { auditEvaluation } from '../audit-evaluation.js';
import { Evaluation } from '../../model/evaluation.js';
import { run } from '../testing/context-of.js';
import { textIncomplete } from './text-incomplete.js';

const cut = { source: { incomplete: { reason: 'truncated', cutIn: 'indicators' } } };

describe('text-incomplete', () => {
  it('one note when the text stops mid-table, naming where', () => {
    const f = run(textIncomplete, cut);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('绩效指标表');
  });

  it('one note when rows of a table could not be read, naming the table', () => {
    const f = run(textIncomplete, { source: { incomplete: { reason: 'rows_unread', cutIn: 'indicators' } } });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('有的行对不上表头、未能读取（绩效指标表）');
  });

  it('nothing for a whole report', () => {
    expect(run(textIncomplete, {})).toEqual([]);
  });

  it('on a cut text the presence checks are notes, and sums over the cut table are not errors', () => {
    const ev = Evaluation.parse({
      kind: 'project',
      fiscalYear: 2021,
      ...cut,
      budgetExecution: { weight: '10', selfScore: '10' },
      indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [{ name: '宣传场次', target: '≥1场', actual: '1场', weight: '12', selfScore: '12' }] }] }],
    });
    const findings = auditEvaluation(ev).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const notes = findings.filter((f) => f.severity === 'info').map((f) => f.rule);
    expect(notes).toEqual(expect.arrayContaining(['text-incomplete', 'self-score-present', 'grade-present']));
  });

  it('the same evaluation as a whole report: the missing total and the weights are errors', () => {
    const ev = Evaluation.parse({
      kind: 'project',
      fiscalYear: 2021,
      budgetExecution: { weight: '10', selfScore: '10' },
      indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [{ name: '宣传场次', target: '≥1场', actual: '1场', weight: '12', selfScore: '12' }] }] }],
    });
    const errors = auditEvaluation(ev).findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    expect(errors).toEqual(expect.arrayContaining(['self-score-present', 'weights-total']));
  });
});
