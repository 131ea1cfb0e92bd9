/**
 * A saved web page (.html/.htm) → raw blocks: decoded by its declared charset (GBK/GB2312/
 * GB18030 or UTF-8; a BOM wins), site furniture dropped, tables read cell by cell.
 */
import iconv from 'iconv-lite';
import { JxError } from '@jixiao/core';
import type { RawBlock } from '../document/raw-blocks.js';
import { decodeText } from '../decode-text.js';
import { htmlToRawBlocks } from '../html/read-html.js';

/** The charset a page declares in its first 4 KB (meta charset or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array, notes: string[]): string {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? null : declaredCharset(bytes);
  if (charset && /^(?:gbk|gb2312|gb18030|x-gbk|cp936)$/.test(charset)) {
    notes.push(`网页编码为 ${charset.toUpperCase()}，已转换为 UTF-8`);
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'gb18030') notes.push('网页编码为 GB18030/GBK，已转换为 UTF-8');
  return text;
}

export function readHtmlPage(bytes: Uint8Array, notes: string[]): RawBlock[] {
  const html = decodeHtml(bytes, notes);
  const blocks = htmlToRawBlocks(html, { web: true });
  if (blocks.length === 0) throw new JxError('DOCUMENT_NO_TEXT', '网页中没有正文文字');
  notes.push('已读取网页正文（去除导航、页眉页脚等网站栏目），表格按单元格读取');
  return blocks;
}
