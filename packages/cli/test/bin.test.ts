// The built `jixiao` binary, as a user runs it after `npm install`.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir, repoRoot } from './helpers.js';

const bin = join(repoRoot, 'node_modules/.bin/jixiao');

beforeAll(() => {
  execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-b', 'packages/cli'], { cwd: repoRoot, stdio: 'pipe' });
  execFileSync(process.execPath, [join(repoRoot, 'scripts/postbuild.mjs')]);
});

describe('the jixiao binary', () => {
  it('scores a bundled example through node_modules/.bin (what npx runs)', () => {
    const r = spawnSync(bin, ['score', join(examplesDir, 'seed-003-henan-2021.json')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('计算总分');
  });

  it('exits non-zero with a Chinese message and no stack trace on a missing file', () => {
    const r = spawnSync(bin, ['audit', 'no-such-file.json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到文件');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
