/** What the dashboard asks the server for, from its address and the year (one place for the page and early.ts). */
import { query } from '../api/client.js';

export interface DashboardQuery {
  departmentId: string;
  unitId: string;
  evaluationId: string;
  kind: string;
  includeDrafts: boolean;
}

export function dashboardQuery(q: URLSearchParams): DashboardQuery {
  return {
    departmentId: q.get('departmentId') ?? '',
    unitId: q.get('unitId') ?? '',
    evaluationId: q.get('evaluationId') ?? '',
    kind: q.get('kind') ?? '',
    includeDrafts: q.get('includeDrafts') === '1',
  };
}

/** The filters kept in the address when drilling down. */
export const dashboardFilters = (q: DashboardQuery) => ({ kind: q.kind || undefined, includeDrafts: q.includeDrafts ? '1' : undefined });

/** The API paths the page loads: the statistics, the organisation (names), one evaluation at the indicator level. */
export function dashboardRequests(q: DashboardQuery, year: number): { dashboard: string; org: string; detail: string | null } {
  return {
    dashboard: `/api/dashboard${query({ year, departmentId: q.departmentId, unitId: q.unitId, ...dashboardFilters(q) })}`,
    org: '/api/org',
    detail: q.evaluationId ? `/api/evaluations/${q.evaluationId}` : null,
  };
}
