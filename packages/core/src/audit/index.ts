// The auditor: a catalog of rules (data + a pure check each) run over one evaluation.
export type * from './types.js';
export { AUDIT_RULES, findAuditRule } from './catalog.js';
export { auditEvaluation, blockingFindings, runRules, severityOf } from './audit-evaluation.js';
export { gatherAuditContext } from './gather-audit-context.js';
export { summarizeEvaluation, type Figures } from './summarize-evaluation.js';
export { RULES_DATA, type RulesData } from './rules-data.js';
