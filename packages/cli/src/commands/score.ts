/** `jixiao score <evaluation> [--profile id] [--json]`: indicator scores, totals and grade. */
import {
  EVALUATION_KIND_LABELS,
  computeFundRowRates,
  describeBasis,
  formatDecimal,
  getProfile,
  scoreEvaluation,
  JxError,
  type Decimal,
  type Evaluation,
  type Profile,
  type ScoreResult,
} from '@jixiao/core';
import { renderTable } from '../output/render-table.js';
import { styleFor } from '../output/style.js';
import { parseOptions } from '../parse-options.js';
import { readEvaluationFile } from '../read-evaluation-file.js';
import { scoreResultToJson } from '../output/score-json.js';
import type { Command } from './command.js';
import { commandInfo } from './index.js';

export const scoreCommand: Command = {
  ...commandInfo('score'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new JxError('USAGE', '请给出一个评价文件，如 jixiao score examples/seed-001-hunan-2023.json');
    const loaded = await readEvaluationFile(positionals[0]!);
    const profile = getProfile(values.profile ?? loaded.evaluation.profile);
    const result = scoreEvaluation(loaded.evaluation, profile);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ file: loaded.file, score: scoreResultToJson(result) }, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(renderScore(loaded.evaluation, profile, result, io));
    return 0;
  },
};

const f = (d: Decimal | null) => (d === null ? '—' : formatDecimal(d));

/** "农村公路养护项目（43062123T…）2023 年度项目支出绩效自评" or "某单位 2023 年度部门整体支出绩效自评". */
function titleOf(ev: Evaluation): string {
  const kind = EVALUATION_KIND_LABELS[ev.kind];
  if (ev.kind === 'department' || !ev.project) return `${ev.unit.name ?? '（未署名单位）'} ${ev.fiscalYear} 年度${kind}绩效自评`;
  const code = ev.project.code ? `（${ev.project.code}）` : '';
  return `${ev.project.name}${code} ${ev.fiscalYear} 年度${kind}绩效自评`;
}

const pctOf = (ratio: Decimal | null) => (ratio === null ? '—' : `${formatDecimal(ratio.times(100))}%`);
const cell = (s: string | null) => s ?? '—';

/** The funds table of a project or transfer: each row's amounts and its recomputed rates. */
function renderFunds(ev: Evaluation, profile: Profile, terminal: boolean): string {
  const rows = computeFundRowRates(ev.funds, profile).map((x) => [
    x.label,
    cell(x.row.initial),
    cell(x.row.adjusted),
    cell(x.row.executed),
    cell(x.row.arrived),
    pctOf(x.executionRate),
    pctOf(x.arrivalRate),
  ]);
  const unit = ev.funds.sourceUnit === '元' ? '万元，原表以元填报' : '万元';
  return renderTable([`项目资金（${unit}）`, '年初预算数', '全年预算数', '全年执行数', '资金到位数', '执行率（计算）', '到位率（计算）'], rows, {
    colWidths: [22, 12, 12, 12, 12, 14, 14],
    terminal,
  });
}

export function renderScore(ev: Evaluation, profile: Profile, r: ScoreResult, io: Parameters<Command['run']>[1]): string {
  const s = styleFor(io);
  const terminal = Boolean(io.stdout.isTTY);
  const out: string[] = [];
  out.push(s.bold(`${titleOf(ev)} — 评分`));
  if (ev.kind !== 'department' && ev.project) {
    out.push(s.dim(`实施单位：${ev.project.implementingUnit ?? ev.unit.name ?? '—'}　项目负责人：${ev.project.manager ?? '—'}`));
  }
  out.push(s.dim(`评分规则：${r.profile.name}（${r.profile.id}@${r.profile.version}）`));
  out.push('');
  if (ev.kind !== 'department' && (ev.funds.total.adjusted !== null || ev.funds.total.executed !== null || ev.funds.bySource.length > 0)) {
    out.push(renderFunds(ev, profile, terminal));
  }
  const e = r.execution;
  out.push(
    renderTable(
      ['项目', '分值', '自评得分', '计算得分', '计算说明'],
      [
        ev.budgetExecution.weight === null && e.weight !== null && e.weight.isZero()
          ? ['预算执行率', '不计分', f(e.stated), '—', `按规则，${EVALUATION_KIND_LABELS[ev.kind]}的预算执行率不计分；${e.explanation}`]
          : ['预算执行率', f(e.weight), f(e.stated), f(e.computed), e.explanation],
      ],
      { colWidths: [14, 8, 10, 10, 60], terminal },
    ),
  );
  if (r.indicators.length > 0) {
    const rows = r.indicators.map((i) => [
      i.level1,
      i.level2,
      i.name,
      i.target?.raw ?? '',
      i.actual?.raw ?? '',
      f(i.weight),
      f(i.stated),
      i.computed === null ? '—' : i.stated !== null && !i.computed.equals(i.stated) ? s.yellow(f(i.computed)) : f(i.computed),
      i.explanation,
    ]);
    out.push(
      renderTable(['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '自评', '计算', '计算说明'], rows, {
        colWidths: [12, 12, 22, 12, 12, 6, 6, 6, 40], terminal }),
    );
  }
  if (r.level1.length > 0) {
    out.push(
      renderTable(
        ['一级指标', '标注分值', '下级分值合计', '自评得分', '计算得分', '说明'],
        r.level1.map((l) => [l.name, f(l.headedWeight), f(l.childWeightSum), f(l.stated), f(l.computed), l.explanation]),
        { colWidths: [14, 10, 14, 10, 10, 50], terminal },
      ),
    );
  }
  out.push('');
  out.push(`分值合计：${formatDecimal(r.totalWeight)}`);
  out.push(`自评总分：${f(r.statedTotal)}　计算总分：${s.bold(f(r.computedTotal))}`);
  out.push(`自评等级：${r.statedGrade ?? '—'}　计算等级：${s.bold(r.computedGrade ?? (r.ungradableReason ? s.yellow('无法定级') : '—'))}`);
  for (const line of r.explanation) out.push(s.dim(line));
  if (r.basis.length > 0) {
    out.push('');
    out.push(s.bold('计分依据'));
    for (const b of r.basis) out.push(`  ${b.label}：${describeBasis(b).replace('【未核实】', s.yellow('【未核实】'))}`);
  }
  return `${out.join('\n')}\n`;
}
