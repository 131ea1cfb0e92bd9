/** Initial schema. Forward-only: never edit a committed migration, add a new file. */
import { sql, type Kysely } from 'kysely';

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `create table regions (id serial primary key, name text not null)`,
  `create table bureaus (id serial primary key, region_id int not null references regions(id), name text not null)`,
  `create table departments (id serial primary key, bureau_id int not null references bureaus(id), name text not null)`,
  `create table units (id serial primary key, department_id int not null references departments(id), name text not null, code text)`,
  `create table users (
    id serial primary key,
    username text not null unique,
    display_name text not null,
    role text not null check (role in ('unit_filler','unit_head','department_reviewer','finance_reviewer','admin')),
    unit_id int references units(id),
    department_id int references departments(id),
    bureau_id int references bureaus(id),
    password_hash text not null,
    disabled boolean not null default false,
    created_at timestamptz not null default now()
  )`,
  `create table sessions (
    id text primary key,
    user_id int not null references users(id),
    csrf_token text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index sessions_user on sessions(user_id)`,
  `create table evaluations (
    id serial primary key,
    unit_id int not null references units(id),
    fiscal_year int not null,
    kind text not null check (kind in ('department','project')),
    title text not null,
    profile text not null,
    status text not null,
    version int not null,
    data jsonb not null,
    self_score text,
    computed_score text,
    review_score text,
    grade text,
    execution_rate text,
    errors int not null default 0,
    warnings int not null default 0,
    quality_score text,
    sampled boolean not null default false,
    review jsonb,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    published_at timestamptz
  )`,
  `create index evaluations_unit_year on evaluations(unit_id, fiscal_year)`,
  `create index evaluations_status on evaluations(status)`,
  `create table targets (
    id serial primary key,
    unit_id int not null references units(id),
    fiscal_year int not null,
    name text not null,
    status text not null check (status in ('draft','approved')),
    version int not null,
    initial jsonb not null,
    adjusted jsonb,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    approved_at timestamptz,
    approved_by int references users(id)
  )`,
  `create table target_adjustments (
    id serial primary key,
    target_id int not null references targets(id),
    reason text not null,
    changes jsonb not null,
    status text not null check (status in ('pending','approved')),
    requested_by int references users(id),
    requested_at timestamptz not null default now(),
    approved_by int references users(id),
    approved_at timestamptz
  )`,
  `create table samples (
    id serial primary key,
    fiscal_year int not null,
    size int not null,
    seed text not null,
    population jsonb not null,
    evaluation_ids jsonb not null,
    drawn_by int references users(id),
    drawn_at timestamptz not null default now()
  )`,
  `create table rectifications (
    id serial primary key,
    evaluation_id int not null references evaluations(id),
    rule text,
    description text not null,
    due_date text,
    status text not null check (status in ('open','in_progress','done')),
    note text,
    version int not null,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table audit_log (
    id bigserial primary key,
    entity_type text not null,
    entity_id int not null,
    evaluation_id int references evaluations(id),
    actor_id int references users(id),
    actor_name text not null,
    action text not null,
    at timestamptz not null default now(),
    before jsonb,
    after jsonb
  )`,
  `create index audit_log_evaluation on audit_log(evaluation_id, id)`,
  `create index audit_log_entity on audit_log(entity_type, entity_id, id)`,
  `create function jx_audit_log_append_only() returns trigger language plpgsql as $fn$
  begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'P0001';
  end
  $fn$`,
  `create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function jx_audit_log_append_only()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function jx_audit_log_append_only()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
