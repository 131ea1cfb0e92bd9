import { describe, expect, it } from 'vitest';
import { Evaluation } from '../../model/evaluation.js';
import { getProfile } from '../../profiles/get-profile.js';
import { projectOf } from '../../scoring/testing/project-of.js';
import { auditEvaluation } from '../audit-evaluation.js';
import { gatherAuditContext } from '../gather-audit-context.js';
import { projectRollupMatches } from './project-rollup-matches.js';

// Two projects: initial 100 + 50 = 150, adjusted 120 + 50 = 170, executed 110 + 45.5 = 155.5;
// execution 155.5 ÷ 170 = 91.47%; stated scores 95 and 88: average 91.5, lowest 88 (图书采购).
const children = [
  projectOf({ name: '道路养护', funds: { initial: '100', adjusted: '120', executed: '110' }, statedScore: '95' }),
  projectOf({ name: '图书采购', funds: { initial: '50', adjusted: '50', executed: '45.5' }, statedScore: '88' }),
];

const consistent = {
  funds: {
    project: { initial: '150', adjusted: '170', executed: '155.5' },
    projectCount: 2,
    projectLines: [{ name: '道路养护', initial: '100', adjusted: '120', executed: '110' }],
  },
  projectRollup: { evaluatedCount: 2, statedCoverageRate: '100%', statedExecutionRate: '91.47%', statedAverageScore: '91.5', statedLowestScore: '88' },
};

function department(overrides: { funds?: Record<string, unknown>; projectRollup?: Record<string, unknown> } = {}) {
  return Evaluation.parse({
    kind: 'department',
    fiscalYear: 2023,
    funds: { ...consistent.funds, ...overrides.funds },
    projectRollup: { ...consistent.projectRollup, ...overrides.projectRollup },
  });
}

function run(ev: Evaluation, kids = children) {
  return projectRollupMatches.check(gatherAuditContext(ev, getProfile('national'), kids));
}

describe('project-rollup-matches', () => {
  it('raises nothing when every stated project figure equals the children’s roll-up', () => {
    expect(run(department())).toEqual([]);
  });
  it('checks nothing without children, on an empty list, or on a project evaluation', () => {
    const wrong = department({ funds: { projectCount: 9 } });
    expect(projectRollupMatches.check(gatherAuditContext(wrong, getProfile('national')))).toEqual([]);
    expect(run(wrong, [])).toEqual([]);
    expect(run(children[0]!)).toEqual([]);
  });
  it('fires when the stated project spending 155.6 ≠ 110 + 45.5 = 155.5 (0.1 beyond rounding)', () => {
    const [f, ...rest] = run(department({ funds: { project: { initial: '150', adjusted: '170', executed: '155.6' } } }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ reported: '155.6', expected: '155.5', difference: '0.1', location: { path: 'funds.project.executed' } });
    expect(f!.message).toContain('无法判断');
  });
  it('with a blank child cell, fires only when the known part (155.5) already exceeds the stated 100', () => {
    const kids = [...children, projectOf({ name: '设备更新', funds: { initial: '10', adjusted: '10', executed: null }, statedScore: '90' })];
    const base = { projectCount: 3, project: { initial: '160', adjusted: '180', executed: '100' } };
    const over = run(department({ funds: base, projectRollup: { evaluatedCount: 3, statedAverageScore: null, statedLowestScore: null, statedExecutionRate: null } }), kids);
    expect(over.map((f) => [f.location.path, f.reported, f.expected])).toEqual([['funds.project.executed', '100', '155.5']]);
    expect(over[0]!.message).toContain('另有 1 个未填写');
    const under = run(
      department({ funds: { ...base, project: { initial: '160', adjusted: '180', executed: '200' } }, projectRollup: { evaluatedCount: 3, statedAverageScore: null, statedLowestScore: null, statedExecutionRate: null } }),
      kids,
    );
    expect(under).toEqual([]);
  });
  it('fires on the project count (3 stated, 2 given) and on the coverage 100% against 2 ÷ 3 = 66.67%', () => {
    const out = run(department({ funds: { projectCount: 3 } }));
    expect(out.map((f) => [f.location.path, f.reported, f.expected])).toEqual([
      ['funds.projectCount', '3', '2'],
      ['projectRollup.statedCoverageRate', '100', '66.67'],
    ]);
  });
  it('fires on the evaluated count (3 stated, 2 evaluated)', () => {
    const [f] = run(department({ projectRollup: { evaluatedCount: 3 } }));
    expect(f).toMatchObject({ reported: '3', expected: '2', location: { path: 'projectRollup.evaluatedCount' } });
  });
  it('fires on the execution rate 92.47% against 155.5 ÷ 170 = 91.47%', () => {
    const [f] = run(department({ projectRollup: { statedExecutionRate: '92.47%' } }));
    expect(f).toMatchObject({ reported: '92.47', expected: '91.47', location: { path: 'projectRollup.statedExecutionRate' } });
  });
  it('fires on the average 90 against (95 + 88) ÷ 2 = 91.5 and the lowest 85 against 88 (图书采购)', () => {
    const out = run(department({ projectRollup: { statedAverageScore: '90', statedLowestScore: '85' } }));
    expect(out.map((f) => [f.location.path, f.reported, f.expected])).toEqual([
      ['projectRollup.statedAverageScore', '90', '91.5'],
      ['projectRollup.statedLowestScore', '85', '88'],
    ]);
    expect(out[1]!.message).toContain('图书采购');
  });
  it('fires on a project line whose executed 101 differs from that project’s table (110)', () => {
    const lines = [{ name: '道路 养护', initial: '100', adjusted: '120', executed: '101' }];
    const [f, ...rest] = run(department({ funds: { projectLines: lines } }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ reported: '101', expected: '110', difference: '-9', location: { path: 'funds.projectLines.0.executed' } });
  });
  it('runs through auditEvaluation(department, { children }) and not without children', () => {
    const ev = department({ funds: { projectCount: 3 } });
    const rules = (r: ReturnType<typeof auditEvaluation>) => r.findings.filter((f) => f.rule === 'project-rollup-matches').length;
    expect(rules(auditEvaluation(ev, { children }))).toBe(2);
    expect(rules(auditEvaluation(ev))).toBe(0);
  });
});
