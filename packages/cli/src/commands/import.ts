/** `jixiao import <report> [-o evaluation.json]`: rebuild the evaluation model from a published report. */
import { writeFile, rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import { readEvaluationFile } from '../read-evaluation-file.js';
import type { Command } from './command.js';
import { commandInfo } from './index.js';

export const importCommand: Command = {
  ...commandInfo('import'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { output: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new JxError('USAGE', '请给出一个报告文件，如 jixiao import report.docx -o evaluation.json');
    const loaded = await readEvaluationFile(positionals[0]!);
    const text = `${JSON.stringify(loaded.evaluation, null, 2)}\n`;
    if (!values.output) {
      io.stdout.write(text);
      return 0;
    }
    // Write to a temporary file first so an interrupted run never leaves half a file behind.
    const target = resolve(io.cwd, values.output);
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
    for (const note of loaded.notes) io.stderr.write(`说明：${note}\n`);
    io.stderr.write(`已写入 ${values.output}\n`);
    return 0;
  },
};
