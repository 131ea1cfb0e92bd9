import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { targetsMetClaim } from './targets-met-claim.js';

const indicators = (actual: string) => [
  {
    name: '产出指标',
    children: [
      {
        name: '数量指标',
        children: [
          { name: '托养服务人次数', target: '不低于105人', actual: '116人' },
          { name: '燃油补贴人次数', target: '不低于180人', actual },
        ],
      },
    ],
  },
];
const met = { type: 'statement', says: 'targets_met', text: '该资金项目已按照计划完成目标' };

describe('targets-met-claim', () => {
  it('the text says the targets were met, an indicator is below its target', () => {
    const f = run(targetsMetClaim, { kind: 'transfer', indicators: indicators('164人'), claims: [met] });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('燃油补贴人次数');
    expect(f[0]!.message).toContain('164');
    expect(f[0]!.message).toContain('180');
  });

  it('nothing when every indicator reached its target, or the text claims nothing', () => {
    expect(run(targetsMetClaim, { kind: 'transfer', indicators: indicators('182人'), claims: [met] })).toEqual([]);
    expect(run(targetsMetClaim, { kind: 'transfer', indicators: indicators('164人'), claims: [] })).toEqual([]);
  });
});
