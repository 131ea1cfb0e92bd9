/** A one-line progress bar on stderr, shown only on a terminal. */
import type { CliIo } from '../commands/command.js';

export interface ProgressBar {
  tick(label: string): void;
  done(): void;
}

export function createProgressBar(io: CliIo, total: number): ProgressBar {
  const enabled = Boolean(io.stderr.isTTY) && total > 1;
  let n = 0;
  const width = 28;
  const draw = (label: string) => {
    if (!enabled) return;
    const filled = Math.round((n / total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const shown = label.length > 40 ? `…${label.slice(-39)}` : label;
    io.stderr.write(`\r\x1b[2K${bar} ${n}/${total} ${shown}`);
  };
  return {
    tick(label) {
      n++;
      draw(label);
    },
    done() {
      if (enabled) io.stderr.write('\r\x1b[2K');
    },
  };
}
