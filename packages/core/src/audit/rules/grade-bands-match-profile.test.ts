import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { gradeBandsMatchProfile } from './grade-bands-match-profile.js';

const bands = (top: string, names = ['优秀', '良好', '一般', '较差']) => ({
  claims: [
    {
      type: 'gradeBands' as const,
      bands: [
        { grade: names[0]!, min: top },
        { grade: names[1]!, min: '75', max: top },
        { grade: names[2]!, min: '60', max: '75' },
        { grade: names[3]!, min: '0', max: '60' },
      ],
    },
  ],
});

describe('grade-bands-match-profile', () => {
  it('fires when 优 starts at 85 but the national profile starts 优 at 90', () => {
    const f = run(gradeBandsMatchProfile, bands('85'), 'national');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('85');
  });
  it('does not fire when the stated 85/75/60 bands equal the hebei profile', () => {
    expect(run(gradeBandsMatchProfile, bands('85'), 'hebei')).toEqual([]);
  });
});
