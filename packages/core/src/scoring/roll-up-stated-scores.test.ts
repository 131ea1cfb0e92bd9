import { describe, expect, it } from 'vitest';
import { Evaluation } from '../model/evaluation.js';
import { rollUpStatedScores } from './roll-up-stated-scores.js';

const ev = (l1Score: string | null, scores: (string | null)[]) =>
  Evaluation.parse({
    kind: 'project',
    fiscalYear: 2025,
    indicators: [
      {
        name: '产出指标',
        weight: '50',
        selfScore: l1Score,
        children: [
          { name: '数量指标', children: [{ name: 'a', weight: '20', selfScore: scores[0] }, { name: 'b', weight: '10', selfScore: scores[1] }] },
          { name: '质量指标', weight: '20', children: [{ name: 'c', weight: '20', selfScore: scores[2] }] },
          { name: '时效指标', children: [] },
        ],
      },
    ],
  });

describe('rollUpStatedScores', () => {
  it('sums level-2 and level-1 scores from the leaves when the unit stated only the leaves (an empty level-2 adds nothing)', () => {
    const r = rollUpStatedScores(ev(null, ['18', '10', '17.5']));
    expect(r.level2.map((x) => x.score)).toEqual([{ value: '28', derived: true }, { value: '17.5', derived: true }, { value: null, derived: false }]);
    expect(r.level1[0]).toMatchObject({ score: { value: '45.5', derived: true }, weight: { value: '50', derived: false } });
    expect(r.level2[0]!.weight).toEqual({ value: '30', derived: true });
  });
  it('keeps a stated level-1 score as stated', () => {
    expect(rollUpStatedScores(ev('44', ['18', '10', '17.5'])).level1[0]!.score).toEqual({ value: '44', derived: false });
  });
  it('leaves a gap when a leaf score is missing', () => {
    const r = rollUpStatedScores(ev(null, ['18', null, '17.5']));
    expect(r.level2[0]!.score.value).toBeNull();
    expect(r.level1[0]!.score).toEqual({ value: null, derived: false });
  });
});
