import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { unitNamed } from './unit-named.js';

describe('unit-named', () => {
  it('fires when the unit name is missing', () => {
    expect(run(unitNamed, { unit: { name: null } })).toHaveLength(1);
  });
  it('fires when the unit name is only spaces', () => {
    expect(run(unitNamed, { unit: { name: '　 ' } })).toHaveLength(1);
  });
  it('is a note on a text cut before its end (the name may be in the signature past the cut)', () => {
    const [f] = run(unitNamed, { unit: { name: null }, source: { file: null, format: 'txt', title: null, incomplete: { reason: 'truncated', cutIn: null } } });
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('仅作提示');
  });
  it('does not fire when the unit names itself', () => {
    expect(run(unitNamed, { unit: { name: '党政办公室' } })).toEqual([]);
  });
});
