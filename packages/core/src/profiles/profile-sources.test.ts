import { describe, expect, it } from 'vitest';
import { PROFILE_DATA, PROFILES, getProfile } from './get-profile.js';
import { Profile } from './profile.js';
import { describeBasis, knobBasis, knobsWithoutSource, profileKnobs } from './profile-sources.js';

describe('every knob of every shipped profile names its source', () => {
  for (const p of PROFILES) {
    it(`${p.id}: no knob without a source`, () => {
      expect(knobsWithoutSource(p).map((k) => k.key)).toEqual([]);
    });
    it(`${p.id}: document numbers are real numbers or null, never placeholders`, () => {
      for (const d of p.sources.documents) {
        if (d.number !== null) expect(d.number, d.id).toMatch(/^[\u4e00-\u9fff]+〔\d{4}〕\d+号$/);
      }
    });
    it(`${p.id}: a verified knob cites a document; every note says something`, () => {
      for (const [key, s] of Object.entries(p.sources.knobs)) {
        if (s.verified) expect(s.document, key).not.toBeNull();
        expect(s.note.length, key).toBeGreaterThan(4);
      }
    });
    it(`${p.id}: the 运行监控 thresholds are in the profile's own file, listed as knobs, and honestly sourced`, () => {
      // Written out in the JSON, not left to the schema's default, so they are read and cited like every knob.
      const raw = PROFILE_DATA[p.id] as { monitoring?: { executionLag?: unknown; forecastTolerance?: unknown } };
      expect(raw.monitoring, 'monitoring').toEqual(p.monitoring);
      const keys = profileKnobs(p).map((k) => k.key);
      expect(keys).toEqual(expect.arrayContaining(['monitoring.executionLag', 'monitoring.forecastTolerance']));
      for (const k of ['monitoring.executionLag', 'monitoring.forecastTolerance']) {
        const b = knobBasis(p, k)!;
        // No document sets traffic-light thresholds that jixiao has read: jixiao's default, marked 未核实.
        if (b.document === null) expect(describeBasis(b), k).toBe('无文件依据（jixiao 默认）【未核实】');
        else expect(b.verified || describeBasis(b).includes('【未核实】'), k).toBe(true);
      }
    });
    it(`${p.id}: no source for a knob the profile does not have`, () => {
      const keys = new Set(profileKnobs(p).map((k) => k.key));
      const stray = Object.keys(p.sources.knobs).filter((k) => !keys.has(k) && k !== 'weights.level1.transfer');
      expect(stray).toEqual([]);
    });
  }
});

describe('knobsWithoutSource', () => {
  it('reports a knob whose source was removed', () => {
    const hunan = getProfile('hunan');
    const knobs = { ...hunan.sources.knobs };
    delete knobs['reverse.formula'];
    const p = Profile.parse({ ...(PROFILE_DATA.hunan as object), sources: { ...hunan.sources, knobs } });
    expect(knobsWithoutSource(p).map((k) => k.key)).toEqual(['reverse.formula']);
  });

  it('lists a knob added to a profile (a severity override) until it has a source', () => {
    const national = getProfile('national');
    const p = Profile.parse({ ...(PROFILE_DATA.national as object), severity: { 'over-achievement-explained': 'error', 'unit-named': 'error' } });
    expect(knobsWithoutSource(p).map((k) => k.key)).toEqual(['severity.unit-named']);
    expect(national.severity['over-achievement-explained']).toBe('warning');
  });

  it('rejects a source that cites a document the profile does not list', () => {
    const bad = { ...(PROFILE_DATA.national as { sources: { knobs: object } }) };
    const r = Profile.safeParse({
      ...bad,
      sources: { documents: [], knobs: { 'weights.total': { document: 'nowhere', verified: false, note: '测试用例' } } },
    });
    expect(r.success).toBe(false);
  });
});

describe('knobBasis', () => {
  it('resolves a verified knob to its document', () => {
    const b = knobBasis(getProfile('hebei'), 'grades')!;
    expect(b.verified).toBe(true);
    expect(b.document?.level).toBe('report');
    expect(describeBasis(b)).not.toContain('未核实');
  });
  it('marks an unverified knob, and says when no document exists', () => {
    const b = knobBasis(getProfile('national'), 'quantitative.overAchievementThreshold')!;
    expect(b.verified).toBe(false);
    expect(describeBasis(b)).toContain('【未核实】');
    expect(describeBasis(knobBasis(getProfile('national'), 'notApplicable')!)).toContain('无文件依据');
  });
  it('hunan no longer cites a document number it does not know', () => {
    const p = getProfile('hunan');
    expect(JSON.stringify(p)).not.toContain('〔…〕');
    expect(p.sources.documents.every((d) => d.number === null || !d.number.includes('…'))).toBe(true);
  });
});
