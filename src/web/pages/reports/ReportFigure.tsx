import { useCallback } from 'react';
import type { CellKind, ReportTable } from '../../../domain/reports/tables.js';
import { ChartTable } from '../../components/ChartTable.js';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.js';
import { formatCount } from '../../lib/format-money.js';
import { formatDecimal, formatPercent } from '../../lib/format-number.js';

/** A cell in the web's formats (the CSV keeps the plain numbers). */
export function formatCell(value: string | number | null, kind: CellKind): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return formatPercent(value, 1);
  if (kind === 'decimal') return formatDecimal(value, 1);
  return formatCount(value);
}

export function TableOf({ caption, table }: { caption: string; table: ReportTable }) {
  return (
    <ChartTable caption={caption} columns={table.columns}>
      {table.rows.map((row, r) => (
        <tr key={r}>
          {row.map((cell, c) =>
            c === 0 ? (
              <th scope="row" key={c}>
                {formatCell(cell, table.kinds[c]!)}
              </th>
            ) : (
              <td className={table.kinds[c] === 'text' ? undefined : 'num'} key={c}>
                {formatCell(cell, table.kinds[c]!)}
              </td>
            ),
          )}
        </tr>
      ))}
    </ChartTable>
  );
}

export interface Bar {
  label: string;
  value: number;
}

/** One bar per row of the report's main figure, with the table behind it. */
export function BarFigure({ title, axis, bars, kind, table, caption }: { title: string; axis: string; bars: Bar[]; kind: CellKind; table: ReportTable; caption: string }) {
  const shape = bars.map((b) => `${b.label}:${b.value}`).join('|');
  const options = useCallback(
    (width: number, Plot: PlotModule) => ({
      marginLeft: Math.min(220, Math.max(90, width / 3)),
      height: 40 + bars.length * 34,
      x: { label: axis, grid: true, ...(kind === 'percent' ? { domain: [0, 100] } : {}) },
      y: { label: null },
      marks: [Plot.barX(bars, { x: 'value', y: 'label', sort: { y: '-x' }, fill: 'var(--accent, steelblue)' }), Plot.ruleX([0])],
    }),
    // `shape` names every value drawn, so the chart redraws only when a figure changes
    [shape, axis, kind],
  );
  return <PlotFigure title={title} titleLevel={2} options={options} table={<TableOf caption={caption} table={table} />} className="chart" />;
}
