import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../api/types.js';
import { findingsByPrefix, parseRowFindings, statusFor } from './findings.js';

const f = (path: string, severity: FindingJson['severity'] = 'error'): FindingJson => ({
  rule: 'r', severity, category: 'accuracy', message: `m ${path}`, location: { path, label: null, source: null }, reported: null, expected: null, difference: null,
});

describe('findingsByPrefix', () => {
  const rows = ['indicators.0.children.0', 'indicators.0.children.0.children.0', 'indicators.0.children.0.children.1'];
  it('gives each finding to the deepest row that holds its path', () => {
    const m = findingsByPrefix([f('indicators.0.children.0.children.1.actual'), f('indicators.0.children.0.weight', 'warning'), f('funds.total.executed')], rows);
    expect(parseRowFindings(m.get('indicators.0.children.0.children.1'))).toEqual([{ field: 'actual', severity: 'error', message: 'm indicators.0.children.0.children.1.actual' }]);
    expect(statusFor(parseRowFindings(m.get('indicators.0.children.0')), 'weight')).toBe('warning');
    expect(m.has('indicators.0.children.0.children.0')).toBe(false);
  });
  it('yields equal strings for equal findings, so memoised rows see no change', () => {
    const a = findingsByPrefix([f('indicators.0.children.0.children.1')], rows);
    const b = findingsByPrefix([f('indicators.0.children.0.children.1')], rows);
    expect(a.get('indicators.0.children.0.children.1')).toBe(b.get('indicators.0.children.0.children.1'));
  });
});
