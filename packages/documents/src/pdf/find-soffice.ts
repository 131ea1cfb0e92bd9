/** Locate LibreOffice's soffice (PATH, JIXIAO_SOFFICE, the usual install dirs). */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const SOFFICE_INSTALL_HINT =
  'apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei fonts-liberation2';

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findExecutable(name: string, extra: string[] = []): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return extra.find(executable) ?? null;
}

export function findSoffice(): string | null {
  const env = process.env.JIXIAO_SOFFICE;
  if (env) return executable(env) ? env : null;
  return findExecutable('soffice', ['/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']);
}
