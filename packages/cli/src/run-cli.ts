/**
 * Dispatch `jixiao <command> …`; user errors become a Chinese message and a non-zero exit, never a stack trace.
 * Only the command that runs is loaded (and @jixiao/core only when a command or an error needs it), so
 * `--help`, `--version` and each command start without loading what they do not use.
 */
import type { CliIo } from './commands/command.js';
import { COMMANDS } from './commands/index.js';

const loadCore = () => import('@jixiao/core');

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(helpText());
    return name ? 0 : 64;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('jixiao 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const { ERROR_CODES, JxError, formatJxError } = await loadCore();
    io.stderr.write(`${formatJxError(new JxError('USAGE', `未知命令“${name}”`))}\n\n${helpText()}`);
    return ERROR_CODES.USAGE.exit;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\n\n用法：\n${command.usage.map((u) => `  ${u}`).join('\n')}\n`);
    return 0;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (e) {
    const { ERROR_CODES, formatJxError, isJxError } = await loadCore();
    if (isJxError(e)) {
      io.stderr.write(`${formatJxError(e)}\n`);
      return e.exitCode;
    }
    const detail = io.env.JIXIAO_DEBUG && e instanceof Error ? `\n${e.stack ?? ''}` : '';
    io.stderr.write(`错误 INTERNAL：内部错误（${e instanceof Error ? e.message : String(e)}）。设置 JIXIAO_DEBUG=1 可查看详细信息。${detail}\n`);
    return ERROR_CODES.INTERNAL.exit;
  }
}

export function helpText(): string {
  const lines = ['jixiao — 预算绩效自评：评分、审核、导入与导出', '', '命令：'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)}${c.summary}`);
  lines.push('', '用法：');
  for (const c of COMMANDS) for (const u of c.usage) lines.push(`  ${u}`);
  lines.push('', '查看某个命令的说明：jixiao <命令> --help');
  return `${lines.join('\n')}\n`;
}
