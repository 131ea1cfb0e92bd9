import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every text file of the build
 * of 1 kB or more, so the server sends the smallest one the browser accepts without compressing
 * per request (packages/server/src/http/static.ts).
 */
function precompress(dir: string): Plugin {
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  return {
    name: 'jixiao-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(dir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(file) || /[\\/]\.vite[\\/]/.test(file)) continue;
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
      }
    },
  };
}

// Built into packages/web/dist; the server serves it at `/` and the API under `/api`.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), precompress(here('dist'))],
  resolve: {
    alias: { '@jixiao/core': here('../core/src/index.ts') },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // .vite/manifest.json maps each page to its chunks (scripts/measure-chunks.mjs reads it)
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.JIXIAO_API ?? 'http://127.0.0.1:8080' },
  },
});
