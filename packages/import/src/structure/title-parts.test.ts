/**
 * Titles in the shapes units publish them, written for this table (invented units and projects):
 * each row is the title line and what it says — unit, year, subject — or null when the line is
 * not a self-evaluation's title.
 */
import { describe, expect, it } from 'vitest';
import { compactLine } from '../normalise-text.js';
import { titleParts } from './title-parts.js';

type Row = [string, { unit: string | null; year: number | null; subject: string | null } | null];
const u = (unit: string | null, year: number | null, subject: string | null = null) => ({ unit, year, subject });

const ROWS: Row[] = [
  // a department's (or unit's) whole spending
  ['某县水利局2023年度部门整体支出绩效自评报告', u('某县水利局', 2023)],
  ['2023年度某县水利局部门整体支出绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年部门整体支出绩效评价报告', u('某县水利局', 2023)],
  ['某县水利局2023年度整体支出绩效自评价报告', u('某县水利局', 2023)],
  ['某县水利局2023年度单位整体支出绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年度部门预算整体绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局部门整体支出2023年度绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年度预算绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年度绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年度部门整体支出绩效自评表', u('某县水利局', 2023)],
  ['某县水利局关于2023年度部门整体支出绩效自评的报告', u('某县水利局', 2023)],
  ['某县水利局2023年度部门整体支出绩效自评情况报告', u('某县水利局', 2023)],
  ['某县水利局2023年度部门整体支出绩效自评工作报告', u('某县水利局', 2023)],
  ['某县人民医院 2023 年度整体支出绩效自评报告', u('某县人民医院', 2023)],
  ['某区2023年度部门（单位）整体支出绩效评价自评报告', u(null, 2023)],
  ['某区水利局2023年度部门(单位)整体支出绩效自评报告', u('某区水利局', 2023)],
  ['某县水利局部门整体支出绩效自评报告', u('某县水利局', null)],
  ['2023年度部门整体支出绩效评价报告', u(null, 2023)],
  ['部门整体支出绩效自评表', u(null, null)],
  // the wrappers of attachments, file names and portal fields
  ['附件2：2023年度某县水利局部门整体支出绩效自评表.pdf', u('某县水利局', 2023)],
  ['附件 3 某县水利局2023年度部门整体支出绩效自评报告.docx', u('某县水利局', 2023)],
  ['《某县水利局2023年度部门整体支出绩效自评报告》', u('某县水利局', 2023)],
  ['名称： | 某县水利局2023年度部门整体支出绩效自评报告 |', u('某县水利局', 2023)],
  ['部门整体支出绩效自评表（2023年度）', u(null, 2023)],
  // projects and funds
  ['2023年度小型水库维修养护项目绩效自评报告', u(null, 2023, '小型水库维修养护项目')],
  ['2023年度小型水库维修养护项目支出绩效自评报告', u(null, 2023, '小型水库维修养护项目')],
  ['某县水利局2023年度小型水库维修养护项目绩效自评报告', u('某县水利局', 2023, '小型水库维修养护项目')],
  ['某县水利局关于2023年度小型水库维修养护项目支出绩效自评情况的报告', u('某县水利局', 2023, '小型水库维修养护项目')],
  ['某县水利局关于“2023年度水利发展资金”绩效自评的报告', u('某县水利局', 2023, '水利发展资金')],
  ['某县水利局2023年度水利发展资金绩效评价表', u('某县水利局', 2023, '水利发展资金')],
  ['2023年度水利发展资金绩效目标自评表.xlsx', u(null, 2023, '水利发展资金')],
  ['水利发展资金绩效目标自评表 (2023年度)', u(null, 2023, '水利发展资金')],
  ['某县水利局中央转移支付2023年度绩效自评报告（水利发展资金）', u('某县水利局', 2023, '水利发展资金')],
  ['某县水利局2023年度河道清淤项目自评表.pdf', u('某县水利局', 2023, '河道清淤项目')],
  ['附件：2023年度河道清淤项目自评表（附后）', u(null, 2023, '河道清淤项目')],
  // the unit's projects together: no one project named
  ['某县水利局2023年度项目支出绩效自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年度项目支出绩效单位自评报告', u('某县水利局', 2023)],
  ['某县水利局2023年度项目绩效自评总体报告', u('某县水利局', 2023)],
  ['2023年度项目支出绩效自评总报告', u(null, 2023)],
  // a unit's name followed only by what kind of money it is
  ['某县第二中学专项资金绩效自评价报告', u('某县第二中学', null)],
  ['某县残联专项资金绩效自评报告', u('某县残联', null)],
  // where the unit ends and the project begins is not written: kept whole as the subject
  ['某县公安局禁毒项目绩效支出自评表', u(null, null, '某县公安局禁毒项目')],
  // a title that names only the kind of money names no project
  ['2023年度县级专项资金绩效目标自评表', u(null, 2023)],
  // a place alone is the jurisdiction, not the unit
  ['某县2023年度基本公共卫生服务项目绩效评价自评报告', u(null, 2023, '基本公共卫生服务项目')],
  // not a title of a self-evaluation
  ['绩效自评报告', null],
  ['2023年度部门决算表', null],
  ['一、部门整体支出绩效自评表', u(null, null)],
];

describe('titleParts', () => {
  for (const [title, expected] of ROWS) {
    it(`${title} → ${expected ? `单位 ${expected.unit ?? '—'}，年度 ${expected.year ?? '—'}，对象 ${expected.subject ?? '—'}` : '不是标题'}`, () => {
      const parts = titleParts(compactLine(title).text);
      expect(parts && { unit: parts.unit, year: parts.year, subject: parts.subject }).toEqual(expected);
    });
  }
});
