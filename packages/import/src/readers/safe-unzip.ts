/**
 * Unzip an Office file without trusting it: the central directory's declared sizes and
 * compression ratios are checked before anything is inflated, and inflation runs in small
 * steps with a hard cap on the bytes it may produce (zip bombs lie about their sizes).
 */
import { Inflate, zipSync } from 'fflate';
import { JxError } from '@jixiao/core';

export interface UnzipLimits {
  /** Total bytes all entries may inflate to. */
  maxTotal: number;
  /** Largest ratio uncompressed ÷ compressed accepted for an entry over 1 MB. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxTotal: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 10_000 };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function listZip(bytes: Uint8Array): Entry[] {
  // end of central directory: last 22..65557 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new JxError('DOCUMENT_CORRUPT', '压缩包结构不完整（找不到目录），文件可能已损坏或被截断');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new JxError('ARCHIVE_BOMB', '压缩包使用 ZIP64 格式，文档不应如此之大');
  if (cdOffset + cdSize > bytes.length) throw new JxError('DOCUMENT_CORRUPT', '压缩包目录超出文件范围，文件可能已被截断');
  const entries: Entry[] = [];
  let p = cdOffset;
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new JxError('DOCUMENT_CORRUPT', '压缩包目录已损坏');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflate the entries `want` accepts (others become empty files), within `limits`.
 * Returns the entries and a re-packed (stored) zip that downstream parsers may read safely.
 */
export function safeUnzip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: UnzipLimits = DEFAULT_UNZIP_LIMITS,
): { files: Record<string, Uint8Array>; repacked: Uint8Array } {
  const entries = listZip(bytes);
  if (entries.length > limits.maxEntries) throw new JxError('ARCHIVE_BOMB', `压缩包含有 ${entries.length} 个文件，超过上限`);
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new JxError('DOCUMENT_ENCRYPTED', '文档内容已加密');
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new JxError('ARCHIVE_BOMB', '压缩包使用 ZIP64 格式');
    if (!want(e.name)) continue;
    declared += e.size;
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressedSize) > limits.maxRatio) {
      throw new JxError('ARCHIVE_BOMB', `“${e.name}”的压缩比超过 ${limits.maxRatio} 倍`);
    }
  }
  if (declared > limits.maxTotal) {
    throw new JxError('ARCHIVE_BOMB', `解压后共 ${(declared / 1048576).toFixed(0)} MB，超过上限 ${(limits.maxTotal / 1048576).toFixed(0)} MB`);
  }
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (!want(e.name)) {
      files[e.name] = new Uint8Array(0);
      continue;
    }
    const lp = e.localOffset;
    if (lp + 30 > bytes.length || u32(bytes, lp) !== 0x04034b50) throw new JxError('DOCUMENT_CORRUPT', `压缩包中“${e.name}”的位置无效`);
    const start = lp + 30 + u16(bytes, lp + 26) + u16(bytes, lp + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw new JxError('DOCUMENT_CORRUPT', `压缩包中“${e.name}”被截断`);
    const data = bytes.subarray(start, end);
    if (e.method === 0) {
      total += data.length;
      if (total > limits.maxTotal) throw new JxError('ARCHIVE_BOMB', '解压后的内容超过上限');
      files[e.name] = data.slice();
      continue;
    }
    if (e.method !== 8) throw new JxError('DOCUMENT_CORRUPT', `压缩包中“${e.name}”使用了不支持的压缩方式`);
    const cap = Math.min(limits.maxTotal - total, e.size + 1024);
    const chunks: Uint8Array[] = [];
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > cap) {
        throw new JxError('ARCHIVE_BOMB', produced > e.size ? `“${e.name}”解压后比声明的大小更大` : '解压后的内容超过上限');
      }
      chunks.push(chunk);
    });
    try {
      const step = 4096;
      for (let o = 0; o < data.length; o += step) inflater.push(data.subarray(o, Math.min(data.length, o + step)), o + step >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof JxError) throw err;
      throw new JxError('DOCUMENT_CORRUPT', `压缩包中“${e.name}”无法解压`);
    }
    total += produced;
    const out = new Uint8Array(produced);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    files[e.name] = out;
  }
  const repacked = zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])) as Parameters<typeof zipSync>[0],
  );
  return { files, repacked };
}
