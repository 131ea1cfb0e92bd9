/**
 * Seed 001's base-data sheet (基础数据表: 编制 12 / 在职 11; 三公经费 0.31 → 0.33, budget 0.33;
 * 年初 263.38 → 全年 276.7) scored by the Yueyang department framework (参考样表 deductions).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../decimal/decimal.js';
import { parseEvaluationJson } from '../model/parse-evaluation.js';
import { getProfile } from '../profiles/get-profile.js';
import { scoreEvaluation } from './score-evaluation.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/seed-001-hunan-2023.json');
const parsed = parseEvaluationJson(readFileSync(file, 'utf8'));
if (!parsed.ok) throw parsed.error;
const r = scoreEvaluation(parsed.value, getProfile('yueyang-department'));
const line = (name: string) => r.indicators.find((x) => x.name === name)!;
const shown = (name: string) => formatDecimal(line(name).computed!);

describe('department framework on seed 001’s base-data figures', () => {
  it('财政供养人员控制率 11 ÷ 12 = 91.67% ≤ 100%: full 5', () => {
    expect(shown('财政供养人员控制率')).toBe('5');
    expect(line('财政供养人员控制率').status).toBe('base_data');
    expect(line('财政供养人员控制率').explanation).toContain('11 ÷ 12 = 91.67%');
  });
  it('“三公经费”变动率 (0.33 − 0.31) ÷ 0.31 = 6.45%: 5 − 6.45 × 0.5 = 1.77', () => {
    expect(shown('“三公经费”变动率')).toBe('1.77');
    expect(line('“三公经费”变动率').explanation).toContain('扣 6.45 × 0.5 = 3.23 分');
  });
  it('“三公经费”控制率 0.33 ÷ 0.33 = 100%: full 6', () => {
    expect(shown('“三公经费”控制率')).toBe('6');
  });
  it('预算调整率 (276.7 − 263.38) ÷ 263.38 = 5.06%: the 0–10% step, 2 of 3', () => {
    expect(shown('预算调整率')).toBe('2');
    expect(line('预算调整率').explanation).toContain('5.06%');
  });
  it('judgement lines the form does not list are unscored, and say so', () => {
    const j = line('管理制度健全性');
    expect(j.computed).toBeNull();
    expect(j.stated).toBeNull();
    expect(j.explanation).toContain('判断性指标');
  });
  it('scores the form’s own 产出 and 效益 indicators as 产出 / 效果, and leaves 满意度 out, saying so', () => {
    expect(formatDecimal(r.level1.find((l) => l.name === '产出')!.computed!)).toBe('84.96');
    expect(formatDecimal(r.level1.find((l) => l.name === '效果')!.computed!)).toBe('10');
    expect(r.explanation.join('\n')).toContain('“受益群众的满意度”不在评分框架内');
  });
  it('does not grade a total with unscored lines', () => {
    expect(r.computedGrade).toBeNull();
    expect(r.ungradableReason).toMatch(/^无法定级：.*既无法计算也未填报得分/);
  });
  it('each line names its source; lines not seen in the 参考样表 are unverified', () => {
    const byKnob = new Map(r.basis.map((b) => [b.knob, b]));
    expect(byKnob.get('departmentFramework.three-public-change-rate')).toMatchObject({ verified: true, document: { level: 'city' } });
    expect(byKnob.get('departmentFramework.fixed-asset-utilisation-rate')?.verified).toBe(false);
  });
});
