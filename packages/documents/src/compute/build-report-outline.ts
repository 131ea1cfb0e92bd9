/**
 * The report as a list of typed nodes (title, headings, paragraphs, tables, charts),
 * built from the template's chapter outline, the computed figures and the unit's own
 * chapters. The .docx renderer only lays these out; tests can read them as text.
 */
import { dec, formatDecimal, type Decimal, type Evaluation } from '@jixiao/core';
import { textForKind, type FigureBlockName, type Template, type TemplateBlock } from '../templates/template-schema.js';
import { COLUMN_LABELS, type ReportFigures } from './compute-report-figures.js';
import { findUnitText } from './find-unit-text.js';
import { buildProjectChapter, type ProjectTableRow } from './build-project-chapter.js';
import { dropConflictingSentences } from './drop-conflicting-sentences.js';
import { gradeCheckSentence } from './grade-check.js';
import { chineseNumber, fillPlaceholders, fmtAmount, fmtPercent, fmtScore } from './format-figures.js';

export type ChartKind = 'scores' | 'budget' | 'sources';

export type ReportNode =
  | { type: 'attachment'; text: string }
  | { type: 'title'; text: string }
  | { type: 'h1' | 'h2' | 'h3'; text: string }
  | { type: 'p'; text: string; missing?: boolean }
  | { type: 'indicatorTable' }
  | { type: 'scoreTable' }
  | { type: 'chart'; chart: ChartKind; caption: string }
  | { type: 'projectTable'; rows: ProjectTableRow[]; total: ProjectTableRow }
  | { type: 'signature'; lines: string[] };

export function placeholderValues(evaluation: Evaluation): { year: string; unit: string; project: string } {
  return {
    year: String(evaluation.fiscalYear),
    unit: evaluation.unit.name ?? '【待填写：单位名称】',
    project: evaluation.project?.name ?? evaluation.unit.name ?? '【待填写：项目名称】',
  };
}

export function reportTitle(evaluation: Evaluation, template: Template): string {
  return fillPlaceholders(textForKind(template.report.title, evaluation.kind), placeholderValues(evaluation));
}

function sentence(parts: string[]): string {
  return parts.filter(Boolean).join('，') + '。';
}

/** `children`: a department's project and transfer evaluations, for its project chapter. */
export function buildReportOutline(fig: ReportFigures, template: Template, children?: readonly Evaluation[]): ReportNode[] {
  const ev = fig.evaluation;
  const values = placeholderValues(ev);
  const nodes: ReportNode[] = [];
  const gapText = (label: string) => fillPlaceholders(template.report.missingText, { label });
  const missing = (label: string): ReportNode => ({ type: 'p', text: gapText(label), missing: true });
  /** A stated figure with its unit, or a plain marked gap (never "——分"). */
  const orGap = (d: Decimal | null, label: string, unit = '') => (d === null ? gapText(label) : `${fmtScore(d, fig.profile.rounding.places)}${unit}`);
  if (template.report.attachmentLabel) nodes.push({ type: 'attachment', text: template.report.attachmentLabel });
  nodes.push({ type: 'title', text: reportTitle(ev, template) });
  if (template.report.preamble) nodes.push({ type: 'p', text: fillPlaceholders(template.report.preamble, values) });

  const used = new Set<number>();
  const reportValues = { executionRate: fig.executionRate, totalScore: fig.totalRow.score, grade: fig.grade };
  let chartNo = 0;
  const chapters = template.report.chapters.filter((c) => !c.kinds || c.kinds.includes(ev.kind));
  chapters.forEach((ch, ci) => {
    const num = template.report.chapterNumbering === 'chinese' ? `${chineseNumber(ci + 1)}、` : `${ci + 1}. `;
    nodes.push({ type: 'h1', text: `${num}${ch.title}` });
    let h2 = 0;
    for (const block of ch.blocks) {
      const body = renderBlock(block);
      if (body.length === 0) continue;
      // Unit text that brings its own sub-headings replaces the block heading.
      const ownHeadings = block.kind === 'unit' && body[0]?.type === 'h2';
      if (block.heading && !ownHeadings) {
        h2 += 1;
        nodes.push({ type: 'h2', text: `（${chineseNumber(h2)}）${block.heading}` });
      }
      // Sub-sections of unit text become h2 under a chapter, h3 under a block heading.
      for (const n of body) {
        if (n.type === 'h2' && block.heading && !ownHeadings) nodes.push({ ...n, type: 'h3' });
        else if (n.type === 'h2') {
          h2 += 1;
          nodes.push({ type: 'h2', text: `（${chineseNumber(h2)}）${n.text}` });
        } else nodes.push(n);
      }
    }
  });
  return nodes;

  function renderBlock(block: TemplateBlock): ReportNode[] {
    if (block.kind === 'unit') {
      const found = findUnitText(ev, template, block.slot, used);
      const label = template.slots[block.slot]!.label;
      if (!found) return block.required ? [missing(label)] : [];
      const out: ReportNode[] = [];
      const para = (raw: string) => {
        const { text, dropped } = dropConflictingSentences(raw, reportValues);
        if (text) out.push({ type: 'p', text });
        for (const what of new Set(dropped)) out.push(missing(`原文此处所述${what}与本报告数据不一致，已略去，请单位核对`));
      };
      found.paragraphs.forEach(para);
      found.sections.forEach((s, i) => {
        out.push({ type: 'h2', text: block.heading && found.paragraphs.length > 0 ? `${i + 1}. ${s.title}` : s.title });
        s.paragraphs.forEach(para);
      });
      return out;
    }
    return figureBlock(block.name);
  }

  function chart(kind: ChartKind, caption: string): ReportNode[] {
    chartNo += 1;
    return [{ type: 'chart', chart: kind, caption: `图${chartNo} ${caption}` }];
  }

  function figureBlock(name: FigureBlockName): ReportNode[] {
    const p = (text: string): ReportNode => ({ type: 'p', text });
    const places = fig.profile.rounding.places;
    switch (name) {
      case 'staffing': {
        const s = fig.staffing;
        if (s.authorized === null && s.actual === null) return ev.kind === 'department' ? [missing('编制数及实际在职人数')] : [];
        return [
          p(
            sentence([
              s.authorized !== null ? `人员编制${s.authorized}个` : `人员编制${gapText('编制数')}`,
              s.actual !== null ? `${ev.fiscalYear}年实际在职人数${s.actual}人` : `${ev.fiscalYear}年实际在职人数${gapText('实际在职人数')}`,
              s.rate ? `在职人员控制率${fmtPercent(s.rate)}（实际在职人数÷编制数）` : '',
            ]),
          ),
        ];
      }
      case 'fundsSummary': {
        const t = fig.total;
        const ex = fig.score.execution;
        const exRow = fig.scoreRows[0]!;
        const amount = (d: Decimal | null, label: string) => (d === null ? gapText(label) : `${fmtAmount(d)}万元`);
        if (t.initial === null && t.adjusted === null && t.executed === null) return [missing('年度预算及执行数')];
        const parts = [
          `${ev.fiscalYear}年度年初预算数${amount(t.initial, '年初预算数')}`,
          `全年预算数${amount(t.adjusted, '全年预算数')}`,
          `全年执行数${amount(t.executed, '全年执行数')}`,
        ];
        if (fig.executionRate) parts.push(`预算执行率${fmtPercent(fig.executionRate)}${ex.rate ? `（全年执行数÷${ex.base === 'adjusted' ? '全年预算数' : '年初预算数'}）` : ''}`);
        if (exRow.weight !== null || exRow.score !== null) parts.push(`预算执行率指标分值${orGap(exRow.weight, '预算执行率分值', '分')}，得分${orGap(exRow.score, '预算执行率得分', '分')}`);
        const out = [p(sentence(parts))];
        if (t.initial && t.adjusted && !t.initial.equals(t.adjusted) && !t.initial.isZero()) {
          const diff = t.adjusted.minus(t.initial);
          const why = ev.funds.adjustmentReason;
          out.push(
            p(
              sentence([
                `全年预算数较年初预算数${diff.isNegative() ? '调减' : '调增'}${fmtAmount(diff.abs())}万元，调整幅度${fmtPercent(diff.abs().dividedBy(t.initial))}`,
                why ? `调整原因：${why}` : '',
              ]),
            ),
          );
        }
        return out;
      }
      case 'fundsBySource': {
        if (fig.bySource.length === 0) return [];
        const col = COLUMN_LABELS[fig.shareColumn];
        return [
          p(
            `按资金来源分（${col}）：` +
              fig.bySource.map((s) => `${s.label}${fmtAmount(s.amount)}万元${s.share ? `，占${fmtPercent(s.share)}` : ''}`).join('；') +
              '。',
          ),
        ];
      }
      case 'fundsByNature': {
        const n = fig.byNature;
        if (!n.basic && !n.project) return [];
        const col = COLUMN_LABELS[fig.shareColumn];
        const seg: string[] = [];
        if (n.basic) {
          let s = `基本支出${fmtAmount(n.basic.amount)}万元${n.basic.share ? `，占总支出的${fmtPercent(n.basic.share)}` : ''}`;
          const sub = [n.personnel, n.operating]
            .filter((x) => x !== null)
            .map((x) => `${x.label}${fmtAmount(x.amount)}万元${x.share ? `，占基本支出的${fmtPercent(x.share)}` : ''}`);
          if (sub.length) s += `，其中${sub.join('，')}`;
          seg.push(s);
        }
        if (n.project) {
          const count = ev.funds.projectCount;
          seg.push(
            `项目支出${count !== null ? `（${count}个项目）` : ''}${fmtAmount(n.project.amount)}万元${n.project.share ? `，占总支出的${fmtPercent(n.project.share)}` : ''}`,
          );
        }
        return [p(`按支出性质分（${col}）：${seg.join('；')}。`)];
      }
      case 'goals': {
        const goals = ev.goals.filter((g) => g.expected || g.title);
        if (goals.length === 0) return [missing('年度总体目标')];
        return goals.map((g) => p(`${g.title && goals.length > 1 ? `${g.title}：` : ''}${g.expected ?? ''}`));
      }
      case 'goalsAchieved': {
        const goals = ev.goals.filter((g) => g.achieved);
        if (goals.length === 0) return [missing('年度总体目标实际完成情况')];
        return goals.map((g) => p(`${g.title && goals.length > 1 ? `${g.title}：` : ''}${g.achieved}`));
      }
      case 'indicatorOverview': {
        if (ev.indicators.length === 0) return [missing('绩效指标（一级、二级、三级指标及分值）')];
        const exRow = fig.scoreRows[0]!;
        const parts = fig.score.level1.map((l1, i) => {
          const leaves = fig.score.indicators.filter((x) => x.path.startsWith(`${l1.path}.`)).length;
          const row = fig.scoreRows[i + 1]!;
          const l2 = ev.indicators[i]?.children.length ?? 0;
          const counts = leaves > 0 ? `${l2}个二级指标、${leaves}个三级指标` : '';
          const w = row.weight !== null ? `分值${fmtScore(row.weight, places)}分` : '';
          const inner = [w, counts].filter(Boolean).join('，');
          return `${l1.name}${inner ? `（${inner}）` : ''}`;
        });
        const total = fig.totalRow.weight !== null ? `，总分值${fmtScore(fig.totalRow.weight, places)}分` : '';
        return [
          p(
            `绩效指标由${exRow.weight !== null ? `预算执行率（分值${fmtScore(exRow.weight, places)}分）和` : ''}${fig.score.level1.length}个一级指标构成：${parts.join('、')}${total}。`,
          ),
        ];
      }
      case 'indicatorTable':
        return ev.indicators.length === 0 ? [] : [{ type: 'indicatorTable' }];
      case 'levelAnalysis': {
        if (fig.score.level1.length === 0) return [missing('绩效指标完成情况')];
        const out: ReportNode[] = [];
        fig.score.level1.forEach((l1, i) => {
          const row = fig.scoreRows[i + 1]!;
          const head = [
            row.weight !== null ? `分值${fmtScore(row.weight, places)}分` : '',
            row.score !== null ? `得分${fmtScore(row.score, places)}分` : '',
            row.rate !== null ? `得分率${fmtPercent(row.rate)}` : '',
          ].filter(Boolean);
          if (head.length > 0) out.push(p(`${l1.name}：${head.join('，')}。`));
          const shortfalls = fig.score.indicators.filter((x) => {
            if (!x.path.startsWith(`${l1.path}.`) || x.status === 'not_applicable') return false;
            const s = fig.leafScore(x);
            const w = fig.leafWeight(x);
            return w !== null && s !== null && s.lessThan(w);
          });
          for (const x of shortfalls) {
            const ind = leafAt(ev, x.path);
            const why = ind?.deviationReason?.trim();
            out.push(
              p(
                `${x.name}：年度指标值${ind?.target ?? '——'}，实际完成值${ind?.actual ?? '——'}，分值${fmtScore(fig.leafWeight(x), places)}分，得分${fmtScore(fig.leafScore(x), places)}分。偏差原因及改进措施：${why || gapText('偏差原因分析及改进措施')}`,
              ),
            );
          }
        });
        return out;
      }
      case 'conclusion': {
        const total = fig.totalRow;
        const kindText = ev.kind === 'department' ? '部门整体支出' : '项目支出';
        return [
          p(
            `经自评，${values.unit}${ev.fiscalYear}年度${kindText}绩效自评得分${orGap(total.score, '自评得分', '分')}${total.weight !== null ? `（满分${fmtScore(total.weight, places)}分）` : ''}，评价等级为${fig.grade ? `“${fig.grade}”` : gapText('评价等级')}。`,
          ),
          // jixiao's check beside the unit's grade where the total cannot be graded (never in its place).
          ...[gradeCheckSentence(fig)].flatMap((text) => (text ? [p(text)] : [])),
        ];
      }
      case 'scoreTable':
        return ev.indicators.length === 0 ? [] : [{ type: 'scoreTable' }];
      case 'chartScores':
        return fig.score.level1.length === 0 ? [] : chart('scores', '各项指标分值与得分');
      case 'chartBudget':
        return fig.total.adjusted === null && fig.total.executed === null ? [] : chart('budget', '预算数与执行数（万元）');
      case 'chartSources':
        return fig.bySource.length < 2 ? [] : chart('sources', '资金来源构成（万元）');
      case 'projects':
        return buildProjectChapter(fig, children);
      case 'team': {
        const lines: string[] = [];
        const out: ReportNode[] = [];
        if (ev.team.length === 0) out.push(missing('评价工作组人员名单'));
        else {
          for (const m of ev.team) {
            out.push(p(`${m.role ? `${m.role}：` : ''}${m.name}${m.title ? `　${m.title}` : ''}${m.unit ? `　${m.unit}` : ''}`));
          }
        }
        lines.push(values.unit);
        lines.push(ev.dates.reportDate ? chineseDate(ev.dates.reportDate) : fillPlaceholders(template.report.missingText, { label: '报告日期' }));
        out.push({ type: 'signature', lines });
        return out;
      }
    }
  }
}

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function leafAt(ev: Evaluation, path: string) {
  const m = /^indicators\.(\d+)\.children\.(\d+)\.children\.(\d+)$/.exec(path);
  if (!m) return null;
  return ev.indicators[Number(m[1])]?.children[Number(m[2])]?.children[Number(m[3])] ?? null;
}
