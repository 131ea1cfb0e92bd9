import { describe, expect, it } from 'vitest';
import { parseEvaluation, parseEvaluationJson } from './parse-evaluation.js';

const minimal = { kind: 'department', fiscalYear: 2023 };

describe('parseEvaluation', () => {
  it('fills defaults: nulls for unstated figures, the national profile', () => {
    const r = parseEvaluation(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.profile).toBe('national');
    expect(r.value.funds.total).toEqual({ initial: null, adjusted: null, executed: null, arrived: null, statedRate: null });
    expect(r.value.projectRollup.evaluatedCount).toBeNull();
    expect(r.value.signatures.filler).toBeNull();
    expect(r.value.indicators).toEqual([]);
  });

  it('keeps amounts as decimal strings exactly as typed, from strings or JSON numbers', () => {
    const r = parseEvaluation({ ...minimal, funds: { total: { initial: 263.38, adjusted: '276.70', executed: '1,276.7' } } });
    expect(r.ok && r.value.funds.total).toEqual({ initial: '263.38', adjusted: '276.70', executed: '1276.7', arrived: null, statedRate: null });
  });

  it('stated percentages drop the sign but keep their digits', () => {
    const r = parseEvaluation({ ...minimal, budgetExecution: { statedRate: '36.60%' } });
    expect(r.ok && r.value.budgetExecution.statedRate).toBe('36.60');
  });

  it('rejects a negative budget naming the field', () => {
    const r = parseEvaluation({ ...minimal, funds: { total: { initial: '-1' } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NEGATIVE_AMOUNT');
    expect(r.error.issues[0]).toMatchObject({ field: 'funds.total.initial', label: '年初预算数' });
  });

  it('rejects weights above 100 and text where a number belongs', () => {
    const w = parseEvaluation({ ...minimal, indicators: [{ name: '产出指标', weight: 101 }] });
    expect(!w.ok && w.error.code).toBe('WEIGHT_OUT_OF_RANGE');
    const t = parseEvaluation({ ...minimal, totals: { statedScore: '九十九' } });
    expect(!t.ok && t.error.code).toBe('NOT_A_NUMBER');
    expect(!t.ok && t.error.issues[0]?.field).toBe('totals.statedScore');
  });

  it('reports several problems at once as SCHEMA_INVALID with each field', () => {
    const r = parseEvaluation({ kind: 'x', fiscalYear: 'abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SCHEMA_INVALID');
    expect(r.error.issues.map((i) => i.field).sort()).toEqual(['fiscalYear', 'kind']);
    expect(r.error.issues.every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
  });
});

describe('parseEvaluationJson', () => {
  it('gives the line and column of a syntax error', () => {
    const r = parseEvaluationJson('{\n  "kind": "department",\n  oops\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('JSON_SYNTAX');
    expect(r.error.issues[0]?.line).toBe(3);
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseEvaluationJson(`\uFEFF${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    for (const s of ['', 'null', '[]', '"x"', '1e999', '{"kind":null}', '{'.repeat(10000)]) {
      expect(() => parseEvaluationJson(s)).not.toThrow();
    }
  });
});

describe('defaults are fresh for every parse', () => {
  it('no nested default object is shared between two parsed evaluations', () => {
    const a = parseEvaluation(minimal);
    const b = parseEvaluation(minimal);
    if (!a.ok || !b.ok) throw new Error('minimal evaluation should parse');
    a.value.funds.total.executed = '1';
    expect(b.value.funds.total.executed).toBeNull();
    expect(a.value.funds.total).not.toBe(b.value.funds.total);
  });

  it('emptyBaseData gives an independent sheet each time', async () => {
    const { emptyBaseData } = await import('./evaluation.js');
    const x = emptyBaseData();
    x.threePublic.total.actual = '0.33';
    expect(emptyBaseData().threePublic.total.actual).toBeNull();
  });
});
