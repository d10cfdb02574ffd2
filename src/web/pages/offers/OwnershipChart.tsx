import { useEffect, useRef } from 'react';
import { stageWords } from '../../lib/words.js';
import { formatPercent } from './offer-format.js';

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

/** Ownership through the expected rounds, drawn with Observable Plot, with the same numbers as a table. */
export function OwnershipChart({ rows }: OwnershipChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || rows.length === 0) return;
    let cancelled = false;
    let chart: Element | undefined;
    // Plot is loaded on demand so the offer page's first paint does not wait for it.
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled) return;
      const data = rows.map((r, i) => ({ ...r, stage: stageWords(r.stage), order: i }));
      chart = Plot.plot({
        height: 180,
        width: Math.min(560, element.clientWidth || 560),
        marginLeft: 56,
        marginTop: 28,
        x: { label: 'Round', domain: data.map((d) => d.stage), type: 'point', padding: 0.3 },
        y: { label: '% of fully diluted', grid: true, zero: true, tickFormat: (v: number) => `${v}%` },
        marks: [
          Plot.lineY(data, { x: 'stage', y: 'fullyDilutedPct', stroke: 'currentColor' }),
          Plot.dot(data, { x: 'stage', y: 'fullyDilutedPct', fill: 'currentColor', r: 3 }),
          Plot.text(data, { x: 'stage', y: 'fullyDilutedPct', text: (d: { fullyDilutedPct: number }) => formatPercent(d.fullyDilutedPct, 3), dy: -10 }),
        ],
      });
      chart.setAttribute('aria-hidden', 'true');
      element.replaceChildren(chart);
    });
    return () => {
      cancelled = true;
      chart?.remove();
    };
  }, [rows]);

  return (
    <figure className="ownership-chart">
      <figcaption className="chart-title">{ownershipFinding(rows)}</figcaption>
      <div ref={holder} className="chart-holder" />
      <details>
        <summary>Table view</summary>
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
      </details>
    </figure>
  );
}
