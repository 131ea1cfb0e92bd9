/**
 * The stored grade figures recomputed with today's core: `computed_score`, `grade` and
 * `ungradable_reason` (无法定级：…). Rows saved before the grading rules of 20261130-1800 kept the
 * grade their recomputed total got then — a total from level-1 weights adding to 110 graded 优 —
 * and a null reason until their next save, so lists and dashboards ranked and averaged them. The
 * figures are a cache of a computation (like errors, warnings and blocking), not data the unit
 * entered: each row is scored again from its stored evaluation with its profile, page by page,
 * exactly as a save computes them (`figuresOf`). A row whose data or profile cannot be read keeps
 * its figures. Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { getProfile, parseEvaluation, scoreEvaluation, type ScoreResult } from '@jixiao/core';
import { figuresOf } from '../core-bridge.js';

const PAGE = 200;

const asJson = (x: unknown) => (typeof x === 'string' ? JSON.parse(x) : x);

export async function up(db: Kysely<any>): Promise<void> {
  await recomputeGrades(db);
}

/** The recomputation (exported for its test): every row, page by page. */
export async function recomputeGrades(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const page = await sql<{ id: number; data: unknown }>`select id, data from evaluations where id > ${after} order by id limit ${PAGE}`.execute(db);
    for (const row of page.rows) {
      const parsed = parseEvaluation(asJson(row.data));
      if (!parsed.ok) continue;
      let score: ScoreResult;
      try {
        score = scoreEvaluation(parsed.value, getProfile(parsed.value.profile));
      } catch {
        continue; // a profile this build does not know: the row keeps what it has
      }
      const f = figuresOf(parsed.value, { score, audit: null, problems: [] });
      await sql`update evaluations set computed_score = ${f.computedScore}, grade = ${f.grade}, ungradable_reason = ${f.ungradableReason} where id = ${row.id}`.execute(db);
    }
    if (page.rows.length < PAGE) break;
    after = page.rows[page.rows.length - 1]!.id;
  }
}
