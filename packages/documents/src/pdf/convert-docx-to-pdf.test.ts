import { describe, expect, it } from 'vitest';
import { JxError } from '@jixiao/core';
import { convertDocxToPdf } from './convert-docx-to-pdf.js';
import { findSoffice } from './find-soffice.js';

describe('PDF without LibreOffice', () => {
  it('is a JxError whose Chinese message names the apt packages', async () => {
    const saved = process.env.JIXIAO_SOFFICE;
    process.env.JIXIAO_SOFFICE = '/nonexistent/soffice';
    try {
      expect(findSoffice()).toBeNull();
      const err = await convertDocxToPdf(new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JxError);
      expect((err as JxError).code).toBe('SOFFICE_MISSING');
      expect((err as JxError).message).toContain('未安装 LibreOffice');
      expect((err as JxError).message).toContain('libreoffice-writer-nogui');
      expect((err as JxError).message).toContain('fonts-noto-cjk');
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_SOFFICE;
      else process.env.JIXIAO_SOFFICE = saved;
    }
  });
});
