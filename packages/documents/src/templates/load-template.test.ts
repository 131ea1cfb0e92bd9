import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JxError } from '@jixiao/core';
import { TEMPLATES_DIR, listTemplateIds, loadTemplate, resolveTemplateId } from './load-template.js';

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
