import { Link } from 'react-router-dom';
import { can } from '../../../domain/access/policy.js';
import { listVestingPresets } from '../../../domain/compensation/vesting.js';
import { getCompany } from '../../api/endpoints.js';
import type { OfferDraftView } from '../../api/offer-path.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { CompanyFiguresForm } from '../../components/CompanyFiguresForm.js';
import type { CompanyFigure } from '../../components/CompanyFiguresForm.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './draft-intro.css';

/** The offer-terms field a missing company figure fills, by the company profile's field. */
const COMPANY_FIELD: Record<string, CompanyFigure> = {
  lastPostMoney: 'lastPostMoney',
  'equity.fullyDilutedShares': 'fullyDilutedShares',
  'equity.strike': 'strikePrice',
};

const GRANT_WORDS: Record<string, string> = { ISO: 'Options (ISO)', NSO: 'Options (NSO)', RSU: 'RSUs', RSA: 'Restricted stock (RSA)' };

function price(value: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
}

/** One line per pre-filled figure: the value and where it came from. */
function sourceRows(view: OfferDraftView): Array<{ label: string; value: string; explanation: string }> {
  const d = view.draft;
  const c = d.currency.value;
  const rows: Array<{ label: string; value: string; explanation: string } | null> = [
    d.base ? { label: 'Base salary', value: formatMoney(d.base.value, c), explanation: d.base.explanation } : null,
    d.equity.shares ? { label: 'Shares granted', value: formatCount(d.equity.shares.value), explanation: d.equity.shares.explanation } : null,
    d.equity.fullyDilutedShares ? { label: 'Fully diluted shares', value: formatCount(d.equity.fullyDilutedShares.value), explanation: d.equity.fullyDilutedShares.explanation } : null,
    d.equity.strike ? { label: 'Strike per share', value: price(d.equity.strike.value, c), explanation: d.equity.strike.explanation } : null,
    d.lastPostMoney ? { label: 'Last post-money valuation', value: formatMoney(d.lastPostMoney.value, c), explanation: d.lastPostMoney.explanation } : null,
    { label: 'Grant', value: GRANT_WORDS[d.equity.kind.value] ?? d.equity.kind.value, explanation: d.equity.kind.explanation },
    { label: 'Vesting', value: listVestingPresets().find((p) => p.id === d.equity.vesting.value.preset)?.label ?? d.equity.vesting.value.preset, explanation: d.equity.vesting.explanation },
    d.currentPay
      ? {
          label: 'Compared with',
          value: `${formatMoney(d.currentPay.value.base, d.currentPay.value.currency)} base, ${formatMoney(d.currentPay.value.bonus, d.currentPay.value.currency)} bonus, ${formatMoney(d.currentPay.value.equityAnnual, d.currentPay.value.currency)} equity a year`,
          explanation: d.currentPay.explanation,
        }
      : null,
  ];
  return rows.filter((r): r is NonNullable<typeof r> => r !== null);
}

export interface DraftIntroProps {
  view: OfferDraftView;
  /** A save failed for a reason that names no field. */
  formError?: string;
  /** The company figures were saved here: load the draft again. */
  onCompanySaved: () => void;
}

/**
 * Above the pre-filled builder: what is missing, in words, with where to fill it in (the company's figures right
 * here for owners and admins), and where every pre-filled figure came from.
 */
export function DraftIntro({ view, formError, onCompanySaved }: DraftIntroProps) {
  const user = useCurrentUser();
  const missing = view.draft.missing;
  const companyFields = missing.map((m) => COMPANY_FIELD[m.field]).filter((f): f is CompanyFigure => f !== undefined);
  const mayEditCompany = can(user.role, 'company.update');
  const company = useResource((signal) => (companyFields.length > 0 && mayEditCompany ? getCompany(signal) : Promise.resolve(undefined)), [companyFields.join(','), mayEditCompany]);
  const { application } = view;
  const enc = encodeURIComponent;

  return (
    <div className="draft-intro no-print">
      {formError ? <Alert title="The offer was not saved">{formError}</Alert> : null}
      {missing.length > 0 ? (
        <section className="card draft-missing" aria-labelledby="draft-missing-heading">
          <h2 id="draft-missing-heading">Missing for this offer</h2>
          <ul className="draft-missing-list">
            {missing.map((m) => (
              <li key={m.field}>
                {m.message}{' '}
                {m.where === 'role' ? (
                  <Link to={`/roles/${enc(application.roleId)}/settings#band`}>Set the band of {application.roleTitle}</Link>
                ) : m.where === 'candidate' ? (
                  <Link to={`/candidates/${enc(application.candidateId)}`}>Open {application.candidateName}&rsquo;s page</Link>
                ) : !mayEditCompany ? (
                  <span className="muted">Ask an owner or admin to add it.</span>
                ) : null}
                {m.required ? null : <span className="muted"> (optional)</span>}
              </li>
            ))}
          </ul>
          {companyFields.length > 0 && mayEditCompany && company.state.data ? (
            <div className="draft-company-form">
              <h3>Add the company&rsquo;s figures</h3>
              <p className="small muted">Saved to the company profile (Settings, Company), so every offer after this one has them too.</p>
              <CompanyFiguresForm company={company.state.data} fields={companyFields} submitLabel="Save to the company profile" onSaved={onCompanySaved} onStale={company.reload} />
            </div>
          ) : null}
        </section>
      ) : null}
      <details className="card draft-sources" open>
        <summary>
          <h2 className="draft-sources-heading">Where the figures come from</h2>
        </summary>
        <dl className="draft-source-list">
          {sourceRows(view).map((row) => (
            <div key={row.label} className="draft-source">
              <dt>{row.label}</dt>
              <dd>
                <span className="draft-source-value">{row.value}</span> <span className="small muted">{row.explanation}</span>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
