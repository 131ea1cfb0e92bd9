/**
 * Department-level formulas of the 2013 common framework, computed from the base-data
 * sheet (基础数据表) and the funds block. Each formula is a ratio (1 = 100%), null when an
 * input is missing, with the stated figure when the model holds one and a Chinese
 * explanation such as "11 ÷ 12 = 91.67%".
 */
import { Decimal, dec, decOrNull, formatDecimal, formatPercent, sumDec } from '../decimal/decimal.js';
import type { BaseData, Evaluation, YearTriple } from '../model/evaluation.js';
import type { Profile } from '../profiles/profile.js';
import type { DepartmentFormula } from './types.js';

type Input = { label: string; value: Decimal | null };

function ratio(
  id: string,
  name: string,
  part: Input,
  whole: Input,
  places: number,
  stated: string | null = null,
): DepartmentFormula {
  const f = (d: Decimal) => formatDecimal(d, places);
  const missing = [part, whole].filter((x) => x.value === null).map((x) => x.label);
  if (missing.length) {
    return { id, name, value: null, stated, explanation: `缺少${missing.join('、')}，无法计算${name}` };
  }
  if (whole.value!.isZero()) {
    return { id, name, value: null, stated, explanation: `${whole.label}为 0，无法计算${name}` };
  }
  const value = part.value!.dividedBy(whole.value!);
  return {
    id,
    name,
    value,
    stated,
    explanation: `${part.label} ÷ ${whole.label} = ${f(part.value!)} ÷ ${f(whole.value!)} = ${formatPercent(value, places)}`,
  };
}

/** (now − before) ÷ before */
function change(
  id: string,
  name: string,
  now: Input,
  before: Input,
  places: number,
  stated: string | null = null,
): DepartmentFormula {
  const f = (d: Decimal) => formatDecimal(d, places);
  const missing = [now, before].filter((x) => x.value === null).map((x) => x.label);
  if (missing.length) {
    return { id, name, value: null, stated, explanation: `缺少${missing.join('、')}，无法计算${name}` };
  }
  if (before.value!.isZero()) {
    return { id, name, value: null, stated, explanation: `${before.label}为 0，无法计算${name}` };
  }
  const value = now.value!.minus(before.value!).dividedBy(before.value!);
  return {
    id,
    name,
    value,
    stated,
    explanation: `(${now.label} − ${before.label}) ÷ ${before.label} = (${f(now.value!)} − ${f(before.value!)}) ÷ ${f(before.value!)} = ${formatPercent(value, places)}`,
  };
}

/** 三公经费 column: the total row, or the sum of its parts when the total is blank. */
function threePublicColumn(tp: BaseData['threePublic'], column: keyof YearTriple): Decimal | null {
  const total = decOrNull(tp.total[column]);
  if (total !== null) return total;
  const vehicles =
    decOrNull(tp.vehicles[column]) ??
    (() => {
      const parts = [decOrNull(tp.vehiclePurchase[column]), decOrNull(tp.vehicleOperation[column])].filter(
        (x): x is Decimal => x !== null,
      );
      return parts.length ? sumDec(parts) : null;
    })();
  const parts = [decOrNull(tp.overseas[column]), vehicles, decOrNull(tp.reception[column])].filter(
    (x): x is Decimal => x !== null,
  );
  return parts.length ? sumDec(parts) : null;
}

export function computeDepartmentFormulas(evaluation: Evaluation, profile?: Profile): DepartmentFormula[] {
  const places = profile?.rounding.places ?? 2;
  const bd = evaluation.baseData;
  const funds = evaluation.funds;
  const out: DepartmentFormula[] = [];
  const n = (x: number | null | undefined) => (x === null || x === undefined ? null : dec(x));

  out.push(
    ratio(
      'staffing-control-rate',
      '在职人员控制率',
      { label: '实际在职人数', value: n(bd?.staffing.actual) },
      { label: '编制数', value: n(bd?.staffing.authorized) },
      places,
      bd?.staffing.statedControlRate ?? null,
    ),
  );

  const tp = bd?.threePublic;
  const tpNow = tp ? threePublicColumn(tp, 'actual') : null;
  const tpPrior = tp ? threePublicColumn(tp, 'priorActual') : null;
  const tpBudget = tp ? threePublicColumn(tp, 'budget') : null;
  out.push(
    change(
      'three-public-change-rate',
      '三公经费变动率',
      { label: '本年三公经费决算数', value: tpNow },
      { label: '上年三公经费决算数', value: tpPrior },
      places,
    ),
  );
  out.push(
    ratio(
      'three-public-control-rate',
      '三公经费控制率',
      { label: '三公经费实际支出', value: tpNow },
      { label: '三公经费预算数', value: tpBudget },
      places,
    ),
  );

  out.push(
    ratio(
      'budget-execution-rate',
      '预算执行率',
      { label: '全年执行数', value: decOrNull(funds.total.executed) },
      { label: '全年预算数', value: decOrNull(funds.total.adjusted) },
      places,
      evaluation.budgetExecution.statedRate,
    ),
  );
  out.push(
    change(
      'budget-adjustment-rate',
      '预算调整率',
      { label: '全年预算数', value: decOrNull(funds.total.adjusted) },
      { label: '年初预算数', value: decOrNull(funds.total.initial) },
      places,
    ),
  );

  const opActual = decOrNull(bd?.operating.actual) ?? decOrNull(funds.operating.executed);
  const opBudget = decOrNull(bd?.operating.budget) ?? decOrNull(funds.operating.adjusted) ?? decOrNull(funds.operating.initial);
  out.push(
    ratio(
      'operating-control-rate',
      '公用经费控制率',
      { label: '公用经费实际支出', value: opActual },
      { label: '公用经费预算数', value: opBudget },
      places,
    ),
  );

  out.push(
    ratio(
      'procurement-execution-rate',
      '政府采购执行率',
      { label: '实际政府采购金额', value: decOrNull(bd?.procurement.actual) },
      { label: '政府采购预算数', value: decOrNull(bd?.procurement.budget) },
      places,
    ),
  );

  const buildings = bd?.buildings ?? [];
  if (buildings.length === 0) {
    out.push(ratio('building-size-control-rate', '楼堂馆所面积控制率', { label: '实际规模', value: null }, { label: '批复规模', value: null }, places));
    out.push(
      ratio('building-investment-control-rate', '楼堂馆所投资控制率', { label: '实际投资', value: null }, { label: '预算投资', value: null }, places),
    );
  } else {
    buildings.forEach((b, i) => {
      const suffix = buildings.length > 1 ? `.${i}` : '';
      const named = b.name ? `（${b.name}）` : buildings.length > 1 ? `（第 ${i + 1} 项）` : '';
      out.push(
        ratio(
          `building-size-control-rate${suffix}`,
          `楼堂馆所面积控制率${named}`,
          { label: '实际规模', value: decOrNull(b.actualSize) },
          { label: '批复规模', value: decOrNull(b.approvedSize) },
          places,
          b.statedSizeControlRate,
        ),
      );
      out.push(
        ratio(
          `building-investment-control-rate${suffix}`,
          `楼堂馆所投资控制率${named}`,
          { label: '实际投资', value: decOrNull(b.actualInvestment) },
          { label: '预算投资', value: decOrNull(b.budgetInvestment) },
          places,
          b.statedInvestmentControlRate,
        ),
      );
    });
  }

  out.push(
    ratio(
      'fixed-asset-utilisation-rate',
      '固定资产利用率',
      { label: '在用固定资产', value: decOrNull(bd?.fixedAssets.inUse) },
      { label: '固定资产总额', value: decOrNull(bd?.fixedAssets.total) },
      places,
    ),
  );
  out.push(
    ratio(
      'carry-over-rate',
      '结转结余率',
      { label: '结转结余', value: decOrNull(bd?.carryOverBalance) },
      { label: '全年执行数', value: decOrNull(funds.total.executed) },
      places,
    ),
  );
  return out;
}
