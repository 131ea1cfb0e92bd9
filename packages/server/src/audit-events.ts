/** Typed events of the append-only audit log (audit_log.action). */
export const AUDIT_EVENTS = {
  EVALUATION_CREATED: 'evaluation.created',
  EVALUATION_UPDATED: 'evaluation.updated',
  EVALUATION_SUBMITTED: 'evaluation.submitted',
  EVALUATION_WITHDRAWN: 'evaluation.withdrawn',
  EVALUATION_DEPARTMENT_APPROVED: 'evaluation.department_approved',
  EVALUATION_FINANCE_APPROVED: 'evaluation.finance_approved',
  EVALUATION_RETURNED: 'evaluation.returned',
  EVALUATION_PUBLISHED: 'evaluation.published',
  EVALUATION_REVIEW_SCORED: 'evaluation.review_scored',
  EVALUATION_SAMPLED: 'evaluation.sampled',
  SAMPLE_DRAWN: 'sample.drawn',
  TARGET_CREATED: 'target.created',
  TARGET_UPDATED: 'target.updated',
  TARGET_APPROVED: 'target.approved',
  TARGET_ADJUSTMENT_REQUESTED: 'target.adjustment_requested',
  TARGET_ADJUSTMENT_APPROVED: 'target.adjustment_approved',
  RECTIFICATION_CREATED: 'rectification.created',
  RECTIFICATION_UPDATED: 'rectification.updated',
  USER_CREATED: 'user.created',
  USER_PASSWORD_CHANGED: 'user.password_changed',
  DEPARTMENT_CREATED: 'org.department_created',
  UNIT_CREATED: 'org.unit_created',
  PROJECT_IMPORT_PREVIEWED: 'project_import.previewed',
  PROJECT_IMPORT_COMMITTED: 'project_import.committed',
  PROJECT_CREATED: 'project.created',
  PROJECT_UPDATED: 'project.updated',
  PROJECT_REMOVED: 'project.removed',
} as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[keyof typeof AUDIT_EVENTS];

export type AuditEntityType = 'evaluation' | 'target' | 'sample' | 'rectification' | 'user' | 'department' | 'unit' | 'project' | 'project_import';
