/**
 * An empty self-evaluation cannot be submitted: a draft created from the project list (header
 * and budget filled in, no indicator table, no score) must be blocked by every shipped profile,
 * and a filled table that leaves out its stated total is blocked until the unit states it.
 */
import { describe, expect, it } from 'vitest';
import { Evaluation, type EvaluationKind } from '../model/evaluation.js';
import { PROFILES } from '../profiles/get-profile.js';
import { auditEvaluation } from './audit-evaluation.js';

/** What a project-list import pre-fills: header, 年初预算数 / 全年预算数, nothing else. */
function listDraft(kind: EvaluationKind, profile: string) {
  return Evaluation.parse({
    kind,
    fiscalYear: 2024,
    profile,
    unit: { name: '甲单位' },
    project: kind === 'department' ? null : { name: '农村道路养护', code: 'XM2024-001' },
    funds: { total: { initial: '100', adjusted: '100' } },
  });
}

const FILLED = {
  kind: 'project',
  fiscalYear: 2024,
  funds: { total: { adjusted: '100', executed: '100' } },
  budgetExecution: { weight: 10, selfScore: 10 },
  indicators: [
    { name: '产出指标', weight: 50, children: [{ name: '数量指标', children: [{ name: '完成数量', target: '≥10个', actual: '10个', weight: 50, selfScore: 50 }] }] },
    { name: '效益指标', weight: 30, children: [{ name: '社会效益指标', children: [{ name: '覆盖率', target: '≥90%', actual: '90%', weight: 30, selfScore: 30 }] }] },
    { name: '满意度指标', weight: 10, children: [{ name: '满意度指标', children: [{ name: '满意度', target: '≥90%', actual: '90%', weight: 10, selfScore: 10 }] }] },
  ],
};

describe('an empty draft blocks submission under every profile', () => {
  for (const p of PROFILES) {
    for (const kind of ['project', 'transfer', 'department'] as const) {
      it(`${p.id}: a ${kind} draft with no indicators and no score is blocked (no indicator table, no self score)`, () => {
        const r = auditEvaluation(listDraft(kind, `${p.id}@${p.version}`), { profile: p });
        expect(r.blocking.map((f) => f.rule).sort()).toEqual(['indicator-table-present', 'self-score-present']);
        expect(r.blocking.map((f) => f.location.path).sort()).toEqual(['indicators', 'totals.statedScore']);
      });
    }
  }

  it('a filled table without its stated total is blocked by that alone, and the message gives the computed total', () => {
    const r = auditEvaluation(Evaluation.parse({ ...FILLED, totals: { statedScore: null } }));
    expect(r.blocking.map((f) => f.rule)).toEqual(['self-score-present']);
    expect(r.blocking[0]!.message).toContain('100');
  });

  it('the same table with its total stated is not blocked', () => {
    expect(auditEvaluation(Evaluation.parse({ ...FILLED, totals: { statedScore: 100 } })).blocking).toEqual([]);
  });
});
