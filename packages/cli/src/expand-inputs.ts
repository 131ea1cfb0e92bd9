/**
 * Expand command-line inputs into files: plain files, folders (recursively, supported
 * extensions only) and quoted glob patterns (`*`, `**`, `?`) for shells that don't expand them.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { JxError } from '@jixiao/core';
import { SUPPORTED_EXTENSIONS } from './read-evaluation-file.js';

const MAX_FILES = 100_000;

export async function expandInputs(inputs: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      out.push(...(await expandGlob(input, cwd)));
      continue;
    }
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) out.push(...(await walk(abs, input)));
    else out.push(input); // missing files are reported per file later
    if (out.length > MAX_FILES) throw new JxError('USAGE', `文件过多（超过 ${MAX_FILES} 个）`);
  }
  return [...new Set(out)];
}

async function walk(absDir: string, shownDir: string): Promise<string[]> {
  const entries = await readdir(absDir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const abs = join(absDir, e.name);
    const shown = join(shownDir, e.name);
    if (e.isDirectory()) files.push(...(await walk(abs, shown)));
    else if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase())) files.push(shown);
  }
  return files;
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        re += '.*';
        i++;
        if (pattern[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const normalised = pattern.split(sep).join('/');
  const firstWild = normalised.search(/[*?]/);
  const baseEnd = normalised.lastIndexOf('/', firstWild);
  const base = baseEnd >= 0 ? normalised.slice(0, baseEnd) : '.';
  const rest = baseEnd >= 0 ? normalised.slice(baseEnd + 1) : normalised;
  const re = globToRegExp(rest);
  const absBase = resolve(cwd, base);
  const info = await stat(absBase).catch(() => null);
  if (!info?.isDirectory()) return [];
  const all = await walk(absBase, '');
  return all
    .map((f) => f.split(sep).join('/'))
    .filter((f) => re.test(f))
    .map((f) => (base === '.' ? f : `${base}/${f}`));
}
