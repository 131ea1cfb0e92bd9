import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { UnitScope, Visibility } from '../workflow/access.js';

export interface OrgNode {
  id: number;
  name: string;
  parentId: number | null;
}

export class OrgRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async createRegion(name: string): Promise<number> {
    const r = await this.db.insertInto('regions').values({ name }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }
  async createBureau(regionId: number, name: string): Promise<number> {
    const r = await this.db.insertInto('bureaus').values({ region_id: regionId, name }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }
  async createDepartment(bureauId: number, name: string): Promise<number> {
    const r = await this.db.insertInto('departments').values({ bureau_id: bureauId, name }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }
  async createUnit(departmentId: number, name: string, code: string | null = null): Promise<number> {
    const r = await this.db
      .insertInto('units')
      .values({ department_id: departmentId, name, code })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  findDepartment(id: number) {
    return this.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findBureau(id: number) {
    return this.db.selectFrom('bureaus').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async isEmpty(): Promise<boolean> {
    const r = await this.db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
    return r === undefined;
  }

  async getUnitScope(unitId: number): Promise<UnitScope | undefined> {
    const r = await this.db
      .selectFrom('units as u')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id as unitId', 'u.name as unitName', 'd.id as departmentId', 'd.name as departmentName', 'd.bureau_id as bureauId'])
      .where('u.id', '=', unitId)
      .executeTakeFirst();
    return r;
  }

  /** The organisation tree, cut to what `v` may see (ancestors of visible units included). */
  async listVisible(v: Visibility): Promise<{ regions: OrgNode[]; bureaus: OrgNode[]; departments: OrgNode[]; units: OrgNode[] }> {
    let uq = this.db
      .selectFrom('units as u')
      .innerJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id', 'u.name', 'u.department_id as parentId', 'd.bureau_id as bureauId']);
    if (v.kind === 'bureau') uq = uq.where('d.bureau_id', '=', v.bureauId);
    else if (v.kind === 'department') uq = uq.where('d.id', '=', v.departmentId);
    else if (v.kind === 'unit') uq = uq.where('u.id', '=', v.unitId);
    else if (v.kind === 'none') return { regions: [], bureaus: [], departments: [], units: [] };
    const units = await uq.orderBy('u.id').execute();
    let dq = this.db.selectFrom('departments').select(['id', 'name', 'bureau_id as parentId']);
    if (v.kind === 'bureau') dq = dq.where('bureau_id', '=', v.bureauId);
    else if (v.kind !== 'all') {
      const ids = [...new Set(units.map((u) => u.parentId))];
      if (v.kind === 'department') ids.push(v.departmentId);
      dq = dq.where('id', 'in', ids.length ? ids : [-1]);
    }
    const departments = await dq.orderBy('id').execute();
    const bureauIds = [...new Set(departments.map((d) => d.parentId))];
    let bq = this.db.selectFrom('bureaus').select(['id', 'name', 'region_id as parentId']);
    if (v.kind !== 'all') bq = bq.where('id', 'in', bureauIds.length ? bureauIds : [-1]);
    const bureaus = await bq.orderBy('id').execute();
    const regionIds = [...new Set(bureaus.map((b) => b.parentId))];
    let rq = this.db.selectFrom('regions').select(['id', 'name']);
    if (v.kind !== 'all') rq = rq.where('id', 'in', regionIds.length ? regionIds : [-1]);
    const regions = (await rq.orderBy('id').execute()).map((r) => ({ ...r, parentId: null }));
    return { regions, bureaus, departments, units: units.map(({ bureauId: _b, ...u }) => u) };
  }
}
