import { useCallback } from 'react';
import * as Plot from '@observablehq/plot';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import { ChartTable } from '../../components/ChartTable.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import { compactMoney } from '../../lib/format-axis.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatProbability } from '../../lib/format-number.js';
import { INCUMBENT_COLOUR, STARTUP_COLOUR } from './chart-colours.js';

type Percentiles = OfferEvaluation['startup']['totalPv'];
const PERCENTILES: readonly (keyof Percentiles)[] = ['mean', 'p10', 'p25', 'p50', 'p75', 'p90', 'p99'];
/** On a phone the table keeps the low, middle and high outcomes; the rest is in the chart and on a wider screen. */
const PHONE_HIDES: readonly (keyof Percentiles)[] = ['mean', 'p25', 'p75', 'p99'];

function PercentileRow({ label, pv, currency }: { label: string; pv: Percentiles; currency: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {PERCENTILES.map((k) => (
        <td className={PHONE_HIDES.includes(k) ? 'num hide-phone' : 'num'} key={k}>
          {formatMoney(pv[k], currency)}
        </td>
      ))}
    </tr>
  );
}

/** Distribution of the present values of both offers (or of the grant alone without an incumbent). */
export function DistributionChart({ result }: { result: OfferEvaluation }) {
  const currency = result.currency;
  const comparison = result.comparison;
  const rows = comparison
    ? comparison.histogram.startup.flatMap((count, i) => [
        { offer: 'Startup', x1: comparison.histogram.edges[i], x2: comparison.histogram.edges[i + 1], count },
        { offer: 'Incumbent', x1: comparison.histogram.edges[i], x2: comparison.histogram.edges[i + 1], count: comparison.histogram.incumbent[i] },
      ])
    : result.startup.histogram.counts.map((count, i) => ({ offer: 'Startup equity', x1: result.startup.histogram.edges[i], x2: result.startup.histogram.edges[i + 1], count }));
  const paths = result.simulation.paths;
  const data = rows.map((r) => ({ ...r, share: (r.count / paths) * 100 }));

  const options = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 240,
      marginLeft: 48,
      x: { label: `Present value over ${result.simulation.horizonYears} years (${currency})`, tickFormat: compactMoney(currency), ticks: Math.max(3, Math.floor(width / 110)) },
      y: { label: 'Share of paths (%)', grid: true },
      color: { domain: comparison ? ['Startup', 'Incumbent'] : ['Startup equity'], range: comparison ? [STARTUP_COLOUR, INCUMBENT_COLOUR] : [STARTUP_COLOUR], legend: true },
      marks: [Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'share', fill: 'offer', fillOpacity: 0.65, insetLeft: 0.5 }), Plot.ruleY([0])],
    }),
    [result],
  );

  const title =
    result.pStartupBeatsIncumbent !== undefined
      ? `The startup offer is worth more than the incumbent's in ${formatProbability(result.pStartupBeatsIncumbent)} of simulated futures`
      : `The grant is worth nothing in ${formatProbability(result.startup.pZero)} of simulated futures`;
  const caption = comparison
    ? `Present value of each offer (cash and equity) over ${result.simulation.horizonYears} years across ${formatCount(paths)} simulated paths. Median: startup ${formatMoney(result.startup.totalPv.p50, currency)}, incumbent ${formatMoney(result.incumbent?.pv.p50 ?? 0, currency)}.`
    : `Present value of the grant across ${formatCount(paths)} simulated paths; mean ${formatMoney(result.startup.equityPv.mean, currency)}.`;
  return (
    <PlotFigure
      className="chart"
      titleLevel={3}
      id="distribution"
      title={title}
      caption={caption}
      options={options}
      table={
        <ChartTable caption="Percentiles of present value" columns={['Offer', 'Mean', 'P10', 'P25', 'P50', 'P75', 'P90', 'P99']} phoneHides={['Mean', 'P25', 'P75', 'P99']}>
          <PercentileRow label="Startup (cash + equity)" pv={result.startup.totalPv} currency={currency} />
          {result.incumbent ? <PercentileRow label="Incumbent" pv={result.incumbent.pv} currency={currency} /> : null}
        </ChartTable>
      }
    />
  );
}
