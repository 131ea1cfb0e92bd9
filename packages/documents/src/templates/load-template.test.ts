import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JxError } from '@jixiao/core';
import { TEMPLATES_DIR, formFor, listTemplateIds, loadTemplate, resolveTemplateId } from './load-template.js';

describe('document templates are data', () => {
  it('ships national, the seeds’ provinces and the project-form provinces, all valid', () => {
    expect(listTemplateIds()).toEqual(['chongqing', 'hebei', 'henan', 'hunan', 'national', 'sichuan', 'yunnan']);
    for (const id of listTemplateIds()) expect(loadTemplate(id).id).toBe(id);
  });

  it('chooses the template by the evaluation profile, national otherwise, --template first', () => {
    expect(resolveTemplateId({ profile: 'hunan@2023.1' })).toBe('hunan');
    expect(resolveTemplateId({ profile: 'somewhere-else' })).toBe('national');
    expect(resolveTemplateId({ profile: 'hunan' }, 'henan')).toBe('henan');
  });

  it('adding a province is adding a JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-tpl-'));
    const data = JSON.parse(readFileSync(join(TEMPLATES_DIR, 'national.json'), 'utf8'));
    writeFileSync(join(dir, 'national.json'), JSON.stringify(data));
    writeFileSync(join(dir, 'sichuan.json'), JSON.stringify({ ...data, id: 'sichuan', name: '四川省', profiles: ['sichuan'] }));
    expect(listTemplateIds(dir)).toContain('sichuan');
    expect(loadTemplate('sichuan', dir).name).toBe('四川省');
    expect(resolveTemplateId({ profile: 'sichuan' }, null, dir)).toBe('sichuan');
  });

  it('a province whose project form differs is a file that extends national and says only what differs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-tpl-'));
    writeFileSync(join(dir, 'national.json'), readFileSync(join(TEMPLATES_DIR, 'national.json')));
    const guangxi = {
      extends: 'national',
      id: 'guangxi',
      name: '广西（示例）',
      profiles: ['guangxi'],
      forms: { project: { title: '{year}年度项目支出绩效自评表', indicators: { columns: ['level1', 'level2', 'level3', 'sign', 'target', 'unitOfMeasure', 'actual', 'weight', 'score', 'deviation'] } } },
    };
    writeFileSync(join(dir, 'guangxi.json'), JSON.stringify(guangxi));
    const t = loadTemplate('guangxi', dir);
    const national = loadTemplate('national', dir);
    expect(t.forms.project!.title).toBe('{year}年度项目支出绩效自评表');
    expect(t.forms.project!.indicators.columns).toContain('sign');
    expect(t.forms.project!.funds).toEqual(national.forms.project!.funds); // merged from national
    expect(t.forms.transfer).toEqual(national.forms.transfer);
    expect(t.report).toEqual(national.report);
    expect(resolveTemplateId({ profile: 'guangxi@2024.1' }, null, dir)).toBe('guangxi');
  });

  it('the shipped provincial forms: Sichuan and Yunnan split the target, Chongqing prints initial and adjusted targets', () => {
    expect(loadTemplate('sichuan').forms.project!.indicators.columns).toEqual(['level1', 'level2', 'level3', 'sign', 'target', 'unitOfMeasure', 'actual', 'weight', 'score', 'deviation']);
    expect(loadTemplate('yunnan').forms.project!.indicators.columns).toContain('unitOfMeasure');
    expect(loadTemplate('chongqing').forms.project!.indicators.columns).toEqual(expect.arrayContaining(['initialTarget', 'target', 'scoreRate', 'core']));
    expect(formFor(loadTemplate('hunan'), 'project')).toEqual(loadTemplate('national').forms.project); // a template without forms prints national's
  });

  it('rejects extends of an unknown template, a cycle, and a form without the columns it needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-tpl-'));
    writeFileSync(join(dir, 'national.json'), readFileSync(join(TEMPLATES_DIR, 'national.json')));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ extends: 'b', id: 'a' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ extends: 'a', id: 'b' }));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ extends: 'atlantis', id: 'c' }));
    writeFileSync(join(dir, 'd.json'), JSON.stringify({ extends: 'national', id: 'd', forms: { project: { funds: { columns: [{ key: 'rate', label: '执行率' }, { key: 'executed', label: '执行数' }] } } } }));
    expect(() => loadTemplate('a', dir)).toThrow(/循环/);
    expect(() => loadTemplate('c', dir)).toThrow(/extends/);
    try {
      loadTemplate('d', dir);
      expect.unreachable();
    } catch (e) {
      expect((e as JxError).code).toBe('INVALID_TEMPLATE');
      expect(JSON.stringify((e as JxError).issues)).toContain('adjusted');
    }
  });

  it('rejects an invalid template with a JxError naming the field, and an unknown id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-tpl-'));
    const data = JSON.parse(readFileSync(join(TEMPLATES_DIR, 'national.json'), 'utf8'));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...data, id: 'broken', margins: { top: -1 } }));
    expect(() => loadTemplate('broken', dir)).toThrow(JxError);
    try {
      loadTemplate('broken', dir);
    } catch (e) {
      expect((e as JxError).code).toBe('INVALID_TEMPLATE');
      expect(JSON.stringify((e as JxError).issues)).toContain('margins');
    }
    expect(() => loadTemplate('atlantis')).toThrow(/未知的文档模板|atlantis/);
  });
});
