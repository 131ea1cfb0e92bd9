/** .docx → raw blocks (paragraphs; tables cell by cell with merges kept), through mammoth's HTML. */
import mammoth from 'mammoth';
import { JxError } from '@jixiao/core';
import type { RawBlock } from '../document/raw-blocks.js';
import { htmlToRawBlocks } from '../html/read-html.js';
import { safeUnzip } from './safe-unzip.js';

export async function readDocx(bytes: Uint8Array, notes: string[]): Promise<RawBlock[]> {
  const { files, repacked } = safeUnzip(bytes, (name) => !/^word\/media\//.test(name) && !/\.(?:png|jpe?g|gif|emf|wmf|bmp|tiff?)$/i.test(name));
  if (!files['word/document.xml']) throw new JxError('DOCUMENT_CORRUPT', '不是 Word 文档（缺少 word/document.xml）');
  let html: string;
  try {
    const r = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = r.value;
  } catch (e) {
    throw new JxError('DOCUMENT_CORRUPT', `无法读取 Word 文档（${e instanceof Error ? e.message.slice(0, 80) : '未知原因'}）`);
  }
  notes.push('已从 Word 文档读取段落和表格（表格按单元格读取，合并单元格保留）');
  return htmlToRawBlocks(html, { web: false });
}
