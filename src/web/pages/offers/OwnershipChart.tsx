import { useCallback } from 'react';
import { PlotFigure } from '../../components/PlotFigure.js';
import type { PlotModule } from '../../components/PlotFigure.js';
import { formatPercent } from '../../lib/format-number.js';
import { stageWords } from '../../lib/words.js';

export interface OwnershipChartProps {
  /** The grant's share of the fully diluted total today and after each expected round. */
  rows: readonly { stage: string; fullyDilutedPct: number }[];
}

/** "0.75% today, 0.41% after Series C": the finding the chart's title states. */
export function ownershipFinding(rows: OwnershipChartProps['rows']): string {
  if (rows.length === 0) return 'No dilution path for this offer.';
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (rows.length === 1) return `The grant is ${formatPercent(first.fullyDilutedPct)} of the fully diluted total.`;
  return `The grant is ${formatPercent(first.fullyDilutedPct)} at ${stageWords(first.stage)} and about ${formatPercent(last.fullyDilutedPct, 3)} after ${stageWords(last.stage)}.`;
}

/** Ownership through the expected rounds, with the same numbers as a table. Plot loads on demand (no static import). */
export function OwnershipChart({ rows }: OwnershipChartProps) {
  const options = useCallback(
    (width: number, Plot: PlotModule) => {
      const data = rows.map((r, i) => ({ ...r, stage: stageWords(r.stage), order: i }));
      return {
        height: 180,
        width: Math.min(560, width),
        marginLeft: 56,
        marginTop: 28,
        x: { label: 'Round', domain: data.map((d) => d.stage), type: 'point' as const, padding: 0.3 },
        y: { label: '% of fully diluted', grid: true, zero: true, tickFormat: (v: number) => `${v}%` },
        marks: [
          Plot.lineY(data, { x: 'stage', y: 'fullyDilutedPct', stroke: 'currentColor' }),
          Plot.dot(data, { x: 'stage', y: 'fullyDilutedPct', fill: 'currentColor', r: 3 }),
          Plot.text(data, { x: 'stage', y: 'fullyDilutedPct', text: (d: { fullyDilutedPct: number }) => formatPercent(d.fullyDilutedPct, 3), dy: -10 }),
        ],
      };
    },
    [rows],
  );

  if (rows.length === 0) return <p className="muted">{ownershipFinding(rows)}</p>;
  return (
    <PlotFigure
      className="ownership-chart"
      title={ownershipFinding(rows)}
      options={options}
      table={
        <table className="data-table">
          <caption className="visually-hidden">Ownership by round</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col" className="num">
                % of fully diluted
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.stage}>
                <th scope="row">{stageWords(r.stage)}</th>
                <td className="num">{formatPercent(r.fullyDilutedPct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
