import { describe, expect, it } from 'vitest';
import { getProfile, kindWeights, listProfiles } from '@jixiao/core';
import { level1Template } from './live-score.js';

describe('level1Template: the level-1 rows an empty indicator table starts from', () => {
  it('is the kind\'s own template from core (a national transfer: 产出 50 / 效益 30 / 满意度 20, no execution line)', () => {
    expect(level1Template('national', 'transfer')).toEqual([
      { name: '产出指标', weight: '50' },
      { name: '效益指标', weight: '30' },
      { name: '满意度指标', weight: '20' },
    ]);
    expect(level1Template('national', 'project').map((l) => l.weight)).toEqual(['50', '30', '10']);
  });

  it('matches core\'s kindWeights for every shipped profile and kind', () => {
    for (const p of listProfiles()) {
      for (const kind of ['department', 'project', 'transfer'] as const) {
        const core = kindWeights(getProfile(p.id), kind).level1.map((l) => ({ name: l.name, weight: l.weight }));
        expect(level1Template(p.id, kind), `${p.id} ${kind}`).toEqual(core);
      }
    }
  });

  it('an unknown profile gives no template (the editor says so) rather than failing', () => {
    expect(level1Template('nowhere', 'transfer')).toEqual([]);
  });
});
