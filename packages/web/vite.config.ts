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

/**
 * src/early.ts as an entry of its own, its script placed first in index.html: it starts the
 * session check and the current page's data while the app's script (which needs the larger shared
 * chunks) still loads and runs. Merged into the app's entry, it would run only after them.
 */
function earlyScript(): Plugin {
  return {
    name: 'jixiao-early-script',
    config: () => ({ build: { rollupOptions: { input: { index: here('index.html'), early: here('src/early.ts') } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = ctx.bundle && Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        if (!chunk || chunk.type !== 'chunk') return [{ tag: 'script', attrs: { type: 'module', src: '/src/early.ts' }, injectTo: 'head-prepend' }];
        // Its few small imports fetched with it, not after it has been read.
        const preload = chunk.imports.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head-prepend' as const }));
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' }, ...preload];
      },
    },
  };
}

// Built into packages/web/dist; the server serves it at `/` and the API under `/api`.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), earlyScript(), precompress(here('dist'))],
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
