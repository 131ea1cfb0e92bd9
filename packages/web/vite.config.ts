import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Built into packages/web/dist; the server serves it at `/` and the API under `/api`.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
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
