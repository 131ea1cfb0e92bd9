import type { BaseData, YearTriple } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { isBlank } from '../finding-helpers.js';

const hasYear = (t: YearTriple) => t.priorActual !== null || t.budget !== null || t.actual !== null;

/** A filled sheet: any money figure beyond the staffing counts (which reports often give in prose). */
function isFilledSheet(bd: BaseData): boolean {
  const tp = bd.threePublic;
  return (
    [tp.total, tp.overseas, tp.vehicles, tp.vehiclePurchase, tp.vehicleOperation, tp.reception, bd.project, bd.operating].some(hasYear) ||
    bd.projectLines.some(hasYear) ||
    bd.operatingLines.some(hasYear) ||
    bd.procurement.budget !== null ||
    bd.procurement.actual !== null ||
    bd.buildings.length > 0
  );
}

/** 基础数据表应有填表人、单位负责人签字和填报日期。 */
export const baseDataSigned: AuditRule = {
  id: 'base-data-signed',
  title: { zh: '基础数据表应有签字和日期', en: 'The base-data sheet is signed and dated' },
  severity: 'info',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const bd = ev.baseData;
    if (!bd || !isFilledSheet(bd)) return out;
    const sig = bd.signatures;
    const missing = [
      isBlank(sig.filler) ? '填表人' : null,
      isBlank(sig.head) ? '单位负责人签字' : null,
      isBlank(sig.date) ? '填报日期' : null,
    ].filter((x): x is string => x !== null);
    if (missing.length === 0) return out;
    out.push({
      message: `基础数据表未填写${missing.join('、')}（公开版本可能删去了签字；报送版本应补全）。`,
      location: { path: 'baseData.signatures', label: '基础数据表 › 签字' },
      reported: null,
      expected: null,
      difference: null,
    });
    return out;
  },
};
