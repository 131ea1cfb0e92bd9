#!/usr/bin/env node
/**
 * JS sizes of the built web app, per page: the page's own chunk, and everything a first
 * visit to the page loads beyond the shell (its static imports not already in the shell).
 * Reads dist/.vite/manifest.json; prints a Markdown table (raw and gzip, kB = 1000 bytes). The
 * signed-in frame (Shell) and the public frame (PublicLayout) are lazy chunks of their own: a
 * private page's first visit is its row plus Shell's; the last line is the login page in all.
 *
 *   npm run build:web && node packages/web/scripts/measure-chunks.mjs
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const size = new Map();
const sizeOf = (file) => {
  if (!size.has(file)) {
    const buf = readFileSync(join(dist, file));
    size.set(file, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  return size.get(file);
};
/** Files loaded statically from a manifest key (the chunk and its static imports). */
const closure = (key, seen = new Set()) => {
  const m = manifest[key];
  if (!m || seen.has(m.file)) return seen;
  seen.add(m.file);
  for (const k of m.imports ?? []) closure(k, seen);
  return seen;
};
const sum = (files) => [...files].reduce((a, f) => ({ raw: a.raw + sizeOf(f).raw, gzip: a.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1000).toFixed(1);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const shell = closure(entryKey);
const shellSize = sum(shell);
const rows = [];
for (const key of manifest[entryKey].dynamicImports ?? []) {
  const m = manifest[key];
  const name = key.replace(/^.*\//, '').replace(/\.tsx?$/, '');
  const own = sizeOf(m.file);
  const extra = new Set([...closure(key)].filter((f) => !shell.has(f)));
  const first = sum(extra);
  rows.push({ name, own, first });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const css = Object.values(manifest).flatMap((m) => m.css ?? []);
console.log(`| page | own chunk raw kB | own chunk gzip kB | first visit beyond shell raw kB | gzip kB |`);
console.log(`|---|---:|---:|---:|---:|`);
console.log(`| (shell: entry + React + antd core + router) | ${kb(shellSize.raw)} | ${kb(shellSize.gzip)} | — | — |`);
for (const r of rows) console.log(`| ${r.name} | ${kb(r.own.raw)} | ${kb(r.own.gzip)} | ${kb(r.first.raw)} | ${kb(r.first.gzip)} |`);
// What a first visit to the sign-in page downloads in all (the shell, the login page, and what it imports).
const loginKey = (manifest[entryKey].dynamicImports ?? []).find((k) => /LoginPage\.tsx$/.test(k));
if (loginKey) {
  const all = sum(new Set([...shell, ...closure(loginKey)]));
  console.log(`\nLogin page, first visit in all (JS): ${kb(all.raw)} kB raw, ${kb(all.gzip)} kB gzip`);
}
if (css.length) console.log(`\nCSS: ${[...new Set(css)].map((f) => `${f} ${kb(sizeOf(f).raw)} kB (gzip ${kb(sizeOf(f).gzip)})`).join(', ')}`);
