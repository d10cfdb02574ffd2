import type { OfferEvaluateInput, OfferEvaluation } from '../../../domain/compensation/schema.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatPercent } from '../../lib/format-number.js';
import { stageWords } from '../../lib/words.js';
import { Button } from '../../components/Button.js';
import { vestingTimeline } from './vesting-timeline.js';

export interface CandidateSummaryProps {
  result: OfferEvaluation;
  /** the input that produced `result` */
  input: OfferEvaluateInput;
}

/** A price per share keeps its cents: $0.384. */
function pricePerShare(value: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
}

const GRANT_WORDS: Record<string, string> = { ISO: 'stock options (ISO)', NSO: 'stock options (NSO)', RSU: 'restricted stock units', RSA: 'restricted stock' };

/**
 * What the candidate is shown: base, the grant as a percentage of the fully diluted total AND as a
 * share count, the vesting timeline and the dilution scenario table. Printable.
 */
export function CandidateSummary({ result, input }: CandidateSummaryProps) {
  const currency = result.currency;
  const { startup } = input;
  const shares = startup.grant.shares;
  const fullyDiluted = startup.company.fullyDilutedShares;
  const pct = (shares / fullyDiluted) * 100;
  const preset = 'preset' in startup.grant.vesting && startup.grant.vesting.preset ? startup.grant.vesting.preset : 'standard-4y-1y-cliff-monthly';
  const timeline = vestingTimeline(preset, shares);
  const scenario = result.scenarioTable;
  const options = startup.grant.kind === 'ISO' || startup.grant.kind === 'NSO';

  return (
    <section className="candidate-summary" aria-labelledby="candidate-summary-heading">
      <div className="summary-head">
        <h2 id="candidate-summary-heading">Your offer</h2>
        <Button className="no-print" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <dl className="facts summary-facts">
        <div>
          <dt>Base salary</dt>
          <dd>
            {formatMoney(startup.base, currency)} <span className="muted">per year</span>
          </dd>
        </div>
        {startup.bonusTarget ? (
          <div>
            <dt>Target bonus</dt>
            <dd>{formatMoney(startup.bonusTarget, currency)} per year</dd>
          </div>
        ) : null}
        <div>
          <dt>Equity, share of the company</dt>
          <dd data-testid="summary-equity-percent">{formatPercent(pct, 4)} of fully diluted shares</dd>
        </div>
        <div>
          <dt>Equity, share count</dt>
          <dd data-testid="summary-equity-shares">
            {formatCount(shares, 'en-US')} shares of {formatCount(fullyDiluted, 'en-US')} fully diluted
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            {GRANT_WORDS[startup.grant.kind] ?? startup.grant.kind}
            {options ? `, strike ${pricePerShare(result.startup.strikePerShare, currency)} per share` : null}
          </dd>
        </div>
        <div>
          <dt>Company</dt>
          <dd>
            {stageWords(startup.company.stage)}, last valued at {formatMoney(startup.company.lastPostMoney, currency, { compact: true })} post-money
          </dd>
        </div>
      </dl>
      <p className="small muted">
        "Fully diluted" counts every share, option and reserved pool share. At the last round's price of{' '}
        {pricePerShare(result.startup.preferredPricePerShare, currency)} per share the grant's paper
        value is {formatMoney(result.startup.paperValue, currency)}; what it will be worth depends on the exit and on later rounds (below).
      </p>

      <h3>Vesting: {timeline.label}</h3>
      <p className="small">
        {timeline.cliffMonths > 0
          ? `Nothing vests before the ${timeline.cliffMonths}-month cliff; then ${formatCount(timeline.firstVestShares, 'en-US')} shares vest at once.`
          : `The first ${formatCount(timeline.firstVestShares, 'en-US')} shares vest after ${timeline.firstVestMonths} month${timeline.firstVestMonths === 1 ? '' : 's'}.`}
      </p>
      <ol className="vesting-timeline" aria-label="Vesting timeline">
        {timeline.years.map((y) => (
          <li key={y.year}>
            <span className="vesting-year">End of year {y.year}</span>
            <span className="vesting-bar" aria-hidden="true">
              <span style={{ width: `${y.cumulativePct}%` }} />
            </span>
            <span className="num">
              {formatCount(y.cumulativeShares, 'en-US')} shares ({formatPercent(y.cumulativePct, 1)} of the grant)
            </span>
          </li>
        ))}
      </ol>

      <h3>What the grant could be worth</h3>
      <p className="small muted">{scenario.note}</p>
      <div className="table-wrap">
        <table className="data-table compact-table scenario-table">
          <caption className="visually-hidden">Dilution scenarios: value of the fully vested grant by exit value and by the last round before the exit</caption>
          <thead>
            <tr>
              <th scope="col">Exit value</th>
              {scenario.stages.map((s, i) => (
                <th scope="col" className="num" key={s.stage}>
                  {i === 0 ? 'Exit now' : `After ${stageWords(s.stage)}`}
                  <br />
                  <span className="muted small">{formatPercent(s.fullyDilutedPct, 3)} owned</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scenario.exitValues.map((exit, row) => (
              <tr key={exit}>
                <th scope="row" className="num">
                  {formatMoney(exit, currency, { compact: true })}
                </th>
                {scenario.values[row].map((value, col) => (
                  <td className="num" key={col}>
                    {formatMoney(value, currency)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
