/**
 * What a report's title says: the unit that reports, the year evaluated, and the project or
 * fund evaluated, in the shapes published titles take (the words are data, in this file):
 *
 *   某县教育局2023年度部门整体支出绩效自评报告                 unit, year
 *   2023年度某县教育局整体支出绩效评价报告                      year, unit
 *   某县交通运输局2023年度农村公路养护项目绩效自评报告          unit, year, subject
 *   某县民政局关于2023年度困难群众救助资金绩效自评情况的报告    unit, year, subject
 *   2023年度农村公路养护项目支出绩效自评报告                    year, subject
 *   某县教育局2023年度项目支出绩效单位自评报告                  unit, year (the unit's projects)
 *   某区残联中央转移支付2023年度绩效自评报告（残疾人补助资金）  unit, year, subject
 *   某县第一中学专项资金绩效自评价报告                          unit
 *   附件2：…自评表.pdf · 名称：…自评报告 · 《…》               the wrappers are dropped
 *
 * Pure: a compacted title line in, its parts out (null when the line is not a title).
 */
import { ORG_SUFFIX } from '../vocab/prose-vocab.js';

export interface TitleParts {
  /** The title without its wrappers (attachment number, 名称：, 《》, file extension). */
  title: string;
  unit: string | null;
  year: number | null;
  /** The project or fund evaluated, as the title names it. */
  subject: string | null;
}

const LEAD = /^(?:附件\s*\d*\s*[:：.、]?\s*|(?:文件|标题)?名称\s*[:：|｜]\s*|[《“"|｜]\s*)+/;
const TRAIL = /(?:\s*[》”"|｜]|\.(?:pdf|docx?|xlsx?|wps|et|ofd|txt|html?))+$/i;
/** A year or a name in brackets after the title: "…自评报告（残疾人事业发展补助资金）", "…自评表 (2022年度)". */
const BRACKETED = /\s*[（(]([^（）()]{2,40})[）)]$/;
/** The evaluation words that end a title; what comes before them names the unit, the year and the subject. */
const TAIL =
  /(?:的)?(?:绩效)?(?:支出)?(?:目标)?(?:单位|部门)?(?:(?:自评价?|评价)(?:自评)?|自评)(?:工作|情况|总体|结果)?(?:总)?(?:的)?(?:报告|表)$|绩效(?:报告|表)$/;
const YEAR = /(\d{4})\s*年度?/;
/** The words for the kind of spending evaluated, at the end of a part: 部门整体支出, 单位整体, 预算, 项目支出 … */
const KIND_WORDS = /(?:(?:部门|单位)(?:[（(](?:部门|单位)[）)])?)?(?:预算)?(?:整体)?(?:支出)?(?:预算)?$/;
/** A subject that only says what kind of money it is, after the unit's name: 专项资金, 中央转移支付, 项目. */
const GENERIC_SUBJECT = /(?:中央|省级|市级|县级|区级)?(?:财政)?(?:专项转移支付|转移支付|专项)?(?:项目|资金|经费)?$/;
const PROJECTISH = /项目|资金|经费|转移支付|专项|工程|补助|补贴/;
/** A unit's name: Chinese words (brackets and digits inside), not a numbered heading's marker. */
const UNIT_NAME = /^(?![一二三四五六七八九十\d]+[、.．])[\u4e00-\u9fa5（）()·\d]{2,40}$/;
/** A place alone names a jurisdiction, not the unit that reports. */
const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,10}(?:省|市|县|区|州|旗|盟|自治区)$/;
const QUOTES = /^[“"《]|[”"》]$/g;

/** A part of the title without the words for the kind of spending ("项目" alone is one of them). */
function stripKind(part: string): string {
  const rest = part.replace(KIND_WORDS, '');
  // "部门预算项目支出…": the form's own name, no project named
  return /^(?:部门|单位|本级|财政|预算|项目|支出|整体|[（()）])*$/.test(rest) ? '' : rest;
}

/** "某县第一中学专项资金" → the unit alone, when what follows its name only says what kind of money it is. */
function splitGeneric(name: string): { unit: string; generic: boolean } {
  const m = GENERIC_SUBJECT.exec(name);
  if (!m || m[0] === '') return { unit: name, generic: false };
  const unit = name.slice(0, m.index);
  return ORG_SUFFIX.test(unit) ? { unit, generic: true } : { unit: name, generic: false };
}

export function titleParts(line: string): TitleParts | null {
  let text = line.trim().replace(LEAD, '').replace(TRAIL, '').trim();
  let bracketed: string | null = null;
  const b = BRACKETED.exec(text);
  if (b) {
    const inner = b[1]!.trim();
    // a year, or the fund or project evaluated; not "(附后)", "(盖章)", "(普通省道和农村公路)"
    bracketed = /^\d{4}\s*年度?$/.test(inner) || PROJECTISH.test(inner) ? inner : null;
    text = text.slice(0, b.index);
  }
  const tail = TAIL.exec(text);
  if (!tail || tail.index < 1) return null;
  const title = text + (b ? b[0].trim() : '');
  let rest = text.slice(0, tail.index);
  let unitBefore: string | null = null;
  const about = /^(.*?)关于(.+)$/.exec(rest);
  if (about) {
    unitBefore = about[1]! || null;
    rest = about[2]!;
  }
  rest = rest.replace(QUOTES, '');
  let year: number | null = null;
  let before = rest;
  let after = '';
  const y = YEAR.exec(rest);
  if (y) {
    year = Number(y[1]);
    before = rest.slice(0, y.index);
    after = rest.slice(y.index + y[0].length);
  }
  if (year === null && bracketed && /^\d{4}\s*年度?$/.test(bracketed)) {
    year = Number(bracketed.slice(0, 4));
    bracketed = null;
  }
  const a = stripKind(after.replace(QUOTES, ''));
  const bf = stripKind(before);
  let unit: string | null = unitBefore;
  let subject: string | null = null;
  if (y) {
    // Before the year: the unit (unless "关于" named it); after: what is evaluated — or, in a title that
    // names no project ("2023年度某县教育局整体支出…"), the unit.
    const beforeName = splitGeneric(bf);
    if (unit === null && beforeName.unit !== '') unit = beforeName.unit;
    if (a !== '') {
      if (PROJECTISH.test(a) || unit !== null) subject = a;
      else unit = a;
    }
  } else if (bf !== '') {
    const name = splitGeneric(bf);
    if (name.generic) unit ??= name.unit;
    // "某县公安局禁毒项目": where the unit's name ends and the project's begins is not written; kept whole.
    else if (PROJECTISH.test(bf)) subject = bf;
    else unit ??= bf;
  }
  subject ??= bracketed;
  // "县级专项资金", "中央转移支付": what kind of money, not which
  if (subject !== null && GENERIC_SUBJECT.exec(subject)?.index === 0) subject = null;
  if (unit !== null && (!UNIT_NAME.test(unit) || PLACE_ONLY.test(unit))) unit = null;
  return { title, unit, year, subject };
}
