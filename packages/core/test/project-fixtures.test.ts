/**
 * The project and transfer fixtures under examples/ (examples/README.md): each audits to
 * exactly the findings written here, with the figures recomputed by hand in the comments,
 * and the department of examples/department-with-projects rolls up its three projects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditEvaluation, computeProjectRollup, formatDecimal, parseEvaluation, scoreEvaluation, type Evaluation, type Finding } from '../src/index.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../examples');

function load(file: string): Evaluation {
  const parsed = parseEvaluation(JSON.parse(readFileSync(join(examples, file), 'utf8')));
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/** "severity rule @path reported→expected" for every finding, in the auditor's order. */
const lines = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule} @${f.location.path} ${f.reported}→${f.expected}`);
const f2 = (d: Parameters<typeof formatDecimal>[0] | null) => (d === null ? null : formatDecimal(d));

describe('examples/projects/project-road-maintenance-2023.json (national project, 万元, clean)', () => {
  const ev = load('projects/project-road-maintenance-2023.json');
  it('audits clean', () => {
    expect(lines(auditEvaluation(ev).findings)).toEqual([]);
  });
  it('scores 99.2: execution 10 × 304 ÷ 320 = 9.5, indicators 50 + 30 + 10 × 87.3 ÷ 90 (= 9.7)', () => {
    const s = scoreEvaluation(ev);
    expect(f2(s.execution.computed)).toBe('9.5');
    expect(f2(s.computedTotal)).toBe('99.2');
    expect(s.computedGrade).toBe('优');
  });
});

describe('examples/projects/project-uniforms-yuan-2022.json (printed in 元, the 2021 tree with 成本 at level 1, clean)', () => {
  const ev = load('projects/project-uniforms-yuan-2022.json');
  it('records the printed unit and keeps amounts in 万元 (37,467 元 = 3.7467 万元)', () => {
    expect(ev.funds.sourceUnit).toBe('元');
    expect(ev.funds.total.executed).toBe('3.7467');
  });
  it('audits clean', () => {
    expect(lines(auditEvaluation(ev).findings)).toEqual([]);
  });
  it('scores 10 × 3.7467 ÷ 3.75 = 9.9912 + 40 + 10 + 30 + 10 × 93.1 ÷ 95 (= 9.8) = 99.79 with weights 10 + 40 + 10 + 30 + 10 = 100', () => {
    const s = scoreEvaluation(ev);
    expect(s.execution.computed!.toString()).toBe('9.9912');
    expect(f2(s.totalWeight)).toBe('100');
    expect(f2(s.computedTotal)).toBe('99.79');
  });
});

describe('examples/projects/project-elderly-care-errors-2023.json (typical errors)', () => {
  const r = auditEvaluation(load('projects/project-elderly-care-errors-2023.json'));
  it('finds exactly: sources not adding up, the rate on 年初预算数 and its score, a score above its weight', () => {
    expect(lines(r.findings)).toEqual([
      // 本年财政拨款 230 + 上年结转 15 = 245 against 全年预算数 250
      'error funds-source-sum @funds.total.adjusted 250→245',
      // 225 ÷ 250 = 90%; 112.5% is 225 ÷ 200 (年初预算数)
      'error execution-rate-matches @budgetExecution.statedRate 112.5→90',
      // 10 × min(225 ÷ 250, 1) = 9; 10 is 10 × min(225 ÷ 200, 1)
      'error execution-score-matches @budgetExecution.selfScore 10→9',
      // 12 points in a 10-point cell; the total 10 + 12 + 15 + 15 + 10 + 15 + 15 + 9 = 101 exceeds 100
      'error score-within-weight @indicators.0.children.0.children.0.selfScore 12→10',
      'error score-within-weight @totals.statedScore 101→100',
      // the target (≥12个) is met, so the formula gives the full weight 10, not 12
      'warning self-score-within-formula @indicators.0.children.0.children.0.selfScore 12→10',
    ]);
  });
  it('says the rate was computed on the initial budget', () => {
    const f = r.findings.find((x) => x.rule === 'execution-rate-matches')!;
    expect(f.message).toContain('225 ÷ 年初预算数 200 = 112.5%');
  });
});

describe('examples/projects/transfer-provincial-road-2021.json (national transfer, clean)', () => {
  const ev = load('projects/transfer-provincial-road-2021.json');
  it('audits clean (中央 3600 + 地方 400 + 其他 0 = 4000 in 全年预算数 and 到位数; 3480 + 370 = 3850; rates 96.67% / 92.5% / 96.25%)', () => {
    expect(lines(auditEvaluation(ev).findings)).toEqual([]);
  });
  it('does not score execution; indicators 20 + 20 + 10 + 10 + 10 + 10 + 20 × 85.5 ÷ 90 (= 19) = 99', () => {
    const s = scoreEvaluation(ev);
    expect(s.execution.weight!.isZero()).toBe(true);
    expect(f2(s.totalWeight)).toBe('100');
    expect(f2(s.computedTotal)).toBe('99');
  });
});

describe('examples/projects/transfer-forestry-arrival-error-2024.json (到位率 error)', () => {
  const r = auditEvaluation(load('projects/transfer-forestry-arrival-error-2024.json'));
  it('finds the arrival rate 100% against 40 ÷ 52.8 = 75.76%, and a top grade with 30.8 ÷ 52.8 = 58.33% executed', () => {
    expect(lines(r.findings)).toEqual([
      'error arrival-rate-matches @budgetExecution.statedArrivalRate 100→75.76',
      'warning high-score-low-execution @budgetExecution.statedRate 58.33→90',
    ]);
    expect(r.findings[0]!.difference).toBe('24.24');
  });
});

describe('examples/department-with-projects (a department and its three project evaluations)', () => {
  const department = load('department-with-projects/department.json');
  const children = readdirSync(join(examples, 'department-with-projects/projects'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => load(`department-with-projects/projects/${f}`));

  it('every file audits clean alone, and the department audits clean with its children', () => {
    for (const c of children) expect(lines(auditEvaluation(c).findings)).toEqual([]);
    expect(lines(auditEvaluation(department).findings)).toEqual([]);
    expect(lines(auditEvaluation(department, { children }).findings)).toEqual([]);
  });
  it('rolls up: 80 + 120 + 500 = 700, 80 + 150 + 500 = 730, 76 + 150 + 450 = 676; 676 ÷ 730 = 92.6%', () => {
    const r = computeProjectRollup(children, { projectCount: department.funds.projectCount });
    expect([r.funds.initial.sum, r.funds.adjusted.sum, r.funds.executed.sum].map(f2)).toEqual(['700', '730', '676']);
    expect(formatDecimal(r.execution.rate!.times(100), 1)).toBe('92.6');
    expect([r.coverage.evaluated, r.coverage.of]).toEqual([3, 3]);
  });
  it('scores: average (97.5 + 99 + 96) ÷ 3 = 97.5, lowest 96 (the transfer)', () => {
    const r = computeProjectRollup(children);
    expect(f2(r.statedScores.average)).toBe('97.5');
    expect(r.statedScores.lowest).toMatchObject({ name: '车辆购置税收入补助地方资金（农村公路建设）' });
    expect(f2(r.statedScores.lowest!.score)).toBe('96');
    expect(r.children.map((c) => f2(c.computedScore))).toEqual(['97.5', '99', '96']);
  });
  it('a child changed after the department report (150 → 140 executed) breaks the roll-up where it shows', () => {
    const changed = children.map((c, i) =>
      i === 1 ? { ...c, funds: { ...c.funds, total: { ...c.funds.total, executed: '140' } } } : c,
    );
    const found = auditEvaluation(department, { children: changed }).findings.filter((f) => f.rule === 'project-rollup-matches');
    expect(lines(found)).toEqual([
      // 76 + 140 + 450 = 666 against the stated 676
      'error project-rollup-matches @funds.project.executed 676→666',
      // the department's line for 交通安全设施维护 says 150
      'error project-rollup-matches @funds.projectLines.1.executed 150→140',
      // 666 ÷ 730 = 91.23%
      'error project-rollup-matches @projectRollup.statedExecutionRate 92.6→91.23',
    ]);
  });
});
