import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Serves the built web app; unknown non-API paths get index.html (client-side routing). */
export function serveWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = resolve(webDir);
  app.get('*', async (c) => {
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return c.notFound();
    try {
      const st = await stat(file);
      if (st.isFile()) {
        const body = await readFile(file);
        const immutable = rel.startsWith('assets/');
        return c.body(body, 200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    } catch {
      // fall through to the SPA entry
    }
    if (extname(rel) && !rel.endsWith('.html')) return c.notFound();
    try {
      return c.body(await readFile(join(root, 'index.html')), 200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
    } catch {
      return c.notFound();
    }
  });
}
