#!/usr/bin/env node
// The installed `jixiao` command. A committed file, so npm can link it before the build has
// produced dist/ (npm skips bin targets that do not exist at install time).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('错误：jixiao 尚未构建。请在仓库根目录运行 npm install（或 npm run build）后再试。\n');
  process.exit(70);
}
await import(entry.href);
