/**
 * .docx → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`). Each job
 * gets its own user profile (-env:UserInstallation) — two soffice processes on one
 * profile make the second silently write nothing — and FONTCONFIG_FILE points at the
 * alias file shipped in packages/documents/fonts/ (方正小标宋简体/宋体 → Noto Serif CJK SC,
 * 黑体 → Noto Sans CJK SC, 仿宋/楷体 → AR PL UKai CN, Times New Roman → Liberation Serif).
 * Jobs in one process run one at a time (LibreOffice is heavy; machines are small).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JxError } from '@jixiao/core';
import { SOFFICE_INSTALL_HINT, findSoffice } from './find-soffice.js';

export const FONTCONFIG_FILE = fileURLToPath(new URL('../../fonts/fonts.conf', import.meta.url));

export interface ConvertOptions {
  /** Give up after this many milliseconds (default 120 s). */
  timeoutMs?: number;
  /** Input file type for LibreOffice (default docx; xlsx works too). */
  inputExtension?: 'docx' | 'xlsx';
  /** soffice path (default: found on PATH). */
  soffice?: string;
}

let queue: Promise<unknown> = Promise.resolve();

export function convertDocxToPdf(docx: Uint8Array, options: ConvertOptions = {}): Promise<Uint8Array> {
  const job = queue.then(() => convertNow(docx, options));
  queue = job.catch(() => undefined);
  return job;
}

async function convertNow(input: Uint8Array, options: ConvertOptions): Promise<Uint8Array> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new JxError('SOFFICE_MISSING', `找不到 soffice 命令（${SOFFICE_INSTALL_HINT}）`);
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const ext = options.inputExtension ?? 'docx';
    const inFile = join(dir, `document.${ext}`);
    await writeFile(inFile, input);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, inFile];
    const { code, stderr, stdout } = await run(soffice, args, { ...process.env, FONTCONFIG_FILE, HOME: dir }, options.timeoutMs ?? 120_000);
    let pdf: Buffer;
    try {
      pdf = await readFile(join(dir, 'document.pdf'));
    } catch {
      throw new JxError('PDF_CONVERSION_FAILED', `LibreOffice 未生成 PDF（退出码 ${code}）：${(stderr || stdout).trim().slice(0, 500)}`);
    }
    if (pdf.length < 100 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new JxError('PDF_CONVERSION_FAILED', 'LibreOffice 输出的不是 PDF');
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new JxError('TIMEOUT', `LibreOffice 转换 PDF 超过 ${Math.round(timeoutMs / 1000)} 秒`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new JxError('SOFFICE_MISSING', `无法启动 ${cmd}：${e.message}（${SOFFICE_INSTALL_HINT}）`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
