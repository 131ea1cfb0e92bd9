import { parseTarget } from '../../targets/parse-target.js';
import type { AuditRule, FindingDraft } from '../types.js';

/** 指标值（绩效目标中的和指标表中的）应能读懂：方向、数值明确，不自相矛盾。 */
export const targetParseable: AuditRule = {
  id: 'target-parseable',
  title: { zh: '指标值应清楚无矛盾', en: 'Targets are readable and not self-contradictory' },
  severity: 'warning',
  category: 'format',
  check({ evaluation: ev, score }) {
    const out: FindingDraft[] = [];
    ev.goals.forEach((g, i) =>
      g.targets.forEach((t, k) => {
        const p = parseTarget(t.target);
        if (p.kind !== 'unparseable') return;
        out.push({
          message: `绩效目标中“${t.name}${t.target}”的指标值无法读懂：${p.reason}。请写明方向和数值（如“≥90%”或“≤0.5%”）。`,
          location: { path: `goals.${i}.targets.${k}`, label: `年度总体目标 › ${g.title ?? ''} › ${t.name}` },
          reported: t.target,
          expected: null,
          difference: null,
        });
      }),
    );
    for (const s of score.indicators) {
      if (s.target?.kind !== 'unparseable') continue;
      out.push({
        message: `指标“${s.name}”的年度指标值“${s.target.raw}”无法读懂：${s.target.reason}。`,
        location: { path: `${s.path}.target`, label: [s.level1, s.level2, s.name].filter(Boolean).join(' › ') },
        reported: s.target.raw,
        expected: null,
        difference: null,
      });
    }
    return out;
  },
};
