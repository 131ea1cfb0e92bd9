import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_RULES, findAuditRule } from './catalog.js';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), 'rules');
const files = readdirSync(rulesDir);

describe('audit rule catalog', () => {
  it('has unique kebab-case ids', () => {
    const ids = AUDIT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  it('gives every rule a Chinese and an English title, a severity and a category', () => {
    for (const r of AUDIT_RULES) {
      expect(r.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.en.length).toBeGreaterThan(3);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(['accuracy', 'completeness', 'consistency', 'plausibility', 'format']).toContain(r.category);
    }
  });
  it('has one file and one test file per rule, and no rule file outside the catalog', () => {
    const ruleFiles = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3));
    expect(ruleFiles.sort()).toEqual(AUDIT_RULES.map((r) => r.id).sort());
    for (const r of AUDIT_RULES) expect(files).toContain(`${r.id}.test.ts`);
  });
  it('finds a rule by id', () => {
    expect(findAuditRule('weights-total')?.severity).toBe('error');
    expect(findAuditRule('no-such-rule')).toBeUndefined();
  });
});

describe('audit README', () => {
  it('lists every rule of the catalog with its severity', () => {
    const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'README.md'), 'utf8');
    for (const r of AUDIT_RULES) expect(readme).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
});
