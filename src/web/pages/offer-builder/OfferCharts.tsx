import { useCallback, useMemo } from 'react';
import type { ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import type { StageBand } from '../../../domain/compensation/bands.js';
import type { Benchmark } from '../../../domain/market/benchmark.js';
import { compactMoney } from '../../lib/format-axis.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatPercent, formatProbability } from '../../lib/format-number.js';
import { bandPlacement } from '../../../domain/compensation/band-words.js';
import { stageWords } from '../../lib/words.js';
import { PlotFigure } from '../../components/PlotFigure.js';

const STARTUP_COLOUR = '#4338ca';
const INCUMBENT_COLOUR = '#868b94';
const THRESHOLD_COLOUR = '#b42318';

const FALLBACK_WORDS: Record<string, string> = { years: 'years 2023–2025', roleGroup: 'all ML/AI titles', allTitles: 'all titles at this level' };

/** A chart's numbers as a compact table: a row-header column, then numeric columns. */
function ChartTable({ caption, columns, phoneHides = [], children }: { caption: string; columns: readonly string[]; phoneHides?: readonly string[]; children: ReactNode }) {
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

/** Expected present value by year: cash and equity of each offer. */
export function ValueByYearChart({ result }: { result: OfferEvaluation }) {
  const currency = result.currency;
  const hasIncumbent = result.valueByYear.some((y) => y.incumbentCash !== undefined);
  const data = result.valueByYear.flatMap((y) => [
    { year: `Year ${y.year}`, offer: 'Startup', part: 'Startup cash', value: y.startupCash },
    { year: `Year ${y.year}`, offer: 'Startup', part: 'Startup equity', value: y.startupEquity },
    ...(hasIncumbent
      ? [
          { year: `Year ${y.year}`, offer: 'Incumbent', part: 'Incumbent cash', value: y.incumbentCash ?? 0 },
          { year: `Year ${y.year}`, offer: 'Incumbent', part: 'Incumbent equity', value: y.incumbentEquity ?? 0 },
        ]
      : []),
  ]);
  const parts = hasIncumbent ? ['Startup cash', 'Startup equity', 'Incumbent cash', 'Incumbent equity'] : ['Startup cash', 'Startup equity'];
  const options = useCallback(
    (): Plot.PlotOptions => ({
      height: 240,
      marginLeft: 56,
      fx: { label: null },
      x: { axis: null, domain: hasIncumbent ? ['Startup', 'Incumbent'] : ['Startup'], padding: 0.1 },
      y: { label: `Expected present value (${currency})`, tickFormat: compactMoney(currency), grid: true },
      color: { domain: parts, range: hasIncumbent ? ['#4338ca', '#a5b4fc', '#575b63', '#c4c7cc'] : ['#4338ca', '#a5b4fc'], legend: true },
      marks: [Plot.barY(data, { fx: 'year', x: 'offer', y: 'value', fill: 'part', order: parts }), Plot.ruleY([0])],
    }),
    [result],
  );
  const totalStartup = result.valueByYear.reduce((a, y) => a + y.startupCash + y.startupEquity, 0);
  const totalIncumbent = result.valueByYear.reduce((a, y) => a + (y.incumbentCash ?? 0) + (y.incumbentEquity ?? 0), 0);
  const title = hasIncumbent
    ? `Over ${result.valueByYear.length} years the startup is expected to pay ${formatMoney(totalStartup, currency, { compact: true })} against the incumbent's ${formatMoney(totalIncumbent, currency, { compact: true })}`
    : `Over ${result.valueByYear.length} years the startup is expected to pay ${formatMoney(totalStartup, currency, { compact: true })}`;
  return (
    <PlotFigure
      className="chart"
      titleLevel={3}
      id="value-by-year"
      title={title}
      caption="Expected present value earned in each year: cash (salary and bonus) and equity that vests and pays out. Equity after the horizon is not in these bars."
      options={options}
      table={
        <ChartTable caption="Expected value by year" columns={['Year', ...parts]}>
          {result.valueByYear.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{formatMoney(y.startupCash, currency)}</td>
              <td className="num">{formatMoney(y.startupEquity, currency)}</td>
              {hasIncumbent ? (
                <>
                  <td className="num">{formatMoney(y.incumbentCash ?? 0, currency)}</td>
                  <td className="num">{formatMoney(y.incumbentEquity ?? 0, currency)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </ChartTable>
      }
    />
  );
}

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

export interface BasePlacementProps {
  result: OfferEvaluation;
  base: number;
  band: StageBand | undefined;
  benchmark: Benchmark | undefined;
  /** e.g. "ML Engineer, Senior, US" */
  marketLabel: string;
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

  const parts: string[] = [];
  parts.push(base >= threshold ? `clears the candidate's threshold of ${formatMoney(threshold, currency)}` : `is below the candidate's threshold of ${formatMoney(threshold, currency)}`);
  if (band && band.currency === currency) {
    const max = band.base.max;
    parts.push(bandPlacement(base < band.base.min ? 'below' : max !== null && base > max ? 'above' : 'inside', { kind: 'market', stage: band.stage }));
  }
  if (marketUsable && benchmark.p50 !== null) parts.push(base >= benchmark.p50 ? 'at or above the market median' : 'below the market median');
  const title = `Base ${formatMoney(base, currency, { compact: true })} ${parts.join(', ')}`;
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
