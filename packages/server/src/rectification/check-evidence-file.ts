/**
 * 佐证材料 accepted by content, not by name: the bytes are sniffed (file-type reads the
 * signatures); an executable or script is refused whatever it is called, and the content must
 * be of the kind its extension claims (a .pdf that is a Windows program is refused as a
 * program; a .pdf that is a PNG is refused as mislabelled). Plain text (.txt, .csv) has no
 * signature: it must decode as UTF-8 and contain no NUL.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { JxError } from '@jixiao/core';

/** Largest evidence file accepted (bytes). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Extension → the sniffed types that may carry it, and the content type stored and served. */
const ACCEPTED: Record<string, { sniffed: readonly string[]; contentType: string }> = {
  '.pdf': { sniffed: ['pdf'], contentType: 'application/pdf' },
  '.png': { sniffed: ['png'], contentType: 'image/png' },
  '.jpg': { sniffed: ['jpg'], contentType: 'image/jpeg' },
  '.jpeg': { sniffed: ['jpg'], contentType: 'image/jpeg' },
  '.gif': { sniffed: ['gif'], contentType: 'image/gif' },
  '.webp': { sniffed: ['webp'], contentType: 'image/webp' },
  '.tif': { sniffed: ['tif'], contentType: 'image/tiff' },
  '.tiff': { sniffed: ['tif'], contentType: 'image/tiff' },
  '.docx': { sniffed: ['docx'], contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.xlsx': { sniffed: ['xlsx'], contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  '.pptx': { sniffed: ['pptx'], contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  '.doc': { sniffed: ['cfb'], contentType: 'application/msword' },
  '.xls': { sniffed: ['cfb'], contentType: 'application/vnd.ms-excel' },
  '.ofd': { sniffed: ['zip'], contentType: 'application/ofd' },
  '.zip': { sniffed: ['zip'], contentType: 'application/zip' },
  '.txt': { sniffed: [], contentType: 'text/plain; charset=utf-8' },
  '.csv': { sniffed: [], contentType: 'text/csv; charset=utf-8' },
};

/** Sniffed types that are programs (never accepted, whatever the name). */
const EXECUTABLE: Record<string, string> = {
  exe: 'Windows 可执行程序',
  elf: 'Linux 可执行程序',
  mach: 'macOS 可执行程序',
  class: 'Java 类文件',
  wasm: 'WebAssembly 程序',
  msi: 'Windows 安装包',
  apk: 'Android 安装包',
  deb: 'Debian 安装包',
  rpm: 'RPM 安装包',
  dmg: 'macOS 磁盘映像',
  lnk: 'Windows 快捷方式',
  swf: 'Flash 程序',
  'dex': 'Android 程序',
};

export interface AcceptedEvidence {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

const rejected = (fileName: string, message: string) => new JxError('EVIDENCE_REJECTED', `file（${fileName}）：${message}`, [{ field: 'file', label: fileName, message }]);

function scriptKind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x23 && bytes[1] === 0x21) return '脚本程序（以 #! 开头）';
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return 'Windows 可执行程序';
  return null;
}

export async function checkEvidenceFile(fileName: string, bytes: Uint8Array): Promise<AcceptedEvidence> {
  const name = fileName.trim() || 'file';
  if (bytes.byteLength === 0) throw rejected(name, '文件为空');
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw rejected(name, `文件 ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB，超过上限 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
  const sniffed = await fileTypeFromBuffer(bytes);
  const program = sniffed && EXECUTABLE[sniffed.ext] ? EXECUTABLE[sniffed.ext] : scriptKind(bytes);
  if (program) throw rejected(name, `内容是${program}，不接受可执行文件（与文件名无关）`);
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  const accepted = ACCEPTED[ext];
  if (!accepted) throw rejected(name, `不支持的文件类型；可上传 ${Object.keys(ACCEPTED).join(' ')}`);
  if (accepted.sniffed.length === 0) {
    if (sniffed) throw rejected(name, `文件名是 ${ext}，内容却是 ${sniffed.ext} 文件`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw rejected(name, '文本文件应为 UTF-8 编码');
    }
    if (text.includes('\u0000')) throw rejected(name, '文本文件中不应有 NUL 字符');
  } else if (!sniffed || !accepted.sniffed.includes(sniffed.ext)) {
    throw rejected(name, `文件名是 ${ext}，内容却${sniffed ? `是 ${sniffed.ext} 文件` : '无法识别'}`);
  }
  return { fileName: name.slice(0, 200), contentType: accepted.contentType, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
