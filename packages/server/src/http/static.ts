/**
 * Serves the built web app; unknown non-API paths get index.html (client-side routing). Hashed
 * files under assets/ are immutable (cached for a year); everything else is revalidated. A file
 * the build pre-compressed (`.br`, `.gz` beside it: packages/web/vite.config.ts) is sent in the
 * best encoding the browser accepts, with `Vary: Accept-Encoding`; assets are read from disk once
 * per process.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
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

type Encoding = 'br' | 'gzip';
interface StaticFile {
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
}

const readOrNull = (file: string) => readFile(file).catch(() => null);

async function load(file: string): Promise<StaticFile> {
  const [identity, br, gzip] = await Promise.all([readFile(file), readOrNull(`${file}.br`), readOrNull(`${file}.gz`)]);
  return { identity, br, gzip };
}

/** The encodings the request accepts (q > 0), from its Accept-Encoding header. */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const out = new Set<Encoding>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    if (q !== undefined && Number(q) <= 0) continue;
    if (name === 'br' || name === 'gzip') out.add(name);
  }
  return out;
}

function send(c: Context<AppEnv>, f: StaticFile, type: string, cacheControl: string): Response {
  const accepted = acceptedEncodings(c.req.header('accept-encoding'));
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': cacheControl };
  if (f.br || f.gzip) headers.Vary = 'Accept-Encoding';
  const [encoding, body] = f.br && accepted.has('br') ? (['br', f.br] as const) : f.gzip && accepted.has('gzip') ? (['gzip', f.gzip] as const) : ([null, f.identity] as const);
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = String(body.length); // below 1 kB the API's gzip leaves it as it is
  return c.body(new Uint8Array(body), 200, headers);
}

export function serveWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = resolve(webDir);
  /** Hashed assets never change under their name: kept in memory once read. */
  const assets = new Map<string, Promise<StaticFile>>();
  app.get('*', async (c) => {
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return c.notFound();
    const immutable = rel.startsWith('assets/');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    try {
      if (immutable && assets.has(file)) return send(c, await assets.get(file)!, type, 'public, max-age=31536000, immutable');
      const st = await stat(file);
      if (st.isFile()) {
        const loaded = load(file);
        if (immutable) {
          assets.set(file, loaded);
          loaded.catch(() => assets.delete(file));
        }
        return send(c, await loaded, type, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
    } catch {
      // fall through to the SPA entry
    }
    if (extname(rel) && !rel.endsWith('.html')) return c.notFound();
    try {
      return send(c, await load(join(root, 'index.html')), TYPES['.html']!, 'no-cache');
    } catch {
      return c.notFound();
    }
  });
}
