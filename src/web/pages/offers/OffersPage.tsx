import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function OffersPage() {
  return (
    <>
      <PageHeader title="Offers" description="Proposals, their approvals and what they are worth to the candidate." />
      <EmptyState
        title="No offers yet"
        action={
          <Link to="/candidates" className="button button-secondary">
            Go to Candidates
          </Link>
        }
      >
        <p>
          Each offer will show its approvals, its cash against the candidate&rsquo;s threshold and the band, the value of its equity with
          the assumptions behind it, and how it compares with competing offers.
        </p>
        <p>Offers are made to candidates; the offer builder is coming after Candidates.</p>
      </EmptyState>
    </>
  );
}
