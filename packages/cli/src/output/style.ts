/** Terminal styling: colour only on a TTY and when NO_COLOR is not set. */
import pc from 'picocolors';
import type { CliIo } from '../commands/command.js';

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

const plain: Style = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, dim: (s) => s, bold: (s) => s, green: (s) => s };

export function styleFor(io: CliIo): Style {
  const useColour = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  if (!useColour) return plain;
  const c = pc.createColors(true);
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold, green: c.green };
}
