/**
 * After the self-evaluation (issue 12):
 * - the third-party reviewer role (`assessor`, 评价机构);
 * - samples record their bureau, settings, draw plan, state (a redraw supersedes the earlier
 *   draw, which stays visible), the reason of a redraw and the assessor; each drawn evaluation
 *   is a `sample_items` row carrying its stratum, why it was included without drawing, and the
 *   re-score. Samples drawn before keep their ids as items (stratum 全部); of several samples of
 *   one bureau and year only the latest stays active;
 * - rectifications gain their unit, source, the unit's report, sign-off (销号) or return, and the
 *   monitoring return they may come from; items the unit had marked 已完成 become 已报送 (awaiting
 *   the finance bureau's sign-off). Evidence files live in `rectification_evidence` (bytea, with
 *   their SHA-256), so backups and restores carry them like any other row;
 * - `result_applications`: 结果应用 decisions and the department's response;
 * - evaluations keep the reviewer's quality adjustments (`quality_review`).
 * Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `alter table users drop constraint if exists users_role_check`,
  `alter table users add constraint users_role_check check (role in ('unit_filler','unit_head','department_reviewer','finance_reviewer','admin','assessor'))`,
  `alter table evaluations add column quality_review jsonb`,
  `alter table samples add column bureau_id int references bureaus(id)`,
  `alter table samples add column settings jsonb not null default '{}'::jsonb`,
  `alter table samples add column plan jsonb not null default '{}'::jsonb`,
  `alter table samples add column status text not null default 'active' check (status in ('active','superseded'))`,
  `alter table samples add column reason text`,
  `alter table samples add column replaces int references samples(id)`,
  `alter table samples add column assessor_id int references users(id)`,
  `update samples s set bureau_id = u.bureau_id from users u where u.id = s.drawn_by`,
  `update samples s set status = 'superseded' where exists (
     select 1 from samples t where t.fiscal_year = s.fiscal_year and t.bureau_id is not distinct from s.bureau_id and t.id > s.id)`,
  `create table sample_items (
    id serial primary key,
    sample_id int not null references samples(id),
    evaluation_id int not null references evaluations(id),
    stratum text not null,
    mandatory text,
    assessor_id int references users(id),
    status text not null check (status in ('assigned','rescored','returned')),
    rescore jsonb,
    review jsonb,
    version int not null,
    unique (sample_id, evaluation_id)
  )`,
  `create index sample_items_evaluation on sample_items(evaluation_id)`,
  `create index sample_items_assessor on sample_items(assessor_id)`,
  `insert into sample_items (sample_id, evaluation_id, stratum, status, version)
     select s.id, cast(x.value as int), '全部', 'assigned', 1
     from samples s cross join lateral jsonb_array_elements_text(s.evaluation_ids) as x(value)
     where exists (select 1 from evaluations e where e.id = cast(x.value as int))`,
  `alter table rectifications drop constraint if exists rectifications_status_check`,
  `update rectifications set status = 'reported' where status = 'done'`,
  `alter table rectifications add constraint rectifications_status_check check (status in ('open','in_progress','reported','returned','closed'))`,
  `alter table rectifications alter column evaluation_id drop not null`,
  `alter table rectifications add column unit_id int references units(id)`,
  `update rectifications r set unit_id = e.unit_id from evaluations e where e.id = r.evaluation_id`,
  `alter table rectifications alter column unit_id set not null`,
  `alter table rectifications add column monitoring_return_id int references monitoring_returns(id)`,
  `alter table rectifications add column source text not null default 'finance_evaluation'
     check (source in ('monitoring','self_evaluation','department_evaluation','finance_evaluation','sampling'))`,
  `alter table rectifications add column report text`,
  `alter table rectifications add column reported_at timestamptz`,
  `alter table rectifications add column review jsonb`,
  `alter table rectifications add column closed_at timestamptz`,
  `alter table rectifications add column closed_by int references users(id)`,
  `alter table rectifications add constraint rectifications_subject check (evaluation_id is not null or monitoring_return_id is not null)`,
  `create table rectification_evidence (
    id serial primary key,
    rectification_id int not null references rectifications(id),
    file_name text not null,
    content_type text not null,
    size int not null check (size > 0),
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea not null,
    uploaded_by int references users(id),
    uploaded_at timestamptz not null default now()
  )`,
  `create index rectification_evidence_item on rectification_evidence(rectification_id, id)`,
  `create table result_applications (
    id serial primary key,
    evaluation_id int not null unique references evaluations(id),
    status text not null check (status in ('decided','responded')),
    grade text,
    grade_basis text not null check (grade_basis in ('sample','review','computed')),
    suggested text not null,
    decision text not null,
    note text,
    profile text not null,
    decided_by int references users(id),
    decided_at timestamptz not null,
    response text,
    responded_by int references users(id),
    responded_at timestamptz,
    version int not null
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
