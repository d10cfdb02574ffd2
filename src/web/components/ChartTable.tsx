import type { ReactNode } from 'react';

/** A chart's numbers as a compact table: a row-header column, then numeric columns. */
export function ChartTable({ caption, columns, phoneHides = [], children }: { caption: string; columns: readonly string[]; phoneHides?: readonly string[]; children: ReactNode }) {
  return (
    <table className="data-table compact-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th scope="col" className={[i === 0 ? '' : 'num', phoneHides.includes(c) ? 'hide-phone' : ''].join(' ').trim() || undefined} key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
