import { useCallback, useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import { ChartTable } from '../../components/ChartTable.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import { formatPercent } from '../../lib/format-number.js';
import { stageWords } from '../../lib/words.js';
import { STARTUP_COLOUR } from './chart-colours.js';

/** The grant's share of the fully diluted total after each later round at median dilution. */
export function OwnershipChart({ result }: { result: OfferEvaluation }) {
  // Redraw only when the ownership itself changes (not on every base salary change).
  const key = JSON.stringify(result.ownership);
  const data = useMemo(() => result.ownership.map((o) => ({ stage: stageWords(o.stage), pct: o.fullyDilutedPct })), [key]);
  const options = useCallback(
    (): Plot.PlotOptions => ({
      height: 220,
      marginLeft: 48,
      x: { type: 'point', label: null, domain: data.map((d) => d.stage), padding: 0.3 },
      y: { label: 'Fully diluted ownership (%)', domain: [0, Math.max(...data.map((d) => d.pct)) * 1.15], grid: true },
      marks: [
        Plot.lineY(data, { x: 'stage', y: 'pct', stroke: STARTUP_COLOUR, strokeWidth: 2 }),
        Plot.dot(data, { x: 'stage', y: 'pct', fill: STARTUP_COLOUR, r: 4 }),
        Plot.text(data, { x: 'stage', y: 'pct', text: (d: { pct: number }) => formatPercent(d.pct, 3), dy: -12, fontSize: 11 }),
      ],
    }),
    [data],
  );
  const first = data[0];
  const last = data[data.length - 1];
  const title = first && last && data.length > 1 ? `${formatPercent(first.pct, 3)} today becomes ${formatPercent(last.pct, 3)} after ${last.stage} at median dilution` : `The grant is ${formatPercent(first?.pct ?? 0, 3)} of the fully diluted shares`;
  return (
    <PlotFigure
      className="chart"
      titleLevel={3}
      id="ownership"
      title={title}
      caption="Share of the fully diluted total after each later priced round, at the median dilution of the model's data (no pool top-ups unless set)."
      options={options}
      table={
        <ChartTable caption="Ownership through the rounds" columns={['After', 'Fully diluted']}>
          {data.map((d) => (
            <tr key={d.stage}>
              <th scope="row">{d.stage}</th>
              <td className="num">{formatPercent(d.pct, 3)}</td>
            </tr>
          ))}
        </ChartTable>
      }
    />
  );
}
