import { useCallback } from 'react';
import * as Plot from '@observablehq/plot';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import { ChartTable } from '../../components/ChartTable.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import { compactMoney } from '../../lib/format-axis.js';
import { formatMoney } from '../../lib/format-money.js';

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
