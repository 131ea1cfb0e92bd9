import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../src/run-cli.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const examplesDir = join(repoRoot, 'examples');

/** Every .json under examples/ (sub-folders included, as `jixiao audit examples` walks them), relative paths, sorted. */
export function exampleJsonFiles(): string[] {
  return (readdirSync(examplesDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

export async function cli(args: string[], cwd = repoRoot) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, { stdout, stderr, cwd, env: { NO_COLOR: '1' } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-cli-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jx-cli-'));
}
