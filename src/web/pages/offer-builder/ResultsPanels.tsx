import { memo } from 'react';
import type { OfferEvaluation } from '../../../domain/compensation/schema.js';
import { bySeverity } from '../../../domain/shared/severity.js';
import { Badge } from '../../components/Badge.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { sourceWords } from '../../lib/words.js';
import { assumptionLabel, assumptionValue } from '../../lib/assumption-labels.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatPercent, formatProbability } from '../../lib/format-number.js';

type Finding = OfferEvaluation['findings'][number];
type Assumption = OfferEvaluation['assumptions'][number];

/** The comp.* findings, most severe first, each with its fix. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const sorted = [...findings].sort(bySeverity);
  return (
    <section aria-labelledby="findings-heading" className="findings">
      <h2 id="findings-heading">Findings</h2>
      {sorted.length === 0 ? (
        <p className="muted">No findings: the base clears the threshold and the offer is inside the checks.</p>
      ) : (
        <ul className="findings-list">
          {sorted.map((f) => (
            <li key={`${f.rule}-${f.path}`} data-rule={f.rule}>
              <SeverityBadge severity={f.severity} rule={f.rule} />
              <div>
                <p className="finding-message">{f.message}</p>
                <p className="small muted">{f.fix}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The headline numbers of an evaluation. */
export function KeyFigures({ result, base }: { result: OfferEvaluation; base: number }) {
  const c = result.currency;
  const t = result.threshold;
  const clears = base >= t.amount;
  return (
    <>
      <p className={`threshold-status ${clears ? 'threshold-ok' : 'threshold-below'}`} data-testid="threshold-status">
        <Badge tone={clears ? 'success' : 'critical'}>{clears ? 'Clears threshold' : 'Below threshold'}</Badge>{' '}
        {clears
          ? `Base ${formatMoney(base, c)} clears the candidate's threshold of ${formatMoney(t.amount, c)}.`
          : `Base ${formatMoney(base, c)} is ${formatMoney(t.amount - base, c)} below the candidate's threshold of ${formatMoney(t.amount, c)}.`}
      </p>
      <dl className="facts key-figures">
        <div>
          <dt>Candidate's threshold</dt>
          <dd title={`Obligations floor ${formatMoney(t.floors.obligations, c)}; risk floor ${t.floors.risk === null ? 'none' : formatMoney(t.floors.risk, c)}`}>
            {formatMoney(t.amount, c)} <span className="muted small">set by {t.binding === 'risk' ? 'failure risk' : 'obligations'}</span>
          </dd>
        </div>
        <div>
          <dt>Equity, risk-adjusted (mean PV)</dt>
          <dd>{formatMoney(result.startup.equityPv.mean, c)}</dd>
        </div>
        <div>
          <dt>Equity, paper value</dt>
          <dd>{formatMoney(result.startup.paperValue, c)}</dd>
        </div>
        <div>
          <dt>Equity worth nothing</dt>
          <dd>{formatProbability(result.startup.pZero)} of paths</dd>
        </div>
        {result.pStartupBeatsIncumbent !== undefined ? (
          <div>
            <dt>Startup beats the competing offer</dt>
            <dd data-testid="p-beats">{formatProbability(result.pStartupBeatsIncumbent)} of paths</dd>
          </div>
        ) : null}
        {result.breakEvenGrant ? (
          <div>
            <dt>Break-even grant</dt>
            <dd>
              {result.breakEvenGrant.shares !== null && result.breakEvenGrant.fullyDilutedPct !== null
                ? `${formatCount(result.breakEvenGrant.shares, 'en-US')} shares (${formatPercent(result.breakEvenGrant.fullyDilutedPct, 3)})`
                : 'none'}
              {!result.breakEvenGrant.reachable ? <span className="muted small"> not reachable</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}

/** A design assumption (no external source) rather than a sourced figure. */
export const isDesignAssumption = (a: Pick<Assumption, 'source'>): boolean => /^assumption\b/i.test(a.source.trim());

/** Every parameter the evaluation used, design assumptions marked, with their sources. */
export const AssumptionsList = memo(AssumptionsListView, (a, b) => a.currency === b.currency && JSON.stringify(a.assumptions) === JSON.stringify(b.assumptions));

function AssumptionsListView({ assumptions, currency }: { assumptions: readonly Assumption[]; currency: string }) {
  const designed = assumptions.filter(isDesignAssumption).length;
  return (
    <aside className="assumptions" aria-labelledby="assumptions-heading">
      <h2 id="assumptions-heading">Assumptions used</h2>
      <p className="small muted">
        {assumptions.length} parameters; {designed} are design assumptions (marked), the rest cite their source.
      </p>
      <ul className="assumptions-list">
        {assumptions.map((a) => (
          <li key={a.name} data-assumption={isDesignAssumption(a) ? 'design' : 'sourced'}>
            <div className="assumption-head">
              <span className="assumption-name" title={a.name}>
                {assumptionLabel(a.name)}
              </span>
              {isDesignAssumption(a) ? <Badge tone="warning">Design assumption</Badge> : null}
            </div>
            <div className="assumption-value num">{assumptionValue(a, currency)}</div>
            <details>
              <summary className="small">Source: {sourceWords(a.source)}</summary>
              <p className="small muted">{a.source}</p>
              <p className="small muted">
                Parameter <code>{a.name}</code>
              </p>
            </details>
          </li>
        ))}
      </ul>
    </aside>
  );
}
