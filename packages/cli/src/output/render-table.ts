/** Unicode tables that line up with Chinese text (cli-table3 measures East Asian width). */
import Table from 'cli-table3';

export function renderTable(head: string[], rows: (string | number | null)[][], opts: { colWidths?: (number | null)[] } = {}): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    wrapOnWordBoundary: false,
    ...(opts.colWidths ? { colWidths: opts.colWidths } : {}),
  });
  for (const r of rows) table.push(r.map((c) => (c === null || c === undefined ? '' : String(c))));
  return table.toString();
}
