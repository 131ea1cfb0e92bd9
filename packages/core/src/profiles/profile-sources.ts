/**
 * Where each knob of a rule profile comes from: the document (文号, title, year, level),
 * whether its figure was checked against that document's text, and a note. A user reading a
 * score can then tell a rule from a guess: an unverified knob is marked wherever it is shown.
 *
 * `profileKnobs` lists every knob a profile has (a knob added to the schema is listed
 * automatically), so the profile test fails when a knob has no source.
 */
import { z } from 'zod';

export const SOURCE_LEVELS = ['national', 'provincial', 'city', 'report'] as const;
export type SourceLevel = (typeof SOURCE_LEVELS)[number];
export const SOURCE_LEVEL_LABELS: Record<SourceLevel, string> = {
  national: '国家',
  provincial: '省级',
  city: '市级',
  report: '单份报告',
};

export const SourceDocument = z.object({
  /** Key the knobs refer to, e.g. "cz-2020-10". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** 文号 as issued (财预〔2020〕10号); null when jixiao does not know it — never a guess. */
  number: z.string().min(1).nullable(),
  title: z.string().min(1),
  year: z.number().int().min(1990).max(2100).nullable(),
  level: z.enum(SOURCE_LEVELS),
  issuer: z.string().nullable().default(null),
  /** Where the text was read (a public copy), when there is one. */
  url: z.string().nullable().default(null),
});
export type SourceDocument = z.output<typeof SourceDocument>;

export const KnobSource = z.object({
  /** A document id from `sources.documents`; null: no document found (jixiao's own default). */
  document: z.string().nullable(),
  /** True only when the figure was checked against the document's text. */
  verified: z.boolean(),
  note: z.string().min(1),
});
export type KnobSource = z.output<typeof KnobSource>;

export const ProfileSources = z
  .object({
    documents: z.array(SourceDocument).default([]),
    /** Knob key (see `profileKnobs`) → its source. */
    knobs: z.record(z.string(), KnobSource).default({}),
  })
  .default({ documents: [], knobs: {} })
  .superRefine((s, ctx) => {
    const ids = new Set(s.documents.map((d) => d.id));
    for (const [knob, src] of Object.entries(s.knobs)) {
      if (src.document !== null && !ids.has(src.document)) {
        ctx.addIssue({ code: 'custom', path: ['knobs', knob, 'document'], message: `未列出的依据文件 ${src.document}` });
      }
    }
  });
export type ProfileSources = z.output<typeof ProfileSources>;

/** One knob of a profile, with its Chinese label. */
export interface ProfileKnob {
  key: string;
  label: string;
}

/** A knob's source resolved for display (plain data; serialises as is). */
export interface KnobBasis {
  knob: string;
  label: string;
  document: Pick<SourceDocument, 'number' | 'title' | 'year' | 'level' | 'issuer'> | null;
  verified: boolean;
  note: string;
}

const LABELS: Record<string, string> = {
  'weights.total': '总分',
  'weights.budgetExecution': '预算执行率分值',
  'weights.totalIncludesBudgetExecution': '总分是否含预算执行得分',
  'weights.level1.project': '项目支出一级指标分值',
  'weights.level1.department': '部门整体一级指标分值',
  'weights.level1.transfer': '转移支付一级指标分值',
  'weights.byKind.department': '部门整体的分值设置',
  'weights.byKind.project': '项目支出的分值设置',
  'weights.byKind.transfer': '转移支付的分值设置',
  'execution.base': '预算执行率的分母',
  'execution.cap': '预算执行率计分上限',
  'execution.explanationBelow': '执行率低于多少须说明',
  'quantitative.overAchievementThreshold': '超额完成须说明原因的阈值',
  'reverse.formula': '反向指标计分公式',
  'qualitative.bands': '定性指标三档得分区间',
  grades: '评价等级区间',
  gradeBands: '统计用的统一等级档次（各地等级名称的对应）',
  'rounding.places': '显示保留小数位',
  notApplicable: '不适用指标的处理',
  'audit.budgetAdjustmentThreshold': '预算调整须说明的幅度',
  'audit.budgetAdjustmentSteps': '预算调整率扣分档次',
  'monitoring.executionLag': '运行监控：执行进度落后阈值',
  'monitoring.forecastTolerance': '运行监控：预计值允许偏差',
  'submission.blocking': '提交前必须处理的审核问题',
  'departmentFramework.levels': '部门整体评价框架的一、二级指标分值',
  'quality.completeness': '自评质量：填报完整性',
  'quality.consistency': '自评质量：内部一致性（审核错误与提醒）',
  'quality.targets': '自评质量：绩效目标质量',
  'quality.distortion': '自评质量：自评失真（与复评或计算得分之差）',
  'quality.fullMarks': '自评质量：满分指标占比',
  'quality.deviationReasons': '自评质量：偏差原因说明',
  'resultApplication.actions': '结果应用：预算处理方式',
  'resultApplication.byGrade': '结果应用：各等级建议的预算处理',
  'resultApplication.ungradable': '结果应用：无法定级时的处理',
};

/** Sections whose direct children are one knob each. */
const SECTIONS = ['execution', 'quantitative', 'reverse', 'qualitative', 'rounding', 'audit', 'monitoring', 'submission', 'quality', 'resultApplication'];
/** Top-level fields that are one knob each. */
const WHOLE = ['grades', 'notApplicable'];
/** Fields that describe the profile rather than set a rule. */
const META = new Set(['id', 'version', 'name', 'jurisdiction', 'basis', 'description', 'sources']);

type Indexable = Record<string, unknown>;

/**
 * Every knob of a profile: weights (total, execution, each kind's level-1 tree, each
 * alternative tree, each per-kind override), each section's settings, the grades, each rule
 * severity set by the profile, and each line of a department framework.
 */
export function profileKnobs(profile: unknown): ProfileKnob[] {
  const p = profile as Indexable;
  const out: ProfileKnob[] = [];
  const add = (key: string, label?: string) => out.push({ key, label: label ?? LABELS[key] ?? key });
  const w = (p.weights ?? {}) as Indexable;
  for (const k of ['total', 'budgetExecution', 'totalIncludesBudgetExecution']) if (k in w) add(`weights.${k}`);
  const l1 = (w.level1 ?? {}) as Indexable;
  add('weights.level1.project');
  add('weights.level1.department');
  if (l1.transfer !== undefined && l1.transfer !== l1.project) add('weights.level1.transfer');
  ((w.level1Alternatives ?? []) as Array<{ name?: string }>).forEach((a, i) =>
    add(`weights.level1Alternatives.${i}`, `可选指标体系：${a.name ?? i}`),
  );
  for (const kind of Object.keys((w.byKind ?? {}) as Indexable)) add(`weights.byKind.${kind}`);
  for (const s of SECTIONS) {
    const sec = p[s];
    if (sec && typeof sec === 'object' && !Array.isArray(sec)) for (const k of Object.keys(sec)) add(`${s}.${k}`);
  }
  for (const k of WHOLE) if (k in p) add(k);
  for (const rule of Object.keys((p.severity ?? {}) as Indexable)) add(`severity.${rule}`, `审核规则“${rule}”的级别`);
  const fw = p.departmentFramework as { indicators?: Array<{ id: string; name: string }> } | undefined | null;
  if (fw) {
    add('departmentFramework.levels');
    for (const x of fw.indicators ?? []) add(`departmentFramework.${x.id}`, `部门整体评价指标：${x.name}`);
  }
  // Anything else the schema grows is a knob too, so a new field without a source fails the test.
  const known = new Set(['weights', 'severity', 'departmentFramework', ...SECTIONS, ...WHOLE]);
  for (const k of Object.keys(p)) if (!META.has(k) && !known.has(k) && p[k] !== undefined) add(k);
  return out;
}

/** Labels of a profile's knobs, computed once per (immutable) profile object. */
const LABEL_CACHE = new WeakMap<object, Map<string, string>>();
function knobLabels(profile: object): Map<string, string> {
  let m = LABEL_CACHE.get(profile);
  if (!m) {
    m = new Map(profileKnobs(profile).map((k) => [k.key, k.label]));
    LABEL_CACHE.set(profile, m);
  }
  return m;
}

/**
 * The source of a knob, resolved for display; a transfer tree without its own source falls
 * back to the project tree's (a profile without a transfer tree scores transfers by it).
 * Null when the profile lists none.
 */
export function knobBasis(
  profile: { sources: ProfileSources } & Indexable,
  knob: string,
): KnobBasis | null {
  const { knobs, documents } = profile.sources;
  const src = knobs[knob] ?? (knob === 'weights.level1.transfer' ? knobs['weights.level1.project'] : undefined);
  if (!src) return null;
  const doc = src.document === null ? null : documents.find((d) => d.id === src.document) ?? null;
  const label = LABELS[knob] ?? knobLabels(profile).get(knob) ?? knob;
  return {
    knob,
    label,
    document: doc && { number: doc.number, title: doc.title, year: doc.year, level: doc.level, issuer: doc.issuer },
    verified: src.verified,
    note: src.note,
  };
}

/** "财预〔2020〕10号《项目支出绩效评价管理办法》（国家，2020）" or "无文件依据（jixiao 默认）", 【未核实】 when unverified. */
export function describeBasis(b: KnobBasis): string {
  const d = b.document;
  // A report has no 文号; a document whose 文号 jixiao does not know says so rather than guess one.
  const number = d?.number ?? (d && d.level !== 'report' ? '（文号不详）' : '');
  const doc = d ? `${number}《${d.title}》（${SOURCE_LEVEL_LABELS[d.level]}${d.year ? `，${d.year}` : ''}）` : '无文件依据（jixiao 默认）';
  return `${doc}${b.verified ? '' : '【未核实】'}`;
}

/** Knobs of a profile that list no source (the profile test requires none). */
export function knobsWithoutSource(profile: { sources: ProfileSources } & Indexable): ProfileKnob[] {
  return profileKnobs(profile).filter((k) => knobBasis(profile, k.key) === null);
}
