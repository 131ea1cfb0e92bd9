/** The statistics API (GET /api/dashboard, /api/dashboard/ranking): see server use-cases/get-dashboard.ts. */
import type { Kind } from './types.js';

export interface ScoreFigures {
  count: number;
  /** Totals that cannot be graded (无法定级): counted, kept out of averages and rankings. */
  ungradable: number;
  ranked: number;
  averageScore: string | null;
  averageSelfScore: string | null;
  averageComputedScore: string | null;
}

export interface GradeSlice {
  band: 'excellent' | 'good' | 'fair' | 'poor' | 'ungradable' | 'ungraded' | null;
  /** The common band's name (优 / 良 / 中 / 差), 无法定级 or 未评级. */
  label: string;
  /** The local grade names counted in it (优, 优秀 …). */
  names: string[];
  count: number;
}

export interface RankingRow {
  id: number;
  rank?: number;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  kind: Kind;
  title: string;
  projectName: string | null;
  score: string;
  grade: string | null;
}

export interface StatisticsRow {
  id: number;
  fiscalYear: number;
  departmentName: string;
  unitId: number;
  unitName: string;
  kind: Kind;
  projectName: string | null;
  title: string;
  status: string;
  selfScore: string | null;
  computedScore: string | null;
  reviewScore: string | null;
  score: string | null;
  grade: string | null;
  ungradableReason: string | null;
  executionRate: string | null;
}

type GroupFigures = ScoreFigures & { gradeDistribution: Array<{ grade: string; count: number }> };

export interface Statistics {
  year: number | null;
  years: number[];
  kind: Kind | null;
  includeDrafts: boolean;
  totals: ScoreFigures;
  byKind: Array<ScoreFigures & { kind: Kind }>;
  gradeDistribution: GradeSlice[];
  ranking: RankingRow[];
  rankingTotal: number;
  /** [self score, computed score, how many] in whole points. */
  selfVsComputed: Array<[number, number, number]>;
  /** [execution rate in whole percent, score, how many]. */
  executionVsScore: Array<[number, number, number]>;
  yearOverYear: Array<{ year: number; count: number; averageScore: string | null }>;
  byDepartment: Array<{ departmentId: number; departmentName: string } & GroupFigures>;
  byUnit: Array<{ unitId: number; unitName: string } & GroupFigures>;
  /** A unit's own evaluations (only when the scope is one unit). */
  evaluations: StatisticsRow[] | null;
  /** Read from a read replica (DATABASE_READ_URL): how many seconds behind it is (0: caught up); null: live. */
  replicaLagSeconds?: number | null;
}

/**
 * What the dashboard says when its figures come from a replica that is behind: null when live
 * or within a few seconds (the normal lag of a healthy replica, not worth a line).
 */
export function replicaNotice(lagSeconds: number | null | undefined): string | null {
  if (lagSeconds === null || lagSeconds === undefined || lagSeconds < 10) return null;
  const ago = lagSeconds < 120 ? `${lagSeconds} 秒` : lagSeconds < 7200 ? `${Math.floor(lagSeconds / 60)} 分钟` : `${Math.floor(lagSeconds / 3600)} 小时`;
  return `统计数据来自只读副本，约为 ${ago}前的数据；刚办理的事项稍后才会计入。`;
}

/** “优（优、优秀）” when a band holds local names other than its own. */
export function sliceName(s: GradeSlice): string {
  const others = s.names.filter((n) => n !== s.label);
  return others.length ? `${s.label}（${s.names.join('、')}）` : s.label;
}
