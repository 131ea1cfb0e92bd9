#!/usr/bin/env node
// A tour of the jixiao command on the bundled examples: score one, audit all.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json')).map((f) => join('examples', f));
const run = (args) => {
  console.log(`\n$ jixiao ${args.join(' ')}`);
  spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
};
run(['profiles']);
if (examples[0]) run(['score', examples[0]]);
for (const e of examples) run(['audit', e, '--fail-on', 'none']);
run(['audit', 'examples', '--fail-on', 'none']);
