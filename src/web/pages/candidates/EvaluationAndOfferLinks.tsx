import { Link } from 'react-router-dom';
import type { OfferView } from '../../../api/offers.js';
import { can } from '../../api/types.js';
import type { ListOf } from '../../api/types.js';
import { api } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './pipeline.css';

/** The fields of an offer in GET /offers that the links read. */
type OfferLink = Pick<OfferView, 'id' | 'currentVersion' | 'status'>;

/** Where this application's scorecards and offers live: the decision view and each offer's page. */
export function EvaluationAndOfferLinks({ applicationId }: { applicationId: string }) {
  const user = useCurrentUser();
  const mayReadOffers = can(user.role, 'offers.read');
  const offers = useResource(
    (signal) => (mayReadOffers ? api.get<ListOf<OfferLink>>('/offers', { query: { applicationId }, signal }) : Promise.resolve({ items: [] as OfferLink[] })),
    [applicationId, mayReadOffers],
  );
  return (
    <nav aria-label="Scorecards and offers" className="action-bar">
      <Link to={`/applications/${encodeURIComponent(applicationId)}/decision`} className="button button-ghost">
        Scorecards and decision
      </Link>
      {(offers.state.data?.items ?? []).map((offer) => (
        <Link key={offer.id} to={`/offers/${encodeURIComponent(offer.id)}`} className="button button-ghost">
          Offer v{offer.currentVersion}: {offer.status.replace('-', ' ')}
        </Link>
      ))}
    </nav>
  );
}
