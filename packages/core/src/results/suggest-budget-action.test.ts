import { describe, expect, it } from 'vitest';
import { PROFILES, getProfile } from '../profiles/get-profile.js';
import { suggestBudgetAction } from './suggest-budget-action.js';

describe('suggestBudgetAction', () => {
  const national = getProfile('national');
  it('差 → cut or stop, 优 → priority (national rules)', () => {
    expect(suggestBudgetAction(national, { sampleGrade: null, reviewTotal: null, computedGrade: '差' })).toMatchObject({ action: 'cut_or_stop', gradeBasis: 'computed', actionLabel: '大幅压减或取消' });
    expect(suggestBudgetAction(national, { sampleGrade: null, reviewTotal: null, computedGrade: '优' }).action).toBe('priority');
  });
  it('the third-party grade wins over the re-score, which wins over the computed grade', () => {
    expect(suggestBudgetAction(national, { sampleGrade: '中', reviewTotal: '95', computedGrade: '优' })).toMatchObject({ grade: '中', gradeBasis: 'sample', action: 'reduce' });
    expect(suggestBudgetAction(national, { sampleGrade: null, reviewTotal: '55', computedGrade: '优' })).toMatchObject({ grade: '差', gradeBasis: 'review' });
  });
  it('an ungradable total gets the profile’s “verify first” action', () => {
    expect(suggestBudgetAction(national, { sampleGrade: null, reviewTotal: null, computedGrade: null })).toMatchObject({ grade: null, action: 'review' });
  });
  it('a profile with its own grade names maps them (hebei: 较差 → cut or stop)', () => {
    expect(suggestBudgetAction(getProfile('hebei'), { sampleGrade: null, reviewTotal: null, computedGrade: '较差' }).action).toBe('cut_or_stop');
  });
  it.each(PROFILES.map((p) => [p.id, p] as const))('%s maps every grade it has to an action it lists', (_id, p) => {
    const ids = p.resultApplication.actions.map((a) => a.id);
    for (const g of p.grades) expect(ids, g.name).toContain(p.resultApplication.byGrade[g.name]);
    expect(ids).toContain(p.resultApplication.ungradable);
  });
});
