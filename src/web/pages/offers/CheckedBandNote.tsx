import { Link } from 'react-router-dom';
import { getOfferBandCheck } from '../../api/role-setup.js';
import type { CheckedBand } from '../../api/role-setup.js';
import { COMPANY_STAGE_LABELS } from '../../api/types.js';
import type { CompanyStage } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { formatApproval, formatBand } from '../../lib/band-words.js';
import './checked-band.css';

const stageWords = (stage: string) => COMPANY_STAGE_LABELS[stage as CompanyStage] ?? stage;

function bandWords(c: CheckedBand): string {
  if (!c.band) return `no board-approved band for ${stageWords(c.companyStage)}`;
  return `the ${stageWords(c.companyStage)} band (${formatBand(c.band)}). ${formatApproval(c.band)}`;
}

/** Which board-approved band an offer version was checked against, who approved it, and whether it has changed since. */
export function CheckedBandNote({ offerId, version }: { offerId: string; version: number }) {
  const check = useResource((signal) => getOfferBandCheck(offerId, version, signal), [offerId, version]);
  const c = check.state.data;
  if (!c) return null;
  const settings = `/roles/${encodeURIComponent(c.roleId)}/settings`;
  return (
    <section className="card checked-band" aria-labelledby="checked-band-heading">
      <h2 id="checked-band-heading">Band this version was checked against</h2>
      {c.checkedAgainst ? (
        <p>
          {c.checkedAgainst.band ? `Checked against ${bandWords(c.checkedAgainst)}.` : `When this version was made, the role had ${bandWords(c.checkedAgainst)}, so it needs approval.`}{' '}
          {c.insideBand ? 'The offer is inside it: no further approval needed.' : c.checkedAgainst.band ? 'The offer is outside it, so the approvers decide.' : ''}
        </p>
      ) : (
        <p>This version was checked before Closer kept which band it used. It was {c.insideBand ? 'inside' : 'outside'} the role's band then.</p>
      )}
      {!c.sameAsCurrent ? (
        <p className="small">
          The role's band has changed since: it now has {bandWords(c.current)}. A new version of the offer is checked against it.
        </p>
      ) : null}
      <p className="small">
        <Link to={settings}>{c.current.band ? "See the role's bands" : 'Record a board-approved band for this role'}</Link>
      </p>
    </section>
  );
}
