/**
 * How many findings block 提交 for each evaluation (`evaluations.blocking`), for the project
 * lists (`ProjectSummary.blocking`, the `blocked=` filter) without auditing every row on read.
 * It is written with the other stored figures (errors, warnings) on every create and save, and
 * by the finance bureau's override; this migration fills it in for the rows that exist.
 *
 * The backfill scores and audits each stored evaluation with today's core (the count is a
 * cache of a computation, like errors and warnings, not data the unit entered): page by page,
 * a department against its project and transfer evaluations, less the rules its override waived.
 * Departments not generated from targets also get their errors and warnings recomputed with
 * their roll-up findings (their counts were as of their last save, which may predate their
 * projects); a department generated from targets keeps its counts until it is next refreshed,
 * because the approved targets it is checked against are read by the server, not here.
 * Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { parseEvaluation, type Evaluation } from '@jixiao/core';
import { blockingCount, computeEvaluation } from '../core-bridge.js';

const PAGE = 200;

interface Row {
  id: number;
  kind: string;
  unit_id: number;
  fiscal_year: number;
  target_id: number | null;
  data: unknown;
  submission_override: unknown;
}

const asJson = (x: unknown) => (typeof x === 'string' ? JSON.parse(x) : x);

/** A department's project and transfer evaluations of its year (linked to an active project, or to none). */
async function childrenOf(db: Kysely<any>, unitId: number, year: number): Promise<Evaluation[]> {
  const rows = await sql<{ data: unknown }>`
    select e.data from evaluations e left join projects p on p.id = e.project_id
    where e.unit_id = ${unitId} and e.fiscal_year = ${year} and e.kind in ('project', 'transfer')
      and (e.project_id is null or p.status = 'active')
    order by p.code asc nulls last, e.id`.execute(db);
  return rows.rows.flatMap((r) => {
    const p = parseEvaluation(asJson(r.data));
    return p.ok ? [p.value] : [];
  });
}

async function backfill(db: Kysely<any>, row: Row): Promise<void> {
  const parsed = parseEvaluation(asJson(row.data));
  if (!parsed.ok) {
    await sql`update evaluations set blocking = 1 where id = ${row.id}`.execute(db);
    return;
  }
  const department = row.kind === 'department';
  const computed = computeEvaluation(parsed.value, department ? await childrenOf(db, row.unit_id, row.fiscal_year) : undefined);
  const override = asJson(row.submission_override) as { rules?: unknown } | null;
  const waived = override && Array.isArray(override.rules) ? { rules: override.rules.map(String) } : null;
  const blocking = blockingCount(computed.audit, waived);
  if (department && row.target_id === null && computed.audit) {
    const { error, warning } = computed.audit.counts;
    await sql`update evaluations set blocking = ${blocking}, errors = ${error}, warnings = ${warning} where id = ${row.id}`.execute(db);
  } else {
    await sql`update evaluations set blocking = ${blocking} where id = ${row.id}`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table evaluations add column blocking integer`.execute(db);
  await fillBlockingCounts(db);
}

/** The backfill (exported for its test): every row, page by page. */
export async function fillBlockingCounts(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const page = await sql<Row>`
      select id, kind, unit_id, fiscal_year, target_id, data, submission_override from evaluations
      where id > ${after} order by id limit ${PAGE}`.execute(db);
    for (const row of page.rows) await backfill(db, row);
    if (page.rows.length < PAGE) break;
    after = page.rows[page.rows.length - 1]!.id;
  }
}
