/** Unicode tables that line up with Chinese text (cli-table3 measures East Asian width). */
import Table from 'cli-table3';

/**
 * `colWidths` apply on a terminal only (long cells wrap there); piped output keeps every
 * cell whole so nothing is cut off in files and logs.
 */
export function renderTable(
  head: string[],
  rows: (string | number | null)[][],
  opts: { colWidths?: (number | null)[]; terminal?: boolean } = {},
): string {
  const widths = opts.terminal ? opts.colWidths : undefined;
  const table = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    wrapOnWordBoundary: false,
    ...(widths ? { colWidths: widths } : {}),
  });
  for (const r of rows) table.push(r.map((c) => (c === null || c === undefined ? '' : String(c))));
  return table.toString();
}
