/** Seed 004's figures (年初 8779.84 → 调整 9593.18, 支付 9565.63) scored by the department framework. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { parseEvaluationJson } from '../model/parse-evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/seed-004-hebei-2023.json');
const parsed = parseEvaluationJson(readFileSync(file, 'utf8'));
if (!parsed.ok) throw parsed.error;
const r = scoreEvaluation(parsed.value, getProfile('yueyang-department'));
const line = (name: string) => r.indicators.find((x) => x.name === name)!;

describe('department framework on seed 004’s figures', () => {
  it('预算调整率 (9593.18 − 8779.84) ÷ 8779.84 = 9.26%: the 0–10% step, 2 of 3', () => {
    expect(formatDecimal(line('预算调整率').computed!)).toBe('2');
    expect(line('预算调整率').explanation).toContain('9.26%');
  });
  it('staffing and 三公经费 are not in the report: unscored, with the missing input named', () => {
    expect(line('财政供养人员控制率').computed).toBeNull();
    expect(line('财政供养人员控制率').explanation).toContain('缺少实际在职人数、编制数');
  });
  it('lists 预算完成率 only when the form does (the 参考样表 has no such line)', () => {
    expect(r.indicators.some((x) => x.name === '预算完成率')).toBe(false);
  });
  it('no grade: the stated 99 has no indicator scores behind it', () => {
    expect(r.computedGrade).toBeNull();
    expect(r.statedTotal!.toString()).toBe('99');
  });
});
