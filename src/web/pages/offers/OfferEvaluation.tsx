import { Badge } from '../../components/Badge.js';
import { Money } from '../../components/Money.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { assumptionLabel, assumptionValue } from '../../lib/assumption-labels.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatPercent, formatProbability } from '../../lib/format-number.js';
import { sourceWords } from '../../lib/words.js';
import type { OfferVersion, RoleBand } from './api.js';
import { describeBand } from './offer-format.js';
import { OwnershipChart } from './OwnershipChart.js';

/** A version's evaluation: the cash threshold, the band, the chance it beats current pay, ownership, findings, equity value and assumptions. */
export function OfferEvaluation({ version, band }: { version: OfferVersion; band: RoleBand | null }) {
  const e = version.evaluation;
  const t = version.terms;
  const cash = t.base + (t.bonusTarget ?? 0);
  return (
    <section aria-labelledby="evaluation-heading" className="card offer-evaluation">
      <h2 id="evaluation-heading">Evaluation</h2>
      {!e ? (
        <p className="muted">This version has no evaluation.</p>
      ) : (
        <>
          <dl className="metric-row">
            <div className="metric">
              <dt>Cash threshold</dt>
              <dd>
                <span className="metric-value num">
                  <Money amount={e.threshold.amount} currency={t.currency} />
                </span>
                <span className="small">
                  {cash >= e.threshold.amount ? (
                    <Badge tone="success">Base + bonus clears it</Badge>
                  ) : (
                    <Badge tone="critical">{`Short by ${formatMoney(e.threshold.amount - cash, t.currency)}`}</Badge>
                  )}{' '}
                  binding: {e.threshold.binding === 'obligations' ? 'living costs' : 'risk of failure'}
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Band the board approved</dt>
              <dd>
                <span className="metric-value">{version.insideBand ? 'Inside' : 'Outside'}</span>
                <span className="small">
                  <Badge tone={version.insideBand ? 'success' : 'warning'}>{version.insideBand ? 'No approval needed' : 'Needs approval'}</Badge>
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Chance it beats current pay or offer</dt>
              <dd>
                <span className="metric-value num">{e.pStartupBeatsIncumbent === undefined ? '—' : formatProbability(e.pStartupBeatsIncumbent)}</span>
                <span className="small muted">
                  {e.incumbent ? `vs ${e.incumbent.source === 'offer' ? 'the competing offer' : 'their current pay'}` : 'nothing to compare with'}
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Fully diluted ownership</dt>
              <dd>
                <span className="metric-value num">{formatPercent(version.fullyDilutedPct)}</span>
                <span className="small muted">
                  paper value <Money amount={Math.round(e.startup.paperValue)} currency={t.currency} compact />
                </span>
              </dd>
            </div>
          </dl>
          {band ? (
            <ul className="plain-list band-lines">
              {describeBand({ base: t.base, currency: t.currency, equity: { ...t.equity, fullyDilutedPct: version.fullyDilutedPct, strike: t.equity.strike ?? null } }, band, (a, c) => formatMoney(a, c)).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {version.bandReasons.length > 0 ? (
            <ul className="plain-list band-lines">
              {version.bandReasons.map((r) => (
                <li key={r.field + r.message}>{r.message}</li>
              ))}
            </ul>
          ) : null}
          <h3>Findings</h3>
          {e.findings.length === 0 ? (
            <p className="muted">No findings.</p>
          ) : (
            <ul className="findings">
              {e.findings.map((f, i) => (
                <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`}>
                  <SeverityBadge severity={f.severity} rule={f.rule} />{' '}
                  {f.message}
                </li>
              ))}
            </ul>
          )}
          <div className="evaluation-detail">
            <div>
              <h3>Equity value today</h3>
              <p className="small muted">Present value of the grant over simulated outcomes; {formatProbability(e.startup.pZero)} of outcomes are worth nothing.</p>
              <table className="data-table">
                <caption className="visually-hidden">Equity present value percentiles</caption>
                <tbody>
                  {(['p10', 'p50', 'p90'] as const).map((k) => (
                    <tr key={k}>
                      <th scope="row">{k === 'p50' ? 'Median' : k === 'p10' ? 'Low (10th pct.)' : 'High (90th pct.)'}</th>
                      <td className="num">
                        <Money amount={Math.round(e.startup.equityPv[k])} currency={t.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {e.breakEvenGrant ? (
                <p className="small">
                  Break-even grant:{' '}
                  {e.breakEvenGrant.reachable && e.breakEvenGrant.shares !== null
                    ? `${formatCount(e.breakEvenGrant.shares)} shares${e.breakEvenGrant.fullyDilutedPct !== null ? ` (${formatPercent(e.breakEvenGrant.fullyDilutedPct)})` : ''}`
                    : 'not reachable with equity alone'}
                </p>
              ) : null}
            </div>
            <OwnershipChart rows={e.ownership} />
          </div>
          {e.assumptions.length > 0 ? (
            <details className="assumptions">
              <summary>Assumptions behind these numbers ({e.assumptions.length})</summary>
              <ul>
                {e.assumptions.map((a, i) => (
                  <li key={`${a.name}-${i}`}>
                    <span title={a.name}>{assumptionLabel(a.name)}</span>: {assumptionValue(a, t.currency)}{' '}
                    <span className="muted small">({sourceWords(a.source)})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
