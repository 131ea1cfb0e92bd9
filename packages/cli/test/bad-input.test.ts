import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examplesDir, tempFile } from './helpers.js';

const seed = () => JSON.parse(readFileSync(join(examplesDir, 'seed-001-hunan-2023.json'), 'utf8'));

function expectCleanFailure(r: { code: number; stdout: string; stderr: string }) {
  expect(r.code).not.toBe(0);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(r.stderr).toMatch(/[\u4e00-\u9fff]/); // a Chinese message
}

describe('bad input gets a clear error, a non-zero exit and no stack trace', () => {
  it('malformed JSON names the line', async () => {
    const f = tempFile('bad.json', '{\n  "kind": "department",\n  "fiscalYear": 2023,,\n}');
    const r = await cli(['audit', f]);
    expectCleanFailure(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('JSON_SYNTAX');
    expect(r.stderr).toMatch(/第 3 行/);
  });

  it('a negative budget names the field', async () => {
    const ev = seed();
    ev.funds.total.initial = '-263.38';
    const r = await cli(['score', tempFile('neg.json', JSON.stringify(ev))]);
    expectCleanFailure(r);
    expect(r.stderr).toContain('NEGATIVE_AMOUNT');
    expect(r.stderr).toContain('funds.total.initial');
    expect(r.stderr).toContain('年初预算数');
  });

  it('a weight above 100 names the field', async () => {
    const ev = seed();
    ev.indicators[0].weight = '150';
    const r = await cli(['audit', tempFile('w.json', JSON.stringify(ev))]);
    expectCleanFailure(r);
    expect(r.stderr).toContain('WEIGHT_OUT_OF_RANGE');
    expect(r.stderr).toContain('indicators.0.weight');
  });

  it('text where a number belongs names the field', async () => {
    const ev = seed();
    ev.funds.total.executed = '二百七十六';
    const r = await cli(['audit', tempFile('t.json', JSON.stringify(ev))]);
    expectCleanFailure(r);
    expect(r.stderr).toContain('NOT_A_NUMBER');
    expect(r.stderr).toContain('funds.total.executed');
  });

  it('a schema violation (unknown kind, missing year) lists each field', async () => {
    const r = await cli(['audit', tempFile('s.json', JSON.stringify({ kind: 'whole' }))]);
    expectCleanFailure(r);
    expect(r.stderr).toContain('kind');
    expect(r.stderr).toContain('fiscalYear');
  });

  it('an unknown profile lists the known ones', async () => {
    const r = await cli(['score', join(examplesDir, 'seed-001-hunan-2023.json'), '--profile', 'atlantis']);
    expectCleanFailure(r);
    expect(r.stderr).toContain('UNKNOWN_PROFILE');
    expect(r.stderr).toContain('national');
  });

  it('a missing file, an unknown command and an unknown option', async () => {
    const missing = await cli(['audit', '/nonexistent/x.json']);
    expectCleanFailure(missing);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
    const unknown = await cli(['frobnicate']);
    expectCleanFailure(unknown);
    expect(unknown.stderr).toContain('未知命令');
    const option = await cli(['audit', '--colour']);
    expectCleanFailure(option);
    expect(option.stderr).toContain('未知选项');
    const failOn = await cli(['audit', join(examplesDir, 'seed-001-hunan-2023.json'), '--fail-on', 'never']);
    expectCleanFailure(failOn);
    expect(failOn.stderr).toContain('--fail-on');
  });

  it('an empty file', async () => {
    const r = await cli(['audit', tempFile('empty.json', '')]);
    expectCleanFailure(r);
    expect(r.stderr).toContain('FILE_EMPTY');
  });
});
