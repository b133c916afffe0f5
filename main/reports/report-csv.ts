// A report as CSV (RFC 4180): UTF-8 with a byte-order mark, which is how
// spreadsheet programs on Windows tell UTF-8 (and so Devanagari) from the
// local code page; one block per table with its title, separated by a blank
// line. A cell that a spreadsheet would run as a formula (= + - @ at the
// start) is prefixed with ' (OWASP "CSV injection").
import { cellText, type ReportDocument } from './report-tables';

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(doc: ReportDocument): string {
  const lines: string[] = [field(doc.title), ...doc.lines.map(field), ''];
  for (const table of doc.tables) {
    lines.push(field(table.title), table.columns.map(field).join(','));
    for (const row of table.rows) lines.push(row.map((v, i) => field(cellText(table, i, v, false))).join(','));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}
