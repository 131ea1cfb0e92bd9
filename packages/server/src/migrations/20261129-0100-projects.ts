/**
 * Projects (项目支出 and 转移支付) as entities: a year's budget project list, imported from the
 * budget system's export (previewed, then committed), and each project evaluation linked to
 * its project. 项目编码 is unique per region and fiscal year.
 */
import { sql, type Kysely } from 'kysely';

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `create table project_imports (
    id serial primary key,
    region_id int not null references regions(id),
    fiscal_year int not null,
    scope_kind text not null check (scope_kind in ('bureau','department','unit')),
    scope_id int not null,
    file_name text not null,
    file_sha256 text not null,
    options jsonb not null,
    rows jsonb not null,
    preview jsonb not null,
    status text not null check (status in ('previewed','committed')),
    result jsonb,
    created_by int not null references users(id),
    created_at timestamptz not null default now(),
    committed_at timestamptz
  )`,
  `create table projects (
    id serial primary key,
    region_id int not null references regions(id),
    fiscal_year int not null,
    code text not null,
    name text not null,
    unit_id int not null references units(id),
    kind text not null check (kind in ('project','transfer')),
    category text,
    issuing_department text,
    manager text,
    phone text,
    initial_budget text,
    adjusted_budget text,
    sources jsonb not null default '[]'::jsonb,
    status text not null check (status in ('active','removed')),
    version int not null default 1,
    import_id int references project_imports(id),
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index projects_region_year_code on projects(region_id, fiscal_year, code)`,
  `create index projects_unit_year on projects(unit_id, fiscal_year)`,
  `alter table evaluations add column project_id int references projects(id)`,
  `create unique index evaluations_project on evaluations(project_id) where project_id is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
