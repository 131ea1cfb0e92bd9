import type { Kysely } from 'kysely';
import type { DB, Role, UserRow } from '../db/schema.js';
import type { Actor } from '../workflow/access.js';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  departmentId?: number | null;
  bureauId?: number | null;
  passwordHash: string;
  /**
   * The user must change this password before doing anything else: the bootstrap administrator
   * and every account the administrator creates (its initial password is known to the administrator).
   */
  mustChangePassword?: boolean;
}

export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(u: NewUser): Promise<number> {
    const r = await this.db
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        unit_id: u.unitId ?? null,
        department_id: u.departmentId ?? null,
        bureau_id: u.bureauId ?? null,
        password_hash: u.passwordHash,
        ...(u.mustChangePassword ? { must_change_password: true } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** A new password hash; `mustChange`: set by the administrator (a reset), to be changed at the next login. */
  async setPasswordHash(userId: number, passwordHash: string, mustChange = false): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange }).where('id', '=', userId).execute();
  }

  findById(userId: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  }

  findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  /** The actor with its organisational scope resolved (unit → department → bureau). */
  async findActor(userId: number): Promise<Actor | undefined> {
    const r = await this.actorQuery().where('usr.id', '=', userId).executeTakeFirst();
    return r ? actorOf(r) : undefined;
  }

  /**
   * A live session (not past its absolute expiry, seen since `idleSince`) with its actor, in one
   * query: every API request resolves its cookie with it. Undefined when the session is unknown,
   * expired or idle, or its user is disabled.
   */
  async findSessionActor(
    sessionId: string,
    now: Date,
    idleSince: Date,
  ): Promise<{ actor: Actor; csrf_token: string; last_seen_at: Date; must_change_password: boolean } | undefined> {
    const r = await this.actorQuery()
      .innerJoin('sessions as s', 's.user_id', 'usr.id')
      .select(['s.csrf_token', 's.last_seen_at', 'usr.must_change_password'])
      .where('s.id', '=', sessionId)
      .where('s.expires_at', '>', now)
      .where('s.last_seen_at', '>', idleSince)
      .executeTakeFirst();
    const actor = r ? actorOf(r) : undefined;
    return r && actor ? { actor, csrf_token: r.csrf_token, last_seen_at: r.last_seen_at, must_change_password: r.must_change_password } : undefined;
  }

  private actorQuery() {
    return this.db
      .selectFrom('users as usr')
      .leftJoin('units as u', 'u.id', 'usr.unit_id')
      .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'usr.department_id').on('usr.unit_id', 'is', null))
      .leftJoin('departments as ud', 'ud.id', 'u.department_id')
      .select([
        'usr.id',
        'usr.username',
        'usr.display_name',
        'usr.role',
        'usr.disabled',
        'usr.unit_id',
        'u.name as unit_name',
        'usr.bureau_id',
        'd.id as d_id',
        'd.name as d_name',
        'd.bureau_id as d_bureau',
        'ud.id as ud_id',
        'ud.name as ud_name',
        'ud.bureau_id as ud_bureau',
      ]);
  }

  async list(): Promise<Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'department_id' | 'bureau_id' | 'must_change_password'>[]> {
    return this.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'unit_id', 'department_id', 'bureau_id', 'must_change_password'])
      .orderBy('id')
      .execute();
  }
}


type ActorRow = {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  unit_id: number | null;
  unit_name: string | null;
  bureau_id: number | null;
  d_id: number | null;
  d_name: string | null;
  d_bureau: number | null;
  ud_id: number | null;
  ud_name: string | null;
  ud_bureau: number | null;
};

/** The actor of a row of `actorQuery` (undefined when the user is disabled). */
function actorOf(r: ActorRow): Actor | undefined {
  if (r.disabled) return undefined;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    departmentId: r.ud_id ?? r.d_id,
    departmentName: r.ud_name ?? r.d_name,
    bureauId: r.ud_bureau ?? r.d_bureau ?? r.bureau_id,
  };
}
