import { useCallback } from 'react';
import { ChartTable } from '../../components/ChartTable.js';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.js';
import { formatCount } from '../../lib/format-money.js';
import { formatShare } from '../../lib/format-number.js';
import type { Reach } from '../../api/sourcing.js';

const originWords = (key: string) => (key === 'unknown' ? 'Not known' : key);

/** The finding of the reach chart: where most of the pool comes from. */
export function reachFinding(reach: Reach): string {
  const top = reach.byOrigin[0];
  if (!top) return 'No one in this pool yet';
  if (reach.byOrigin.length === 1) return `Everyone in this pool comes from ${originWords(top.key)}`;
  return `${formatShare(top.share)} of this pool comes from ${originWords(top.key)}, the largest of ${formatCount(reach.byOrigin.length)} origins`;
}

/**
 * Where a pool's people come from (referrer, lab or employer): the bars through the app's chart wrapper, the same
 * numbers in a table beside them. Screen readers read the table once (the drawing is hidden from them).
 */
export function ReachFigure({ reach }: { reach: Reach }) {
  const bars = reach.byOrigin.slice(0, 8).map((o) => ({ label: originWords(o.key), share: o.share * 100 }));
  const shape = bars.map((b) => `${b.label}:${b.share}`).join('|');
  const options = useCallback(
    (width: number, Plot: PlotModule) => {
      const longest = Math.max(1, ...bars.map((b) => b.label.length));
      const marginLeft = Math.round(Math.min(width * 0.45, 180, 12 + longest * 6.5));
      return {
        marginLeft,
        marginRight: 16,
        height: 40 + bars.length * 32,
        x: { label: 'Share of the pool (%)', grid: true, domain: [0, 100] },
        y: { label: null, axis: null, domain: bars.map((b) => b.label) },
        marks: [
          Plot.axisY({ label: null, lineWidth: (marginLeft - 12) / 10, tickSize: 0 }),
          Plot.barX(bars, { x: 'share', y: 'label', fill: 'var(--accent, steelblue)' }),
          Plot.ruleX([0]),
        ],
      };
    },
    // `shape` names every value drawn, so the chart redraws only when a figure changes
    [shape],
  );
  const caption = 'People by referrer, lab or employer';
  return (
    <div className="sourcing-reach">
      <PlotFigure
        id="pool-reach"
        title={reachFinding(reach)}
        titleLevel={3}
        caption={reach.byOrigin.length > 8 ? 'The eight largest origins; every origin is in the table.' : undefined}
        tableView="screen-reader"
        options={options}
        table={<p>The numbers are in the table “{caption}” beside this chart.</p>}
      />
      <ChartTable caption={caption} columns={['Referrer, lab or employer', 'People', 'Share']}>
        {reach.byOrigin.map((o) => (
          <tr key={o.key}>
            <td>{originWords(o.key)}</td>
            <td className="num">{formatCount(o.count)}</td>
            <td className="num">{formatShare(o.share)}</td>
          </tr>
        ))}
      </ChartTable>
    </div>
  );
}
