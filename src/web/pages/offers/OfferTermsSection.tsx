import { listVestingPresets } from '../../../domain/compensation/vesting.js';
import { Money } from '../../components/Money.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { formatCount } from '../../lib/format-money.js';
import { formatPercent } from '../../lib/format-number.js';
import type { OfferVersion } from './api.js';

const VESTING_LABELS = new Map<string, string>(listVestingPresets().map((p) => [p.id, p.label]));

/** A vesting schedule in words: a preset's label, or "4 years, 1-year cliff, every 1 months". */
export function vestingText(version: OfferVersion): string {
  const v = version.terms.equity.vesting;
  if ('preset' in v) return VESTING_LABELS.get(v.preset) ?? v.preset.replace(/-/g, ' ');
  return `${v.totalYears} years, ${v.cliffYears}-year cliff, every ${Math.round(v.periodYears * 12)} months`;
}

/** The terms of one version of an offer: pay, equity, vesting, start date. */
export function OfferTermsSection({ version }: { version: OfferVersion }) {
  const t = version.terms;
  return (
    <section aria-labelledby="terms-heading" className="card">
      <h2 id="terms-heading">Terms (version {version.version})</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>Base salary</dt>
          <dd className="num">
            <Money amount={t.base} currency={t.currency} />
          </dd>
        </div>
        <div>
          <dt>Bonus target</dt>
          <dd className="num">{t.bonusTarget ? <Money amount={t.bonusTarget} currency={t.currency} /> : '—'}</dd>
        </div>
        <div>
          <dt>Sign-on</dt>
          <dd className="num">{t.signOn ? <Money amount={t.signOn} currency={t.currency} /> : '—'}</dd>
        </div>
        <div>
          <dt>Equity</dt>
          <dd>
            {formatCount(t.equity.shares)} {t.equity.kind} of {formatCount(t.equity.fullyDilutedShares)} fully diluted ={' '}
            <strong>{formatPercent(version.fullyDilutedPct)}</strong>
          </dd>
        </div>
        {t.equity.strike !== undefined ? (
          <div>
            <dt>Strike</dt>
            <dd className="num">
              {new Intl.NumberFormat('en-US', { style: 'currency', currency: t.currency, maximumFractionDigits: 4 }).format(t.equity.strike)} per share
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Vesting</dt>
          <dd>{vestingText(version)}</dd>
        </div>
        <div>
          <dt>Last post-money</dt>
          <dd className="num">
            <Money amount={t.lastPostMoney} currency={t.currency} compact />
          </dd>
        </div>
        {t.startDate ? (
          <div>
            <dt>Start date</dt>
            <dd>{t.startDate}</dd>
          </div>
        ) : null}
      </dl>
      {t.note ? <p className="muted">Note: {t.note}</p> : null}
      <p className="small muted">
        Drafted <RelativeTime at={version.createdAt} />
        {version.createdBy ? ` by ${version.createdBy.name}` : ''}.
      </p>
    </section>
  );
}
