/**
 * A throwaway PostgreSQL server for the tests: Debian's postgresql, initdb into a temp
 * directory, started on 127.0.0.1 with a private socket directory and a free port.
 * As root, the server runs as the `postgres` user (initdb refuses root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, chmodSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  port: number;
  dir: string;
  stop(): void;
  /** Stops the server but keeps its data (`pg_ctl stop -m fast|immediate`), for outage tests. */
  halt(mode: 'fast' | 'immediate'): void;
  /** Starts a halted server again on the same port and data. */
  resume(): void;
}

export const POSTGRES_MISSING =
  'PostgreSQL 未安装：服务器测试需要在真实的 PostgreSQL 上运行。请以 root 执行 `apt-get install -y --no-install-recommends postgresql`（Debian），然后重新运行测试。' +
  ' (PostgreSQL is not installed: run `apt-get install postgresql`.)';

export function findPostgresBin(base = '/usr/lib/postgresql'): string | null {
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')) && existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b, undefined, { numeric: true }));
  const v = versions.at(-1);
  return v ? join(base, v, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * `durable`: keep synchronous_commit on (the default of a real server), so a commit is
 * acknowledged only once its WAL is written and an immediate stop loses nothing acknowledged.
 * `replicaOf`: instead of an empty cluster, a hot standby of that running server (pg_basebackup
 * with streaming replication, read-only, replaying the primary's WAL as it comes).
 */
export async function startPostgres(installRoot?: string, opts: { durable?: boolean; replicaOf?: TestPostgres } = {}): Promise<TestPostgres> {
  const bin = findPostgresBin(installRoot);
  if (!bin) throw new Error(POSTGRES_MISSING);
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pg-'));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  mkdirSync(data);
  mkdirSync(sock);
  chmodSync(data, 0o700);
  const asPg = (cmd: string, args: string[]) => {
    const full = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : ([cmd, args] as const);
    const r = spawnSync(full[0], [...full[1]], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chmodSync(dir, 0o755);
    for (const p of [dir, data, sock]) chownSync(p, uid, gid);
  }
  if (opts.replicaOf) asPg(join(bin, 'pg_basebackup'), ['-D', data, '-h', '127.0.0.1', '-p', String(opts.replicaOf.port), '-U', 'postgres', '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
  else asPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  let port = 0;
  const settings = opts.durable ? '-c fsync=off' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const start = () =>
    asPg(join(bin, 'pg_ctl'), [
      '-D', data, '-l', join(sock, 'log'), '-w', '-t', '30',
      '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${sock} ${settings} -c max_connections=200`,
      'start',
    ]);
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (e) {
      if (attempt === 4) throw e;
    }
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    halt(mode) {
      asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    },
    resume() {
      start();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (existsSync(join(data, 'postmaster.pid'))) asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
