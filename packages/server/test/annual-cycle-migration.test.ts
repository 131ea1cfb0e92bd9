/**
 * Migration 20261130-0900-annual-cycle on a database that already holds flat targets (as filed
 * before targets became a tree), on PGlite and on PostgreSQL: every target gets a tree, approved
 * ones keep their approved and adjusted contents as versions 1 and 2, a pending adjustment gets
 * its proposed tree, and the migrated rows pass the tree validation.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { validateTargetTree } from '@jixiao/core';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DATABASE_KINDS, postgresUrl } from './databases.js';

const BEFORE = '20261129-1200-operations-hardening';

async function emptyDatabase(kind: (typeof DATABASE_KINDS)[number]): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://', migrate: false });
  const url = postgresUrl();
  const name = `jx_mig_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return openDatabase({ databaseUrl: url.replace(/\/[^/]*$/, `/${name}`), migrate: false, poolSize: 2 });
}

describe.each(DATABASE_KINDS)('targets become trees on %s', (kind) => {
  let d: Database;
  let ids: { draft: number; approved: number };

  beforeAll(async () => {
    d = await emptyDatabase(kind);
    const db = d.db as any;
    await migrateToLatest(db, { upTo: BEFORE });
    const region = (await db.insertInto('regions').values({ name: '旧市' }).returning('id').executeTakeFirstOrThrow()).id;
    const bureau = (await db.insertInto('bureaus').values({ region_id: region, name: '旧市财政局' }).returning('id').executeTakeFirstOrThrow()).id;
    const dept = (await db.insertInto('departments').values({ bureau_id: bureau, name: '旧部门' }).returning('id').executeTakeFirstOrThrow()).id;
    const unit = (await db.insertInto('units').values({ department_id: dept, name: '旧单位' }).returning('id').executeTakeFirstOrThrow()).id;
    const flat = (targets: [string, string][]) => JSON.stringify({ goal: '旧目标', indicators: targets.map(([name, target]) => ({ name, target })) });
    const row = (status: string, initial: string, adjusted: string | null) => ({ unit_id: unit, fiscal_year: 2024, name: `${status} 目标`, status, version: 1, initial, adjusted });
    const draft = await db.insertInto('targets').values(row('draft', flat([['巡察单位数量', '≥10个']]), null)).returning('id').executeTakeFirstOrThrow();
    const approved = await db
      .insertInto('targets')
      .values(row('approved', flat([['问题整改完成率', '≥95%'], ['群众满意度', '明显提升']]), flat([['问题整改完成率', '≥90%'], ['群众满意度', '明显提升']])))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('target_adjustments').values({ target_id: approved.id, reason: '任务调整', changes: JSON.stringify([{ name: '问题整改完成率', target: '≥90%' }]), status: 'approved' }).execute();
    await db.insertInto('target_adjustments').values({ target_id: approved.id, reason: '再次调整', changes: JSON.stringify([{ name: '问题整改完成率', target: '≥85%' }]), status: 'pending' }).execute();
    ids = { draft: draft.id, approved: approved.id };
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await d?.close();
  });

  it('gives every target a valid tree, the flat target text split into sign, value and unit', async () => {
    const rows = await d.db.selectFrom('targets').select(['id', 'tree', 'status', 'approved_version', 'kind']).orderBy('id').execute();
    for (const r of rows) expect(validateTargetTree(r.tree).ok).toBe(true);
    const draft = rows.find((r) => r.id === ids.draft)!;
    expect(draft).toMatchObject({ status: 'draft', approved_version: null, kind: 'department' });
    expect((draft.tree as any).indicators[0].children[0].children[0]).toMatchObject({ id: 'm1', name: '巡察单位数量', sign: '>=', value: '10', unitOfMeasure: '个' });
  });

  it('keeps the approved and the adjusted content as versions 1 and 2, and the pending adjustment’s proposal', async () => {
    const versions = await d.db.selectFrom('target_versions').selectAll().where('target_id', '=', ids.approved).orderBy('version_no').execute();
    expect(versions.map((v) => [v.version_no, v.kind, v.reason])).toEqual([
      [1, 'initial', null],
      [2, 'adjustment', '任务调整'],
    ]);
    const leafOf = (tree: unknown, k: number) => (tree as any).indicators[0].children[0].children[k];
    expect(leafOf(versions[0]!.tree, 0)).toMatchObject({ sign: '>=', value: '95', unitOfMeasure: '%' });
    expect(leafOf(versions[1]!.tree, 0)).toMatchObject({ value: '90' });
    expect(leafOf(versions[1]!.tree, 1)).toMatchObject({ sign: 'qualitative', value: '明显提升' });
    const t = await d.db.selectFrom('targets').select(['approved_version', 'tree']).where('id', '=', ids.approved).executeTakeFirstOrThrow();
    expect(t.approved_version).toBe(2);
    const pending = await d.db.selectFrom('target_adjustments').select('tree').where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(leafOf(pending.tree, 0)).toMatchObject({ value: '85' });
  });
});
