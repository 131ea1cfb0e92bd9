/**
 * Audit an evaluation: gather (profile, scores, department formulas), run every rule of
 * the catalog, fill in the catalog fields and the source location of each finding, and
 * sort by severity, then by document order.
 */
import type { Evaluation, SourceRef } from '../model/evaluation.js';
import { AUDIT_RULES } from './catalog.js';
import { gatherAuditContext } from './gather-audit-context.js';
import type { AuditOptions, AuditResult, AuditRule, Finding, Severity } from './types.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Top-level model sections in the order a report presents them. */
const SECTION_ORDER = [
  'unit',
  'jurisdiction',
  'project',
  'baseData',
  'funds',
  'projectRollup',
  'budgetExecution',
  'goals',
  'indicators',
  'totals',
  'claims',
  'chapters',
  'team',
  'dates',
];

function sourceFor(provenance: Record<string, SourceRef>, path: string | null): SourceRef | null {
  if (path === null) return null;
  const segs = path.split('.');
  while (segs.length > 0) {
    const hit = provenance[segs.join('.')];
    if (hit) return hit;
    segs.pop();
  }
  return null;
}

/** Sort key of a model path: section rank, then every numeric index in order. */
function orderKey(path: string | null): number[] {
  if (path === null) return [SECTION_ORDER.length + 1];
  const segs = path.split('.');
  const rank = SECTION_ORDER.indexOf(segs[0] ?? '');
  return [rank < 0 ? SECTION_ORDER.length : rank, ...segs.slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : -1))];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -2;
    const y = b[i] ?? -2;
    if (x !== y) return x - y;
  }
  return 0;
}

/** A rule's severity under a profile: the profile's own where it sets one (e.g. a province that requires a reason). */
export function severityOf(rule: Pick<AuditRule, 'id' | 'severity'>, profile: { severity?: Record<string, Severity> }): Severity {
  return profile.severity?.[rule.id] ?? rule.severity;
}

export function runRules(rules: readonly AuditRule[], ctx: ReturnType<typeof gatherAuditContext>): Finding[] {
  const findings: Array<{ finding: Finding; order: number; key: number[] }> = [];
  rules.forEach((rule, order) => {
    const severity = severityOf(rule, ctx.profile);
    for (const d of rule.check(ctx)) {
      const path = d.location.path;
      const finding: Finding = {
        rule: rule.id,
        severity: d.severity && SEVERITY_RANK[d.severity] > SEVERITY_RANK[severity] ? d.severity : severity,
        category: rule.category,
        message: d.message,
        location: {
          path,
          label: d.location.label ?? null,
          source: d.location.source ?? sourceFor(ctx.evaluation.provenance, path),
        },
        reported: d.reported,
        expected: d.expected,
        difference: d.difference,
      };
      // Document order: the source line where the importer recorded one, else the model's
      // section order (sourced findings first, so the key stays a total order).
      const key = [finding.location.source?.line ?? Number.MAX_SAFE_INTEGER, ...orderKey(path)];
      findings.push({ finding, order, key });
    }
  });
  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || compareKeys(a.key, b.key) || a.order - b.order,
  );
  return findings.map((f) => f.finding);
}

/**
 * `options.children`: a department evaluation's project evaluations; their roll-up is
 * checked against the department's stated project figures (`project-rollup-matches`).
 */
export function auditEvaluation(evaluation: Evaluation, options: AuditOptions = {}): AuditResult {
  const ctx = gatherAuditContext(evaluation, options.profile, options.children, options);
  const findings = runRules(AUDIT_RULES, ctx);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    profile: { ...ctx.score.profile },
    findings,
    counts,
    grade: ctx.score.computedGrade,
    ungradableReason: ctx.score.ungradableReason,
    blocking: blockingFindings(findings, ctx.profile),
  };
}

/** The findings that block submission under a profile (`submission.blocking`, by rule id). */
export function blockingFindings(findings: readonly Finding[], profile: { submission?: { blocking: readonly string[] } }): Finding[] {
  const rules = new Set(profile.submission?.blocking ?? []);
  return findings.filter((f) => rules.has(f.rule));
}
