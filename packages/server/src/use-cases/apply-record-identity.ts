/**
 * Who and what a report is about belongs to the stored record, not to its body: the unit's
 * name, its supervising department (主管部门), the fiscal year and the kind are taken from
 * the record (its unit row and the unit's department) whenever a body is saved, created or
 * exported. A body that says otherwise is corrected, and each correction is returned as a
 * note in Chinese (the API answers it; the audit log keeps it), so a filler cannot print
 * another unit's name on their report.
 */
import { EVALUATION_KIND_LABELS, type EvaluationKind } from '@jixiao/core';

export interface RecordIdentity {
  unitName: string;
  departmentName: string | null;
  fiscalYear: number;
  kind: EvaluationKind;
}

export interface IdentityCorrection {
  field: 'unit.name' | 'supervisingDepartment' | 'fiscalYear' | 'kind';
  stated: unknown;
  stored: unknown;
  message: string;
}

const LABEL: Record<IdentityCorrection['field'], string> = {
  'unit.name': '单位名称',
  supervisingDepartment: '主管部门',
  fiscalYear: '年度',
  kind: '评价类型',
};

/** `raw` with the record's identity in place, and a note for each value the body stated differently. */
export function applyRecordIdentity(raw: Record<string, unknown>, rec: RecordIdentity): { evaluation: Record<string, unknown>; corrections: IdentityCorrection[] } {
  const unit = raw.unit && typeof raw.unit === 'object' && !Array.isArray(raw.unit) ? (raw.unit as Record<string, unknown>) : {};
  const corrections: IdentityCorrection[] = [];
  const check = (field: IdentityCorrection['field'], stated: unknown, stored: unknown, show = (v: unknown) => String(v)) => {
    if (stated === undefined || stated === null || stated === '' || stated === stored || stored === null) return;
    corrections.push({ field, stated, stored, message: `报告中的${LABEL[field]}“${show(stated)}”与登记信息不符，已按登记信息改为“${show(stored)}”` });
  };
  const kindLabel = (k: unknown) => EVALUATION_KIND_LABELS[k as EvaluationKind] ?? String(k);
  check('unit.name', unit.name, rec.unitName);
  check('supervisingDepartment', raw.supervisingDepartment, rec.departmentName);
  check('fiscalYear', raw.fiscalYear, rec.fiscalYear);
  check('kind', raw.kind, rec.kind, kindLabel);
  return {
    evaluation: {
      ...raw,
      unit: { ...unit, name: rec.unitName },
      ...(rec.departmentName !== null ? { supervisingDepartment: rec.departmentName } : {}),
      fiscalYear: rec.fiscalYear,
      kind: rec.kind,
    },
    corrections,
  };
}

/** Corrections as the API answers them (create and save): the field and the Chinese note. */
export const correctionNotes = (corrections: readonly IdentityCorrection[]) => corrections.map((x) => ({ field: x.field, message: x.message }));

/** The identity of a stored evaluation row joined with its unit and department. */
export function identityOf(rec: { unitName: string; departmentName?: string | null; fiscal_year: number; kind: EvaluationKind }): RecordIdentity {
  return { unitName: rec.unitName, departmentName: rec.departmentName ?? null, fiscalYear: rec.fiscal_year, kind: rec.kind };
}

/** A stored evaluation as shown and exported: its body with the record's identity (also for rows saved before this rule). */
export function evaluationWithRecordIdentity<E>(rec: { data: unknown; unitName: string; departmentName?: string | null; fiscal_year: number; kind: EvaluationKind }): E {
  return applyRecordIdentity(rec.data as Record<string, unknown>, identityOf(rec)).evaluation as E;
}
