// After tsc: make the CLI entry executable (npm links node_modules/.bin/jixiao to it).
import { chmodSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages/cli/dist/bin.js');
if (existsSync(bin)) chmodSync(bin, 0o755);
