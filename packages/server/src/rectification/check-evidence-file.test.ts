import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isJxError } from '@jixiao/core';
import { MAX_EVIDENCE_BYTES, checkEvidenceFile } from './check-evidence-file.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'binary'));
const PDF = bytes('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** The start of a Windows PE program: MZ header pointing at a PE signature. */
function windowsProgram(): Uint8Array {
  const b = Buffer.alloc(512);
  b.write('MZ');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'binary');
  return new Uint8Array(b);
}
const ELF = (() => {
  const b = Buffer.alloc(64);
  b.write('\x7fELF\x02\x01\x01', 0, 'binary');
  return new Uint8Array(b);
})();
const PNG = bytes('\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82');

async function refusal(name: string, b: Uint8Array): Promise<{ code: string; message: string; field: string | undefined }> {
  try {
    await checkEvidenceFile(name, b);
  } catch (e) {
    if (!isJxError(e)) throw e;
    return { code: e.code, message: e.message, field: e.issues[0]?.field };
  }
  throw new Error(`${name} was accepted`);
}

describe('checkEvidenceFile', () => {
  it('accepts a PDF and records its SHA-256, size and content type', async () => {
    const r = await checkEvidenceFile('整改报告.pdf', PDF);
    expect(r).toEqual({ fileName: '整改报告.pdf', contentType: 'application/pdf', size: PDF.byteLength, sha256: createHash('sha256').update(PDF).digest('hex') });
  });

  it('refuses a Windows program named .pdf by its content', async () => {
    const r = await refusal('佐证材料.pdf', windowsProgram());
    expect(r.code).toBe('EVIDENCE_REJECTED');
    expect(r.field).toBe('file');
    expect(r.message).toContain('Windows 可执行程序');
  });

  it('refuses a Linux program and a script whatever their names', async () => {
    expect((await refusal('photo.png', ELF)).message).toContain('Linux 可执行程序');
    expect((await refusal('说明.txt', bytes('#!/bin/sh\nrm -rf /\n'))).message).toContain('脚本');
  });

  it('refuses content that is not what its extension says', async () => {
    expect((await refusal('扫描件.pdf', PNG)).message).toMatch(/内容却是 png/);
    expect((await refusal('表.xlsx', PDF)).message).toMatch(/内容却是 pdf/);
  });

  it('accepts UTF-8 text; refuses other encodings, unknown extensions, empty and oversize files', async () => {
    expect((await checkEvidenceFile('情况说明.txt', new TextEncoder().encode('已完成整改。'))).contentType).toContain('text/plain');
    expect((await refusal('gbk.txt', bytes('\xd2\xd1\xcd\xea\xb3\xc9'))).message).toContain('UTF-8');
    expect((await refusal('a.bat', bytes('echo hi'))).message).toContain('不支持的文件类型');
    expect((await refusal('empty.pdf', new Uint8Array())).message).toContain('文件为空');
    expect((await refusal('big.txt', new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x61))).message).toContain('超过上限');
  });
});
