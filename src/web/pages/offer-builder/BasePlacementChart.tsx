import { useCallback } from 'react';
import * as Plot from '@observablehq/plot';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import type { StageBand } from '../../../domain/compensation/bands.js';
import type { Benchmark } from '../../../domain/market/benchmark.js';
import { bandPlacement } from '../../../domain/compensation/band-words.js';
import { ChartTable } from '../../components/ChartTable.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import { compactMoney } from '../../lib/format-axis.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { STARTUP_COLOUR, THRESHOLD_COLOUR } from './chart-colours.js';

const FALLBACK_WORDS: Record<string, string> = { years: 'years 2023–2025', roleGroup: 'all ML/AI titles', allTitles: 'all titles at this level' };

export interface BasePlacementProps {
  result: OfferEvaluation;
  base: number;
  band: StageBand | undefined;
  benchmark: Benchmark | undefined;
  /** e.g. "ML Engineer, Senior, US" */
  marketLabel: string;
}

/**
 * The chart's title in words: whether the base clears the candidate's threshold, where it sits against the market's
 * range for the company's stage (never called the board's band: that is the role's, on the offer page), and against
 * the market median when there is one.
 */
export function basePlacementTitle(p: { base: number; currency: string; threshold: number; band: StageBand | undefined; marketMedian: number | null }): string {
  const { base, currency, threshold, band } = p;
  const parts: string[] = [];
  parts.push(base >= threshold ? `clears the candidate's threshold of ${formatMoney(threshold, currency)}` : `is below the candidate's threshold of ${formatMoney(threshold, currency)}`);
  if (band && band.currency === currency) {
    const max = band.base.max;
    parts.push(bandPlacement(base < band.base.min ? 'below' : max !== null && base > max ? 'above' : 'inside', { kind: 'market', stage: band.stage }));
  }
  if (p.marketMedian !== null) parts.push(base >= p.marketMedian ? 'at or above the market median' : 'below the market median');
  return `Base ${formatMoney(base, currency, { compact: true })} ${parts.join(', ')}`;
}

/** The offered base against the market's range for the stage, the market percentiles and the candidate's threshold. */
export function BasePlacementChart({ result, base, band, benchmark, marketLabel }: BasePlacementProps) {
  const currency = result.currency;
  const threshold = result.threshold.amount;
  const ranges: { row: string; x1: number; x2: number; mid?: number }[] = [];
  if (band && band.currency === currency) {
    ranges.push({ row: 'Market range for the stage', x1: band.base.min, x2: band.base.max ?? Math.round(band.base.min * 1.25) });
  }
  const marketUsable = benchmark && benchmark.currency === currency && benchmark.p10 !== null && benchmark.p90 !== null;
  if (marketUsable) {
    ranges.push({ row: 'Market P10–P90', x1: benchmark.p10 as number, x2: benchmark.p90 as number, mid: benchmark.p50 ?? undefined });
    if (benchmark.p25 !== null && benchmark.p75 !== null) ranges.push({ row: 'Market P25–P75', x1: benchmark.p25, x2: benchmark.p75, mid: benchmark.p50 ?? undefined });
  }
  const rowsDomain = [...ranges.map((r) => r.row), 'Offer'];
  const options = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 60 + rowsDomain.length * 34,
      marginLeft: 118,
      marginRight: 24,
      x: { label: `Base salary (${currency})`, tickFormat: compactMoney(currency), ticks: Math.max(3, Math.floor(width / 120)), grid: true },
      y: { domain: rowsDomain, label: null },
      marks: [
        Plot.barX(ranges, { y: 'row', x1: 'x1', x2: 'x2', fill: (d: { row: string }) => (d.row === 'Market range for the stage' ? '#a5b4fc' : d.row === 'Market P25–P75' ? '#868b94' : '#c4c7cc'), insetTop: 6, insetBottom: 6 }),
        Plot.tickX(ranges.filter((r) => r.mid !== undefined), { y: 'row', x: 'mid', stroke: '#1b1c1f', strokeWidth: 2 }),
        Plot.ruleX([threshold], { stroke: THRESHOLD_COLOUR, strokeWidth: 2, strokeDasharray: '5,3' }),
        Plot.text([threshold], { x: (d: number) => d, frameAnchor: 'top', dy: 2, text: () => 'Threshold', fill: THRESHOLD_COLOUR, fontSize: 11, textAnchor: 'start', dx: 4 }),
        Plot.dot([{ row: 'Offer', x: base }], { y: 'row', x: 'x', r: 6, fill: STARTUP_COLOUR, symbol: 'diamond' }),
      ],
    }),
    [result, base, band, benchmark],
  );

  const title = basePlacementTitle({ base, currency, threshold, band, marketMedian: marketUsable ? benchmark.p50 : null });
  return (
    <PlotFigure
      className="chart"
      titleLevel={3}
      id="base-placement"
      title={title}
      caption={
        <>
          The offered base (diamond) against the market's range for the company's stage (not the band the board approved for a role), the market percentiles for {marketLabel} and the candidate's cash threshold (dashed line, set by{' '}
          {result.threshold.binding === 'risk' ? 'the risk of the company failing' : 'their obligations'}).
          {marketUsable ? (
            <>
              {' '}
              Market: {benchmark.source}, as of {benchmark.asOf}, {formatCount(benchmark.n, 'en-US')} salaries
              {benchmark.fallback !== 'none' ? ` (fewer than 30 for the exact cut, so widened: ${FALLBACK_WORDS[benchmark.fallback] ?? benchmark.fallback})` : ''}.
            </>
          ) : (
            ' No market figures are shown: the benchmark is unavailable or in another currency.'
          )}
        </>
      }
      options={options}
      table={
        <ChartTable caption="Base salary placement" columns={['Reference', 'Low', 'Median', 'High']}>
          {ranges.map((r) => (
            <tr key={r.row}>
              <th scope="row">{r.row}</th>
              <td className="num">{formatMoney(r.x1, currency)}</td>
              <td className="num">{r.mid !== undefined ? formatMoney(r.mid, currency) : '—'}</td>
              <td className="num">{formatMoney(r.x2, currency)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Candidate's threshold</th>
            <td className="num" colSpan={3}>
              {formatMoney(threshold, currency)}
            </td>
          </tr>
          <tr>
            <th scope="row">Offered base</th>
            <td className="num" colSpan={3}>
              {formatMoney(base, currency)}
            </td>
          </tr>
        </ChartTable>
      }
    />
  );
}
