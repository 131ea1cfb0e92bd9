/**
 * `evaluations.quality_computed`: 自评质量 as the profile's rubric computes it (exact `numeric`),
 * beside `quality_score` (the total the finance bureau confirmed or adjusted), so the review queue
 * can show, sort and filter every evaluation by its quality before finance has looked at it.
 * It is a cache of a computation (like errors, warnings and blocking), written on every create and
 * save and whenever its reference total changes (a review score, a sample re-score or redraw).
 *
 * The backfill computes each stored evaluation with today's core exactly as a save does
 * (`qualityFigureOf`): page by page, scored and audited (a department against its project and
 * transfer evaluations, an evaluation generated from targets against its approved version and the
 * target's last monitoring return), with the reference total its quality page uses (the active
 * draw's re-score, else the review score). A row whose data does not parse keeps null.
 * Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { MonitoringData, parseEvaluation, type AuditOptions, type Evaluation, type TargetTree } from '@jixiao/core';
import { computeEvaluation } from '../core-bridge.js';
import { qualityFigureOf } from '../use-cases/compute-quality-figure.js';

const PAGE = 200;

interface Row {
  id: number;
  kind: string;
  unit_id: number;
  fiscal_year: number;
  target_id: number | null;
  target_version: number | null;
  review_score: string | null;
  data: unknown;
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

/** The approved targets and last monitoring return an evaluation generated from targets is audited against. */
async function planOf(db: Kysely<any>, row: Row): Promise<Pick<AuditOptions, 'approvedTargets' | 'monitoring'>> {
  if (row.target_id === null || row.target_version === null) return {};
  const v = await sql<{ tree: unknown; version_no: number }>`
    select tree, version_no from target_versions where target_id = ${row.target_id} and version_no = ${row.target_version}`.execute(db);
  const version = v.rows[0];
  if (!version) return {};
  const m = await sql<{ data: unknown }>`
    select data from monitoring_returns where target_id = ${row.target_id} and status in ('submitted', 'reviewed')
    order by period_end_month desc limit 1`.execute(db);
  const monitoring = m.rows[0] ? MonitoringData.safeParse(asJson(m.rows[0].data)) : null;
  return { approvedTargets: { tree: asJson(version.tree) as TargetTree, version: version.version_no }, ...(monitoring?.success ? { monitoring: monitoring.data } : {}) };
}

/** The re-score total of the evaluation's item in an active draw (the latest item), when re-scored. */
async function sampleTotalOf(db: Kysely<any>, id: number): Promise<string | null> {
  const r = await sql<{ status: string; rescore: unknown }>`
    select i.status, i.rescore from sample_items i join samples s on s.id = i.sample_id
    where i.evaluation_id = ${id} and s.status = 'active' order by i.id desc limit 1`.execute(db);
  const item = r.rows[0];
  if (item?.status !== 'rescored') return null;
  return (asJson(item.rescore) as { total?: string | null } | null)?.total ?? null;
}

async function backfill(db: Kysely<any>, row: Row): Promise<void> {
  const parsed = parseEvaluation(asJson(row.data));
  if (!parsed.ok) return;
  const children = row.kind === 'department' ? await childrenOf(db, row.unit_id, row.fiscal_year) : undefined;
  const computed = computeEvaluation(parsed.value, children, await planOf(db, row));
  const reviewTotal = (await sampleTotalOf(db, row.id)) ?? row.review_score;
  const figure = qualityFigureOf(parsed.value, computed, reviewTotal);
  await sql`update evaluations set quality_computed = ${figure} where id = ${row.id}`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table evaluations add column quality_computed numeric`.execute(db);
  await fillComputedQuality(db);
}

/** The backfill (exported for its test): every row, page by page. */
export async function fillComputedQuality(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const page = await sql<Row>`
      select id, kind, unit_id, fiscal_year, target_id, target_version, review_score, data from evaluations
      where id > ${after} order by id limit ${PAGE}`.execute(db);
    for (const row of page.rows) await backfill(db, row);
    if (page.rows.length < PAGE) break;
    after = page.rows[page.rows.length - 1]!.id;
  }
}
