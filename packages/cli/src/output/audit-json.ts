/**
 * The stable `--json` shape of an audited file (documented in docs/CLI.md; other input
 * formats and the server reuse it).
 */
import { getProfile, scoreEvaluation, summarizeEvaluation, type AuditResult, type EvaluationKind, type Finding } from '@jixiao/core';
import type { LoadedEvaluation } from '../read-evaluation-file.js';

export interface AuditJson {
  file: string;
  evaluation: {
    unit: string | null;
    year: number;
    kind: EvaluationKind;
    profile: string;
    figures: Record<string, string | null>;
  };
  findings: Finding[];
}

export function auditJson(loaded: LoadedEvaluation, result: AuditResult): AuditJson {
  const ev = loaded.evaluation;
  const profile = getProfile(`${result.profile.id}@${result.profile.version}`);
  const figures: Record<string, string | null> = {
    ...(summarizeEvaluation(ev, scoreEvaluation(ev, profile)) as unknown as Record<string, string | null>),
    statedExecutionRate: ev.budgetExecution.statedRate,
    statedGrade: ev.totals.statedGrade,
    publicFunds: ev.baseData?.threePublic.total.actual ?? null,
  };
  return {
    file: loaded.file,
    evaluation: {
      unit: ev.unit.name,
      year: ev.fiscalYear,
      kind: ev.kind,
      profile: `${result.profile.id}@${result.profile.version}`,
      figures,
    },
    findings: result.findings,
  };
}
