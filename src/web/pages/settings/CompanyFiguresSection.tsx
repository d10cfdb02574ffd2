import { useState } from 'react';
import { can } from '../../../domain/access/policy.js';
import type { Company } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { CompanyFiguresForm } from '../../components/CompanyFiguresForm.js';
import { Money } from '../../components/Money.js';
import { formatCount } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './company-figures.css';

function pricePerShare(value: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
}

/**
 * Settings, Company: the figures every offer is built on (last post-money, fully diluted shares, strike). Hidden
 * from roles that may not read compensation; only owners and admins change them.
 */
export function CompanyFiguresSection({ company, onChanged, onStale }: { company: Company; onChanged: (c: Company) => void; onStale: () => void }) {
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!can(user.role, 'compensation.read') || company.lastPostMoney === undefined) return null;
  const missing = (value: number | null | undefined) => (value === null || value === undefined ? <span className="muted">Not recorded</span> : null);
  return (
    <section aria-labelledby="company-figures-heading" className="settings-subsection">
      <h3 id="company-figures-heading">Figures for offers</h3>
      <p className="muted small">A drafted offer takes its post-money, share count and strike from here; equity is always a number of shares of the fully diluted total.</p>
      {saved ? (
        <p role="status" className="muted">
          Figures saved.
        </p>
      ) : null}
      {editing ? (
        <CompanyFiguresForm
          company={company}
          onCancel={() => setEditing(false)}
          onStale={onStale}
          onSaved={(next) => {
            onChanged(next);
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>Last post-money valuation</dt>
              <dd>{missing(company.lastPostMoney) ?? <Money amount={company.lastPostMoney!} currency={company.currency} />}</dd>
            </div>
            <div>
              <dt>Fully diluted shares</dt>
              <dd className="num">{missing(company.fullyDilutedShares) ?? formatCount(company.fullyDilutedShares!)}</dd>
            </div>
            <div>
              <dt>Strike per share (409A)</dt>
              <dd className="num">{missing(company.strikePrice) ?? pricePerShare(company.strikePrice!, company.currency)}</dd>
            </div>
          </dl>
          {can(user.role, 'company.update') ? (
            <Button
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              Edit figures
            </Button>
          ) : (
            <p className="muted">Only owners and admins can change these figures.</p>
          )}
        </>
      )}
    </section>
  );
}
