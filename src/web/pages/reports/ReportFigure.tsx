import { useCallback } from 'react';
import type { CellKind, ReportTable } from '../../../domain/reports/tables.js';
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

/** Columns a phone leaves out: the detail behind a figure that another column of the row already gives. */
const PHONE_HIDDEN = new Set(['Started', 'Past warning', 'Past warning (%)', 'Open', 'Declined', 'Target days', '90th percentile days', 'Visits', 'Interviewed', 'Offered', 'Median hours after the final interview', 'Within the offer clock (%)']);

export function TableOf({ caption, table }: { caption: string; table: ReportTable }) {
  const className = (c: number) => [table.kinds[c] === 'text' ? '' : 'num', PHONE_HIDDEN.has(table.columns[c]!) ? 'hide-phone' : ''].join(' ').trim() || undefined;
  return (
    <table className="data-table compact-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column, c) => (
            <th scope="col" className={className(c)} key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
      {table.rows.map((row, r) => (
        <tr key={r}>
          {row.map((cell, c) =>
            c === 0 ? (
              <th scope="row" key={c}>
                {formatCell(cell, table.kinds[c]!)}
              </th>
            ) : (
              <td className={className(c)} key={c}>
                {formatCell(cell, table.kinds[c]!)}
              </td>
            ),
          )}
        </tr>
      ))}
      </tbody>
    </table>
  );
}

export interface Bar {
  label: string;
  value: number;
}

/**
 * One bar per row of the report's main figure, with the table behind it. `ordered` keeps the rows' order (a funnel's
 * stages); otherwise the longest bar comes first. Long labels wrap in the left margin rather than being cut.
 */
export function BarFigure({ title, axis, bars, kind, table, caption, ordered = false }: { title: string; axis: string; bars: Bar[]; kind: CellKind; table: ReportTable; caption: string; ordered?: boolean }) {
  const shape = bars.map((b) => `${b.label}:${b.value}`).join('|');
  const options = useCallback(
    (width: number, Plot: PlotModule) => {
      const longest = Math.max(...bars.map((b) => b.label.length));
      const marginLeft = Math.round(Math.min(width * 0.42, 220, 12 + longest * 6.5));
      return {
        marginLeft,
        height: 40 + bars.length * 38,
        // counts tick at whole numbers: at most one tick per unit when the longest bar is short
        x: { label: axis, grid: true, ...(kind === 'percent' ? { domain: [0, 100] } : {}), ...(kind === 'count' ? { ticks: Math.max(1, Math.min(10, Math.ceil(Math.max(...bars.map((b) => b.value))))), tickFormat: 'd' } : {}) },
        y: { label: null, axis: null, ...(ordered ? { domain: bars.map((b) => b.label) } : {}) },
        marks: [
          // lineWidth is in ems of the 10 px axis font: the label wraps to fit the margin
          Plot.axisY({ label: null, lineWidth: (marginLeft - 12) / 10, tickSize: 0 }),
          Plot.barX(bars, { x: 'value', y: 'label', ...(ordered ? {} : { sort: { y: '-x' } }), fill: 'var(--accent, steelblue)' }),
          Plot.ruleX([0]),
        ],
      };
    },
    // `shape` names every value drawn, so the chart redraws only when a figure changes
    [shape, axis, kind, ordered],
  );
  return <PlotFigure title={title} titleLevel={2} options={options} table={<TableOf caption={caption} table={table} />} className="chart" />;
}
