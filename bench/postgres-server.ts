/**
 * A PostgreSQL server for benchmarks with a real server's durability (fsync and synchronous
 * commit on, unlike the tests' throwaway server): Debian's postgresql, initdb into a temp
 * folder, started on 127.0.0.1 with a free port; as root it runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, POSTGRES_MISSING } from '../packages/server/test/postgres.ts';

export interface BenchPostgres {
  url: string;
  port: number;
  stop(): void;
}

function freePortSync(): number {
  const r = spawnSync(process.execPath, ['-e', "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

/**
 * `replicaOf`: a hot standby of that running server instead of an empty one (pg_basebackup with
 * streaming replication; read-only, replaying the primary's WAL as it comes).
 */
export function startRealPostgres(extra: string[] = [], replicaOf?: BenchPostgres): BenchPostgres {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  chmodSync(data, 0o700);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chmodSync(dir, 0o755);
    chownSync(dir, uid, gid);
    chownSync(data, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const r = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr || r.stdout}`);
  };
  if (replicaOf) run(join(bin, 'pg_basebackup'), ['-D', data, '-h', '127.0.0.1', '-p', String(replicaOf.port), '-U', 'postgres', '-R', '-X', 'stream', '--checkpoint=fast']);
  else run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = freePortSync();
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-k ${dir}`, '-c max_connections=300', ...extra].join(' ');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', settings, 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
