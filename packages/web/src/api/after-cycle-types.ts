/** Shapes of the after-the-self-evaluation API (docs/API.md): samples, quality, rectifications, results. */
import type { EvaluationSummary } from './types.js';

export interface SampleItem {
  id: number;
  sampleId: number;
  evaluationId: number;
  fiscalYear: number;
  sampleActive: boolean;
  stratum: string;
  mandatory: string | null;
  assessorId: number | null;
  status: 'assigned' | 'rescored' | 'returned';
  statusLabel: string;
  rescore: { scores: Record<string, string>; total: string | null; grade: string | null; opinion: string | null; by: string; at: string } | null;
  review: { opinions?: Array<{ action: string; opinion: string; by: string; at: string }> } | null;
  version: number;
  unitName: string;
  departmentName: string;
  kind: string;
  title: string;
  evaluationStatus: string;
  selfScore: string | null;
  computedScore: string | null;
  reviewScore: string | null;
  grade: string | null;
  grades: string[];
}

export interface SamplePlanStratum {
  key: string;
  label: string;
  population: number;
  quota: number;
  mandatory: number[];
  drawn: number[];
}

export interface SampleRecord {
  id: number;
  fiscalYear: number;
  size: number;
  seed: string;
  drawnAt: string;
  status: 'active' | 'superseded';
  statusLabel: string;
  reason: string | null;
  replaces: number | null;
  assessorId: number | null;
  settings: { ratio: string | null; count: number | null; strata: string[]; amountBands: string[]; mandatory: { amountAtLeast: string | null; lastYearPoor: boolean } };
  plan: { target?: number; strata?: SamplePlanStratum[]; mandatory?: { id: number; reason: string }[] };
  evaluationIds: number[];
  items: SampleItem[];
  evaluations: EvaluationSummary[];
}

export interface QualityPartView {
  id: string;
  label: string;
  weight: string;
  computed: string;
  score: string;
  explanation: string;
  adjusted: { score: string; reason: string; by: string; at: string } | null;
}

export interface QualityView {
  parts: QualityPartView[];
  computedTotal: string;
  total: string;
  distorted: boolean;
  reference: 'sample' | 'review' | 'computed';
  canAdjust: boolean;
}

export interface RectificationItem {
  id: number;
  evaluation_id: number | null;
  monitoring_return_id: number | null;
  unitName: string;
  departmentName: string;
  source: string;
  sourceLabel: string;
  rule: string | null;
  ruleTitle: string | null;
  description: string;
  due_date: string | null;
  status: 'open' | 'in_progress' | 'reported' | 'returned' | 'closed';
  statusLabel: string;
  overdue: boolean;
  report: string | null;
  review: { opinions?: Array<{ action: string; opinion: string | null; by: string; at: string }> } | null;
  evidenceCount: number;
  version: number;
  evidence?: Array<{ id: number; file_name: string; size: number; sha256: string; uploaded_at: string; uploadedBy: string | null }>;
}

export interface ResultApplicationLine {
  evaluationId: number;
  fiscalYear: number;
  departmentName: string;
  unitName: string;
  kind: string;
  title: string;
  profile: string;
  score: string | null;
  suggestion: { grade: string | null; gradeBasis: string; action: string; actionLabel: string; explanation: string } | null;
  state: 'pending' | 'decided' | 'responded';
  stateLabel: string;
  decision: { action: string; label: string; note: string | null; at: string | null } | null;
  response: { text: string; at: string | null } | null;
  version: number | null;
  actions: Array<{ id: string; label: string }>;
}

export const RECT_SOURCES = [
  { value: 'finance_evaluation', label: '财政评价' },
  { value: 'sampling', label: '财政抽评' },
  { value: 'department_evaluation', label: '部门评价' },
  { value: 'self_evaluation', label: '单位自评' },
  { value: 'monitoring', label: '运行监控' },
];
