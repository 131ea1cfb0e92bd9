import { describe, expect, it } from 'vitest';
import { parseEvaluation } from './parse-evaluation.js';

describe('source.incomplete: a text that is not a whole report', () => {
  it('is optional and null when absent, as before', () => {
    const r = parseEvaluation({ kind: 'project', fiscalYear: 2021, source: { file: 'a.txt', format: 'txt', title: null } });
    expect(r.ok && r.value.source?.incomplete).toBeNull();
  });

  it('records why and where a text was cut', () => {
    const r = parseEvaluation({ kind: 'project', fiscalYear: 2021, source: { incomplete: { reason: 'truncated', cutIn: 'indicators' } } });
    expect(r.ok && r.value.source?.incomplete).toEqual({ reason: 'truncated', cutIn: 'indicators' });
  });

  it('refuses an unknown reason with a Chinese message naming the field', () => {
    const r = parseEvaluation({ kind: 'project', fiscalYear: 2021, source: { incomplete: { reason: 'lost' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).toContain('incomplete.reason');
  });
});
