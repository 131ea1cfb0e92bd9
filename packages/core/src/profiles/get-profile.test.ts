import { describe, expect, it } from 'vitest';
import { dec, sumDec } from '../decimal/decimal.js';
import { JxError } from '../errors/error-codes.js';
import { PROFILE_DATA, PROFILES, compareVersions, getProfile, listProfiles } from './get-profile.js';
import { kindWeights } from './kind-weights.js';
import { Profile } from './profile.js';

describe('shipped profile data', () => {
  for (const [file, data] of Object.entries(PROFILE_DATA)) {
    describe(`${file}.json`, () => {
      const parsed = Profile.safeParse(data);

      it('validates against the Profile schema', () => {
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      });

      it('is named after its id', () => {
        expect(parsed.success && parsed.data.id).toBe(file);
      });

      it('lists grades highest first with strictly decreasing minimums, the last at 0', () => {
        if (!parsed.success) throw new Error('invalid profile');
        const mins = parsed.data.grades.map((g) => dec(g.min));
        for (let i = 1; i < mins.length; i++) expect(mins[i]!.lessThan(mins[i - 1]!)).toBe(true);
        expect(mins[mins.length - 1]!.isZero()).toBe(true);
      });

      it('has level-1 template weights that add up to the kind’s total − its budget execution weight', () => {
        if (!parsed.success) throw new Error('invalid profile');
        const w = parsed.data.weights;
        for (const tree of [w.level1, ...w.level1Alternatives]) {
          for (const kind of ['project', 'department', 'transfer'] as const) {
            const kw = kindWeights(parsed.data, kind);
            const expected = dec(kw.total).minus(kw.budgetExecution);
            const xs = tree[kind];
            if (xs.length === 0) continue;
            expect(sumDec(xs.map((x) => dec(x.weight))).equals(expected), `${kind}: ${xs.map((x) => x.weight)}`).toBe(true);
          }
        }
      });

      it('has qualitative bands that are ordered and within [0, 1]', () => {
        if (!parsed.success) throw new Error('invalid profile');
        const b = parsed.data.qualitative.bands;
        for (const [lo, hi] of [b.achieved, b.partial, b.not_achieved]) {
          expect(dec(lo).lessThanOrEqualTo(hi)).toBe(true);
          expect(dec(lo).greaterThanOrEqualTo(0) && dec(hi).lessThanOrEqualTo(1)).toBe(true);
        }
        expect(dec(b.partial[1]).lessThanOrEqualTo(b.achieved[0])).toBe(true);
        expect(dec(b.not_achieved[1]).lessThanOrEqualTo(b.partial[0])).toBe(true);
      });

      it('states a basis, a description and a Chinese name', () => {
        if (!parsed.success) throw new Error('invalid profile');
        expect(parsed.data.basis.length).toBeGreaterThan(0);
        expect(parsed.data.description.length).toBeGreaterThan(0);
        expect(parsed.data.name).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  }
});

describe('the shipped profiles carry the domain rules', () => {
  it('national: 10 + 产出 50 / 效益 30 / 满意度 10, ratio reverse formula, 120%, 优良中差 90/80/60', () => {
    const p = getProfile('national');
    expect(p.version).toBe('2020.2');
    expect(p.weights.budgetExecution).toBe('10');
    expect(p.weights.level1.project.map((x) => [x.name, x.weight])).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
    expect(p.reverse.formula).toBe('target_over_actual');
    expect(p.quantitative.overAchievementThreshold).toBe('1.2');
    expect(p.qualitative.bands).toEqual({ achieved: ['0.8', '1'], partial: ['0.6', '0.8'], not_achieved: ['0', '0.6'] });
    expect(p.grades.map((g) => `${g.name}${g.min}`)).toEqual(['优90', '良80', '中60', '差0']);
    expect(p.weights.level1Alternatives.some((a) => a.project.some((x) => x.name === '成本指标'))).toBe(true);
  });
  it('henan: department tree 投入管理 20 + 产出 40 + 效益 30', () => {
    expect(getProfile('henan').weights.level1.department.map((x) => x.weight)).toEqual(['20', '40', '30']);
  });
  it('hebei: 优秀 85 / 良好 75 / 一般 60 / 较差', () => {
    expect(getProfile('hebei').grades.map((g) => `${g.name}${g.min}`)).toEqual(['优秀85', '良好75', '一般60', '较差0']);
  });
});

describe('getProfile', () => {
  it('finds a profile by id and by id@version', () => {
    expect(getProfile('hunan').id).toBe('hunan');
    const v = getProfile('hunan').version;
    expect(getProfile(`hunan@${v}`).version).toBe(v);
    expect(getProfile(' HUNAN ').id).toBe('hunan');
  });

  it('throws UNKNOWN_PROFILE listing the known ids for an unknown id', () => {
    try {
      getProfile('guangxi');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JxError);
      expect((e as JxError).code).toBe('UNKNOWN_PROFILE');
      for (const id of ['national', 'hunan', 'henan', 'hebei']) expect((e as JxError).message).toContain(id);
    }
  });

  it('throws UNKNOWN_PROFILE for an unknown version, naming the versions it has', () => {
    try {
      getProfile('hunan@1999.1');
      expect.unreachable();
    } catch (e) {
      expect((e as JxError).code).toBe('UNKNOWN_PROFILE');
      expect((e as JxError).message).toContain('1999.1');
      expect((e as JxError).message).toContain(`hunan@${getProfile('hunan').version}`);
    }
  });

  it('picks the latest version when several are shipped', () => {
    const base = getProfile('hunan');
    const older = { ...base, version: '2021.9' };
    const newer = { ...base, version: '2023.10' };
    const set = [older, base, newer];
    expect(getProfile('hunan', set).version).toBe('2023.10');
    expect(getProfile('hunan@2021.9', set).version).toBe('2021.9');
    expect(listProfiles(set)).toHaveLength(1);
  });
});

describe('listProfiles / compareVersions', () => {
  it('lists one entry per id, national first', () => {
    const ids = listProfiles().map((p) => p.id);
    expect(ids[0]).toBe('national');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...new Set(PROFILES.map((p) => p.id))].sort());
  });
  it('compares versions numerically', () => {
    expect(compareVersions('2023.10', '2023.9')).toBe(1);
    expect(compareVersions('2020.1', '2020.1')).toBe(0);
    expect(compareVersions('2019.1', '2020.1')).toBe(-1);
  });
});
