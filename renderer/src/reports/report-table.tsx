// A plain table of a report's figures: numbers right-aligned, money in rupees.
import type { ReactNode } from 'react';

interface Props {
  testId: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  /** Columns (by index) holding numbers, aligned right. */
  numeric?: (i: number) => boolean;
  caption?: string;
}

export function ReportTable({ testId, columns, rows, numeric = (i) => i > 0, caption }: Props) {
  return (
    <table className="money-table report-table" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c} className={numeric(i) ? 'num' : undefined} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`${testId}-row`} data-key={r.key}>
            {r.cells.map((cell, i) => (
              <td key={i} className={numeric(i) ? 'num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
