/**
 * The year before the self-evaluation:
 * - `annual_tasks`: the finance bureau's annual task (year, kinds and units in scope, opening
 *   and due dates, profile, template, monitoring periods, notice), with per-unit unlocks after
 *   the due date (`task_unlocks`, each with its reason) and reminders (`task_reminders`, 催报);
 * - targets become a tree (`targets.tree`) belonging to the department or to a project, filed
 *   through draft → submitted → department_approved → approved (returned back to the unit);
 *   every approved version is kept (`target_versions`); an adjustment carries its proposed tree
 *   and is approved by the department, then the finance bureau;
 * - `monitoring_returns`: 运行监控 per target and period;
 * - evaluations remember the target and the approved version they were generated from.
 * Existing flat targets ({ goal, indicators: [{ name, target }] }) are moved into a tree under
 * 未分级指标, their approved and adjusted contents kept as versions 1 and 2.
 * Dates are 'YYYY-MM-DD' text (compared as text; no driver turns them into time stamps).
 * Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { parseTarget } from '@jixiao/core';

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `create table annual_tasks (
    id serial primary key,
    bureau_id int not null references bureaus(id),
    fiscal_year int not null,
    kinds jsonb not null,
    unit_ids jsonb,
    opens_on text not null check (opens_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    due_on text not null check (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    profile text not null,
    template text not null,
    monitoring_periods jsonb not null default '[]'::jsonb,
    notice text,
    status text not null check (status in ('open','closed')),
    version int not null,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (due_on >= opens_on)
  )`,
  `create unique index annual_tasks_bureau_year on annual_tasks(bureau_id, fiscal_year)`,
  `create table task_unlocks (
    id serial primary key,
    task_id int not null references annual_tasks(id),
    unit_id int not null references units(id),
    reason text not null,
    until_on text check (until_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    unlocked_by int references users(id),
    unlocked_at timestamptz not null default now()
  )`,
  `create index task_unlocks_task_unit on task_unlocks(task_id, unit_id)`,
  `create table task_reminders (
    id serial primary key,
    task_id int not null references annual_tasks(id),
    unit_id int not null references units(id),
    message text not null,
    sent_by int references users(id),
    sent_at timestamptz not null default now()
  )`,
  `create index task_reminders_unit on task_reminders(unit_id, id)`,
  `alter table targets add column kind text not null default 'department' check (kind in ('department','project','transfer'))`,
  `alter table targets add column project_id int references projects(id)`,
  `alter table targets add column tree jsonb`,
  `alter table targets add column approved_version int`,
  `alter table targets add column review jsonb`,
  `alter table targets alter column initial drop not null`,
  `alter table targets drop constraint targets_status_check`,
  `alter table targets add constraint targets_status_check check (status in ('draft','submitted','department_approved','approved','returned'))`,
  `create unique index targets_project on targets(project_id) where project_id is not null`,
  `create index targets_unit_year on targets(unit_id, fiscal_year)`,
  `create table target_versions (
    id serial primary key,
    target_id int not null references targets(id),
    version_no int not null,
    tree jsonb not null,
    kind text not null check (kind in ('initial','adjustment')),
    reason text,
    approved_by int references users(id),
    approved_at timestamptz not null default now(),
    unique (target_id, version_no)
  )`,
  `alter table target_adjustments add column tree jsonb`,
  `alter table target_adjustments add column review jsonb`,
  `alter table target_adjustments add column department_approved_by int references users(id)`,
  `alter table target_adjustments add column department_approved_at timestamptz`,
  `alter table target_adjustments drop constraint target_adjustments_status_check`,
  `alter table target_adjustments add constraint target_adjustments_status_check check (status in ('pending','department_approved','approved','returned'))`,
  `create table monitoring_returns (
    id serial primary key,
    target_id int not null references targets(id),
    unit_id int not null references units(id),
    fiscal_year int not null,
    period_end_month int not null check (period_end_month between 1 and 12),
    target_version int not null,
    status text not null check (status in ('draft','submitted','reviewed','returned')),
    data jsonb not null,
    red_count int not null default 0,
    review jsonb,
    version int not null,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    reviewed_at timestamptz,
    unique (target_id, period_end_month)
  )`,
  `create index monitoring_returns_unit_year on monitoring_returns(unit_id, fiscal_year)`,
  `alter table evaluations add column target_id int references targets(id)`,
  `alter table evaluations add column target_version int`,
];

interface FlatContent {
  goal?: string | null;
  indicators?: { name?: string; target?: string; unitOfMeasure?: string | null; weight?: string | null; initialTarget?: string | null }[];
}

/** A flat indicator list as a one-branch tree; each target text split into sign, value and unit where it reads. */
export function flatToTree(content: FlatContent | null): unknown {
  const leaves = (content?.indicators ?? []).map((x, n) => {
    const text = String(x.target ?? '').trim();
    const p = parseTarget(text);
    const quantitative = p.kind === 'quantitative' && p.upper === null;
    return {
      id: `m${n + 1}`,
      name: String(x.name ?? '').trim() || `指标${n + 1}`,
      sign: quantitative ? p.sign : 'qualitative',
      value: quantitative ? p.value.toString() : text || '（未填写）',
      unitOfMeasure: quantitative ? (p.percent ? '%' : (p.unit ?? x.unitOfMeasure ?? null)) : (x.unitOfMeasure ?? null),
      weight: x.weight ?? null,
      core: false,
    };
  });
  return { goal: content?.goal ?? null, hasServiceUsers: true, indicators: [{ name: '未分级指标', weight: null, children: [{ name: '未分级指标', weight: null, children: leaves }] }] };
}

async function moveFlatTargets(db: Kysely<any>): Promise<void> {
  const rows = await db.selectFrom('targets').select(['id', 'status', 'initial', 'adjusted', 'approved_at', 'approved_by']).orderBy('id').execute();
  for (const t of rows) {
    const initial = flatToTree(t.initial as FlatContent);
    const current = t.adjusted ? flatToTree(t.adjusted as FlatContent) : initial;
    const approved = t.status === 'approved';
    await db
      .updateTable('targets')
      .set({ tree: JSON.stringify(current), approved_version: approved ? (t.adjusted ? 2 : 1) : null })
      .where('id', '=', t.id)
      .execute();
    const pending = await db.selectFrom('target_adjustments').select(['id', 'changes']).where('target_id', '=', t.id).where('status', '=', 'pending').execute();
    for (const a of pending) {
      const changes = (a.changes ?? []) as { name: string; target: string }[];
      const base = (t.adjusted ?? t.initial) as FlatContent;
      const proposed = { ...base, indicators: (base?.indicators ?? []).map((i) => ({ ...i, target: changes.find((c) => c.name === i.name)?.target ?? i.target })) };
      await db.updateTable('target_adjustments').set({ tree: JSON.stringify(flatToTree(proposed)) }).where('id', '=', a.id).execute();
    }
    if (!approved) continue;
    const at = t.approved_at ?? new Date();
    await db.insertInto('target_versions').values({ target_id: t.id, version_no: 1, tree: JSON.stringify(initial), kind: 'initial', reason: null, approved_by: t.approved_by, approved_at: at }).execute();
    if (t.adjusted) {
      const adj = await db.selectFrom('target_adjustments').select(['reason', 'approved_by', 'approved_at']).where('target_id', '=', t.id).where('status', '=', 'approved').orderBy('id').execute();
      await db
        .insertInto('target_versions')
        .values({
          target_id: t.id,
          version_no: 2,
          tree: JSON.stringify(current),
          kind: 'adjustment',
          reason: adj.map((a) => a.reason).join('；') || null,
          approved_by: adj.at(-1)?.approved_by ?? null,
          approved_at: adj.at(-1)?.approved_at ?? at,
        })
        .execute();
    }
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  await moveFlatTargets(db);
  await sql.raw(`update targets set tree = '{"goal":null,"hasServiceUsers":true,"indicators":[]}'::jsonb where tree is null`).execute(db);
  await sql.raw(`alter table targets alter column tree set not null`).execute(db);
}
