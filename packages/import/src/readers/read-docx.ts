/** .docx → text lines (paragraphs; tables as tab-separated rows), through mammoth's HTML. */
import mammoth from 'mammoth';
import { JxError } from '@jixiao/core';
import { safeUnzip } from './safe-unzip.js';
import { htmlToLines } from './html-to-lines.js';

export async function readDocx(bytes: Uint8Array, notes: string[]): Promise<string[]> {
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
  notes.push('已从 Word 文档提取文字，表格按行转换（合并单元格已展开）');
  return htmlToLines(html);
}
