/** Structural edits of a form (rows added or removed), as functions of the model. */
import { emptyBaseData, type Evaluation, type FundSource } from '@jixiao/core';
import type { IndicatorOps } from '../components/IndicatorTable.js';
import { setIn } from './paths.js';

export interface EditOps extends IndicatorOps {
  addGoal(): void;
  removeGoal(i: number): void;
  /** Adds a 其中 row of this source unless the table already has one. */
  ensureSource(source: FundSource): void;
  removeSource(i: number): void;
  addBaseData(): void;
}

export const emptyIndicator = () => ({
  id: null, name: '', target: null, initialTarget: null, sign: null, unitOfMeasure: null, actual: null, qualitativeLevel: null,
  weight: null, selfScore: null, reviewerScore: null, deviationReason: null, core: false, notApplicable: false,
});

const emptyLevel2 = () => ({ name: '', weight: null, selfScore: null, children: [emptyIndicator()] });

type Update = (fn: (d: Evaluation) => Evaluation) => void;

export function buildEditOps(update: Update): EditOps {
  const children = (d: Evaluation, l1: number) => d.indicators[l1]!.children;
  const leaves = (d: Evaluation, l1: number, l2: number) => children(d, l1)[l2]!.children;
  return {
    addLevel1: () => update((d) => ({ ...d, indicators: [...d.indicators, { name: '', weight: null, selfScore: null, statedScoreRate: null, children: [] }] })),
    addLevel2: (l1) => update((d) => setIn(d, `indicators.${l1}.children`, [...children(d, l1), emptyLevel2()])),
    addIndicator: (l1, l2) => update((d) => setIn(d, `indicators.${l1}.children.${l2}.children`, [...leaves(d, l1, l2), emptyIndicator()])),
    removeIndicator: (l1, l2, i) => update((d) => setIn(d, `indicators.${l1}.children.${l2}.children`, leaves(d, l1, l2).filter((_, k) => k !== i))),
    removeLevel2: (l1, l2) => update((d) => setIn(d, `indicators.${l1}.children`, children(d, l1).filter((_, k) => k !== l2))),
    removeLevel1: (l1) => update((d) => ({ ...d, indicators: d.indicators.filter((_, k) => k !== l1) })),
    addGoal: () => update((d) => ({ ...d, goals: [...d.goals, { title: null, expected: null, achieved: null, targets: [] }] })),
    removeGoal: (i) => update((d) => ({ ...d, goals: d.goals.filter((_, k) => k !== i) })),
    ensureSource: (source) =>
      update((d) =>
        d.funds.bySource.some((r) => r.source === source)
          ? d
          : setIn(d, 'funds.bySource', [...d.funds.bySource, { source, label: null, initial: null, adjusted: null, executed: null, arrived: null, statedRate: null }]),
      ),
    removeSource: (i) => update((d) => setIn(d, 'funds.bySource', d.funds.bySource.filter((_, k) => k !== i))),
    addBaseData: () => update((d) => ({ ...d, baseData: emptyBaseData() })),
  };
}

/** The indicator tree of a template: each level-1 with one empty level-2 and leaf to fill. */
export function indicatorsFromTemplate(t: Array<{ name: string; weight: string }>): Evaluation['indicators'] {
  return t.map((x) => ({ name: x.name, weight: x.weight, selfScore: null, statedScoreRate: null, children: [emptyLevel2()] }));
}
