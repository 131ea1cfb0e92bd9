/**
 * Bytes → text for plain-text reports: UTF-8 (with or without BOM), UTF-16 LE/BE by BOM,
 * otherwise GB18030 (which covers GBK and GB2312). Binary junk is refused.
 */
import iconv from 'iconv-lite';
import { JxError } from '@jixiao/core';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: checkText(new TextDecoder('utf-8').decode(bytes.subarray(3))), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2))), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2))), encoding: 'utf-16be' };
  }
  refuseBinary(bytes);
  try {
    return { text: checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch (e) {
    if (e instanceof JxError) throw e;
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  return { text: checkText(text), encoding: 'gb18030' };
}

/** NUL bytes or many control characters mean this is not a text file. */
function refuseBinary(bytes: Uint8Array): void {
  const head = new Uint8Array(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024));
  if (head.indexOf(0) >= 0) throw new JxError('UNSUPPORTED_FORMAT', '文件含有二进制内容，不是文本、Word、PDF、Excel 或 JSON 文件');
  const n = Math.min(head.length, 8 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (n > 0 && control / n > 0.02) {
    throw new JxError('UNSUPPORTED_FORMAT', '文件含有大量控制字符，不是文本文件');
  }
}

function checkText(text: string): string {
  const sample = text.slice(0, 20000);
  const bad = sample.match(/[\ufffd\x00-\x08\x0b\x0e-\x1f]/g)?.length ?? 0;
  if (sample.length > 0 && bad / sample.length > 0.02) {
    throw new JxError('UNSUPPORTED_FORMAT', '无法识别文件的文字编码（不是 UTF-8、UTF-16 或 GB18030 文本）');
  }
  if (text.trim() === '') throw new JxError('FILE_EMPTY', '文件中没有文字');
  return text;
}
