/** Bad input fails fast with a typed error and a plain Chinese message — never a crash or a hang. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { JxError, type ErrorCode } from '@jixiao/core';
import { importFile, importReport } from '../src/index.js';
import { safeUnzip } from '../src/readers/safe-unzip.js';
import { makeDocx } from './helpers/make-docx.js';
import { makePdf } from './helpers/make-pdf.js';

async function codeOf(p: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(JxError);
    const j = e as JxError;
    expect(j.message).toMatch(/[\u4e00-\u9fff]/);
    return { code: j.code, message: j.message };
  }
  throw new Error('expected a JxError');
}

const imp = (bytes: Uint8Array, fileName: string, options = {}) => codeOf(importReport({ bytes, fileName }, options));
const enc = (s: string) => new TextEncoder().encode(s);

function patchU32(b: Uint8Array, at: number, v: number) {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Rewrite every declared uncompressed size in a zip (local headers and central directory). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const b = zip.slice();
  for (let i = 0; i + 4 < b.length; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x03 && b[i + 3] === 0x04) patchU32(b, i + 22, size);
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) patchU32(b, i + 24, size);
  }
  return b;
}

describe('bad input', () => {
  it('empty file', async () => {
    expect((await imp(new Uint8Array(0), 'a.txt')).code).toBe('FILE_EMPTY');
    expect((await imp(enc('   \n\n  '), 'a.txt')).code).toBe('FILE_EMPTY');
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await imp(junk, 'report.txt')).code).toBe('UNSUPPORTED_FORMAT');
    expect((await imp(junk, 'report')).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('.docx or .xlsx that is not a zip', async () => {
    expect((await imp(enc('这不是 Word 文档'), 'report.docx')).code).toBe('DOCUMENT_CORRUPT');
    expect((await imp(enc('这不是 Excel'), 'table.xlsx')).code).toBe('DOCUMENT_CORRUPT');
  });

  it('a zip without a document inside', async () => {
    const zip = zipSync({ 'hello.txt': enc('hi') });
    expect((await imp(zip, 'report.docx')).code).toBe('DOCUMENT_CORRUPT');
    expect((await imp(zip, 'report.zip')).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('a truncated .docx', async () => {
    const docx = await makeDocx([{ kind: 'p', text: '2023年度部门整体支出绩效自评报告' }]);
    expect((await imp(docx.subarray(0, Math.floor(docx.length / 2)), 'report.docx')).code).toBe('DOCUMENT_CORRUPT');
  });

  it('zip bomb: declared size and ratio refused before inflating', async () => {
    const zeros = new Uint8Array(30 * 1024 * 1024);
    const bomb = zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = await imp(bomb, 'bomb.docx');
    expect(r.code).toBe('ARCHIVE_BOMB');
    expect(r.message).toContain('压缩比');
  });

  it('zip bomb: sizes that lie are caught while inflating', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const honest = zipSync({ 'word/document.xml': zeros }, { level: 9 });
    const liar = lieAboutSizes(honest, 1000);
    expect((await imp(liar, 'liar.docx')).code).toBe('ARCHIVE_BOMB');
  });

  it('zip bomb: total inflated bytes are capped', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`xl/part${i}.xml`] = new Uint8Array(200 * 1024).map((_, k) => (k * 31 + i) % 251);
    const zip = zipSync(files, { level: 1 });
    expect(() => safeUnzip(zip, () => true, { maxTotal: 1024 * 1024, maxRatio: 200, maxEntries: 100 })).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_BOMB' }),
    );
  });

  it('encrypted Office file (a compound document under a .docx name)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await imp(ole, 'secret.docx')).code).toBe('DOCUMENT_ENCRYPTED');
    expect((await imp(ole, 'old.doc')).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('encrypted PDF', async () => {
    const pdf = makePdf([{ kind: 'p', text: '2023年度部门整体支出绩效自评报告' }], { encrypted: true });
    expect((await imp(pdf, 'secret.pdf')).code).toBe('DOCUMENT_ENCRYPTED');
  });

  it('image-only PDF (no text layer)', async () => {
    const pdf = makePdf([{ kind: 'p', text: '扫描件' }], { noText: true });
    const r = await imp(pdf, 'scan.pdf');
    expect(r.code).toBe('DOCUMENT_NO_TEXT');
    expect(r.message).toContain('OCR');
  });

  it('broken PDF, and text under a .pdf name', async () => {
    expect((await imp(enc('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), 'broken.pdf')).code).toBe('DOCUMENT_CORRUPT');
    expect((await imp(enc('2023年度绩效自评报告'), 'fake.pdf')).code).toBe('DOCUMENT_CORRUPT');
  });

  it('over the size cap', async () => {
    const text = enc('自评得分99分。\n'.repeat(200));
    expect((await imp(text, 'big.txt', { maxBytes: 1000 })).code).toBe('FILE_TOO_LARGE');
    const dir = mkdtempSync(join(tmpdir(), 'jx-import-'));
    const path = join(dir, 'big.txt');
    writeFileSync(path, text);
    expect((await codeOf(importFile(path, { maxBytes: 1000 }))).code).toBe('FILE_TOO_LARGE');
  });

  it('missing file', async () => {
    expect((await codeOf(importFile('/nonexistent/report.txt'))).code).toBe('FILE_NOT_FOUND');
  });

  it('a parse that outlives its time limit', async () => {
    const docx = await makeDocx([{ kind: 'p', text: '2023年度部门整体支出绩效自评报告' }]);
    expect((await imp(docx, 'slow.docx', { timeoutMs: 1 })).code).toBe('TIMEOUT');
  });

  it('model JSON goes through the core parser', async () => {
    expect((await imp(enc('{"kind": "department", "fiscalYear": '), 'model.json')).code).toBe('JSON_SYNTAX');
    const ok = await importReport({ bytes: enc('{"kind":"department","fiscalYear":2023}'), fileName: 'model.json' });
    expect(ok.format).toBe('json');
    expect(ok.evaluation.fiscalYear).toBe(2023);
  });
});

describe('text encodings', () => {
  // a report of our own (the seeds live outside the repository)
  const text = [
    '某县教育局2023年度项目支出绩效自评表',
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].join('\t'),
    ['年度资金总额', '120', '150', '135', '10', '90%', '9'].join('\t'),
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].join('\t'),
    ['产出指标', '数量指标', '培训教师人次', '≥500人次', '520人次', '50', '50'].join('\t'),
    '2023年度项目支出135万元，其中培训费100万元，资料费35万元，执行率90%。',
  ].join('\n');

  it('GB18030, UTF-16 with a BOM and UTF-8 with a BOM read the same', async () => {
    const iconv = (await import('iconv-lite')).default;
    const base = await importReport({ bytes: enc(text), fileName: 'a.txt' });
    const variants: Array<[Uint8Array, RegExp | null]> = [
      [new Uint8Array(iconv.encode(text, 'gb18030')), /GB18030/],
      [new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]), /UTF-16/],
      [new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf16be')]), /UTF-16/],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]), null],
    ];
    for (const [bytes, note] of variants) {
      const r = await importReport({ bytes, fileName: 'a.txt' });
      expect(r.evaluation.funds).toEqual(base.evaluation.funds);
      expect(r.evaluation.indicators).toEqual(base.evaluation.indicators);
      expect(r.evaluation.claims).toEqual(base.evaluation.claims);
      if (note) expect(r.notes.join('')).toMatch(note);
    }
  });
});
