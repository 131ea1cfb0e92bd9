/**
 * Hardening for production:
 * - the audit log becomes a hash chain: each entry carries the hash of the one before it
 *   (`prev_hash`) and its own (`hash`), computed in a BEFORE INSERT trigger under one
 *   advisory lock, so concurrent appends still form one chain in id order;
 * - sessions get `last_seen_at` (idle timeout beside the absolute one);
 * - users get `must_change_password` (the first administrator changes the bootstrap password);
 * - `login_throttle` holds the failed-attempt counters (per user and address, per address,
 *   per user), shared by every server process and kept across restarts;
 * - tables that must never be in a backup are marked with the comment `jixiao:no-backup`.
 * Forward-only: never edit this file once committed, add a new one.
 */
import { sql, type Kysely } from 'kysely';

/**
 * The hash of one entry: sha256 over a JSON array of the previous hash and every column,
 * the time as UTC text to the microsecond (no float, no session time zone). The verifier in
 * `repositories/audit-log.repository.ts` recomputes the same expression inline.
 */
const HASH_FUNCTION = `create function jx_audit_log_hash(
    prev text, id bigint, entity_type text, entity_id int, evaluation_id int, actor_id int,
    actor_name text, action text, at timestamptz, before jsonb, after jsonb
  ) returns text language sql stable as $fn$
  select encode(sha256(convert_to(jsonb_build_array(
    prev, id, entity_type, entity_id, evaluation_id, actor_id, actor_name, action,
    to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), before, after
  )::text, 'UTF8')), 'hex')
  $fn$`;

/**
 * Appends are serialised by a transaction-scoped advisory lock; the id is drawn under the
 * lock, so ids grow in chain order. A row that already carries a hash (a restore) keeps it.
 */
const CHAIN_TRIGGER_FUNCTION = `create function jx_audit_log_chain() returns trigger language plpgsql as $fn$
  declare
    prev text;
  begin
    if new.hash is not null then
      return new;
    end if;
    perform pg_advisory_xact_lock(73110013);
    if new.id is null then
      new.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    end if;
    select a.hash into prev from audit_log a order by a.id desc limit 1;
    new.prev_hash := prev;
    new.hash := jx_audit_log_hash(prev, new.id, new.entity_type, new.entity_id, new.evaluation_id,
      new.actor_id, new.actor_name, new.action, new.at, new.before, new.after);
    return new;
  end
  $fn$`;

/** Chains the entries written before this migration, in id order. */
const CHAIN_EXISTING = `do $do$
  declare
    r record;
    prev text := null;
    h text;
  begin
    for r in select * from audit_log order by id loop
      h := jx_audit_log_hash(prev, r.id, r.entity_type, r.entity_id, r.evaluation_id,
        r.actor_id, r.actor_name, r.action, r.at, r.before, r.after);
      update audit_log set prev_hash = prev, hash = h where id = r.id;
      prev := h;
    end loop;
  end
  $do$`;

// One statement per entry: PGlite's extended protocol runs one statement per query.
const STATEMENTS = [
  `alter table users add column must_change_password boolean not null default false`,
  `alter table sessions add column last_seen_at timestamptz not null default now()`,
  `comment on table sessions is 'jixiao:no-backup (session ids and CSRF tokens)'`,
  `create table login_throttle (
    key text primary key,
    failures int not null default 0,
    last_failure_at timestamptz,
    last_success_at timestamptz
  )`,
  `comment on table login_throttle is 'jixiao:no-backup (failed-attempt counters)'`,
  `alter table audit_log add column prev_hash text`,
  `alter table audit_log add column hash text`,
  HASH_FUNCTION,
  `alter table audit_log disable trigger audit_log_no_update_delete`,
  CHAIN_EXISTING,
  `alter table audit_log enable trigger audit_log_no_update_delete`,
  `alter table audit_log alter column id drop default`,
  CHAIN_TRIGGER_FUNCTION,
  `create trigger audit_log_chain before insert on audit_log for each row execute function jx_audit_log_chain()`,
  `alter table audit_log alter column hash set not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
