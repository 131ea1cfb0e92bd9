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
  it('does not fire when the unit names itself', () => {
    expect(run(unitNamed, { unit: { name: '党政办公室' } })).toEqual([]);
  });
});
