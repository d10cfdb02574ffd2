import { Link } from 'react-router-dom';
import { firstName } from '../../../domain/pipeline/today-actions.js';
import type { ApprovalInboxItemView } from '../../../api/approvals.js';
import type { ListOf } from '../../../api/shared.js';
import { api } from '../../api/client.js';
import type { TodayCard } from '../../api/today.js';
import { useResource } from '../../api/use-resource.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/** An offer waiting for the signed-in person's decision (GET /approvals: their own inbox, no terms needed here). */
type WaitingOffer = Pick<ApprovalInboxItemView, 'id' | 'applicationId' | 'candidateName' | 'roleTitle' | 'requestedAt'>;

/**
 * The offers waiting for this person's approval, from the moment they are sent: a late one is also a card on Today
 * (with its clock), so it is left out here. The link goes where the card's does: the approvals inbox, one click each. Empty (and nothing is fetched) for people who do not approve.
 */
export function useWaitingApprovals(mayApprove: boolean, openCards: readonly TodayCard[]): WaitingOffer[] {
  const inbox = useResource((signal) => (mayApprove ? api.get<ListOf<WaitingOffer>>('/approvals', { signal }) : Promise.resolve({ items: [] })), [mayApprove]);
  const late = new Set(openCards.filter((c) => c.items.some((i) => i.id === 'approval.pending')).map((c) => c.applicationId));
  return [...(inbox.state.data?.items ?? [])].filter((o) => !late.has(o.applicationId)).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

/** "Waiting for your approval": one line per offer sent to this person and not late yet, with a link to review it. */
export function TodayApprovals({ offers }: { offers: readonly WaitingOffer[] }) {
  if (offers.length === 0) return null;
  return (
    <section className="today-approvals" aria-labelledby="today-approvals-title">
      <h2 id="today-approvals-title" className="today-section-title">
        Waiting for your approval
      </h2>
      <ul className="today-cards">
        {offers.map((o) => (
          <li key={o.id} className="today-card" aria-label={o.candidateName}>
            <div className="today-card-head">
              <h3 className="today-card-name">{o.candidateName}</h3>
              <span className="today-card-role muted">{o.roleTitle}</span>
            </div>
            <p className="small muted">
              Sent for your approval <RelativeTime at={o.requestedAt} />.
            </p>
            <div className="action-bar">
              <Link to="/offers/approvals" className="button button-primary" data-card-link="">
                Review the offer for {firstName(o.candidateName)}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
