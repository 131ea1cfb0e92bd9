import { startServer } from '@jixiao/server';
const s = await startServer({ dataDir: '/tmp/jx-smoke', port: 3999 });
const j = async (method: string, path: string, body?: unknown, h: Record<string,string> = {}) => {
  const r = await fetch(s.url + path, { method, headers: { 'content-type': 'application/json', ...h }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, headers: r.headers, body: await r.text() };
};
const login = await j('POST', '/api/auth/login', { username: 'caizheng', password: 'jixiao-demo-2026' });
console.log(login.status, login.body.slice(0, 300));
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const list = await j('GET', '/api/evaluations', undefined, { cookie });
console.log(list.status, list.body.slice(0, 1500));
const d = await j('GET', '/api/evaluations/1', undefined, { cookie });
console.log(d.status, d.body.length, JSON.parse(d.body).allowedActions, JSON.parse(d.body).problems);
console.log((await j('GET', '/api/dashboard', undefined, { cookie })).body.slice(0, 800));
console.log((await j('GET', '/api/public/reports')).body.slice(0, 500));
await s.close();
