/**
 * The tables a backup holds, read from the database catalog (not a hard-coded list, so a table
 * added by any later migration is included): every table of the schema except the migration
 * bookkeeping and the tables whose comment starts with `jixiao:no-backup` (sessions, login
 * counters), ordered so that every table comes after the tables its foreign keys point to.
 */
import { sql, type Kysely } from 'kysely';
import { JxError } from '@jixiao/core';
import { MIGRATION_TABLE } from '../db/migrate.js';

export const NO_BACKUP_MARK = 'jixiao:no-backup';

export interface BackupTable {
  name: string;
  /** Primary-key columns (rows are dumped in this order); empty when the table has none. */
  primaryKey: string[];
}

/** Parents before children; ties by name. Throws when foreign keys form a cycle. */
export function orderByDependencies(names: readonly string[], edges: readonly { child: string; parent: string }[]): string[] {
  const set = new Set(names);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (set.has(e.child) && set.has(e.parent) && e.child !== e.parent) parents.get(e.child)!.add(e.parent);
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < names.length) {
    const ready = names.filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p))).sort();
    if (!ready.length) throw new JxError('INTERNAL', `外键形成循环，无法确定备份顺序：${names.filter((n) => !done.has(n)).join('、')}`);
    for (const n of ready) {
      out.push(n);
      done.add(n);
    }
  }
  return out;
}

export async function listBackupTables(db: Kysely<any>): Promise<{ tables: BackupTable[]; excluded: string[] }> {
  const rows = await sql<{ name: string; comment: string | null }>`
    select c.relname as name, obj_description(c.oid, 'pg_class') as comment
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition`.execute(db);
  const bookkeeping = new Set([MIGRATION_TABLE, `${MIGRATION_TABLE}_lock`]);
  const excluded = rows.rows.filter((r) => r.comment?.startsWith(NO_BACKUP_MARK)).map((r) => r.name).sort();
  const names = rows.rows.map((r) => r.name).filter((n) => !bookkeeping.has(n) && !excluded.includes(n));
  const fks = await sql<{ child: string; parent: string }>`
    select cc.relname as child, pc.relname as parent
    from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid
    join pg_class pc on pc.oid = k.confrelid
    join pg_namespace n on n.oid = cc.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const pks = await sql<{ name: string; column: string }>`
    select c.relname as name, a.attname as column
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = current_schema()
    order by c.relname, k.ord`.execute(db);
  const order = orderByDependencies(names, fks.rows);
  return {
    tables: order.map((name) => ({ name, primaryKey: pks.rows.filter((p) => p.name === name).map((p) => p.column) })),
    excluded,
  };
}

/** Columns whose values come from a sequence (serial, identity), to move past restored ids. */
export async function listSequenceColumns(db: Kysely<any>): Promise<{ table: string; column: string; sequence: string }[]> {
  const r = await sql<{ table: string; column: string; sequence: string }>`
    select * from (
      select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
    ) s where sequence is not null order by 1, 2`.execute(db);
  return r.rows;
}
