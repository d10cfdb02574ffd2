import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Money } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { listMyApprovals, listOffers } from './api.js';
import type { Offer } from './api.js';
import { formatPercent } from '../../lib/format-number.js';
import { OFFER_STATUS_LABELS, offerStatusTone } from './offer-format.js';

const offerPath = (o: Offer) => `/offers/${encodeURIComponent(o.id)}`;
const OPEN_ORDER: Record<Offer['status'], number> = { 'pending-approval': 0, draft: 1, approved: 2, extended: 3, accepted: 4, declined: 5, expired: 6, withdrawn: 7 };

/** Every offer, open ones first, with a link to the approver's inbox and the offer builder. */
export function OffersPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const mayRead = can(user.role, 'offers.read');
  const mayApprove = can(user.role, 'offers.approve');
  const offers = useResource((signal) => (mayRead ? listOffers(signal) : Promise.resolve({ items: [] as Offer[] })), [mayRead]);
  const inbox = useResource((signal) => (mayApprove ? listMyApprovals(signal) : Promise.resolve({ items: [] as Offer[] })), [mayApprove]);
  const waiting = inbox.state.data?.items.length ?? 0;

  if (!mayRead) {
    return (
      <>
        <PageHeader title="Offers" />
        <EmptyState title="Offers are not shown to interviewers" action={<Link to="/interviews">Go to my interviews</Link>}>
          <p>Interviewers judge skill without seeing pay. Your scorecards are under Interviews.</p>
        </EmptyState>
      </>
    );
  }

  const columns: DataTableColumn<Offer>[] = [
    {
      id: 'candidate',
      header: 'Candidate',
      cell: (o) => (
        <Link to={offerPath(o)} className="cell-primary">
          {o.candidateName}
        </Link>
      ),
      sortValue: (o) => o.candidateName,
    },
    { id: 'role', header: 'Role', cell: (o) => o.roleTitle, sortValue: (o) => o.roleTitle, hideOnPhone: true },
    {
      id: 'status',
      header: 'Status',
      cell: (o) => (
        <>
          <Badge tone={offerStatusTone(o.status)}>{OFFER_STATUS_LABELS[o.status]}</Badge>
          {o.status === 'pending-approval' && o.awaiting.length > 0 ? <span className="muted small"> {o.awaiting.map((p) => p.name).join(', ')}</span> : null}
        </>
      ),
      sortValue: (o) => OPEN_ORDER[o.status],
    },
    { id: 'base', header: 'Base', numeric: true, cell: (o) => <Money amount={o.base} currency={o.currency} />, sortValue: (o) => o.base },
    { id: 'equity', header: 'Equity (FD)', numeric: true, hideOnPhone: true, cell: (o) => formatPercent(o.equity.fullyDilutedPct), sortValue: (o) => o.equity.fullyDilutedPct },
    { id: 'band', header: 'Band', hideOnPhone: true, cell: (o) => (o.insideBand ? 'Inside' : 'Outside'), sortValue: (o) => (o.insideBand ? 1 : 0) },
    { id: 'version', header: 'Version', numeric: true, hideOnPhone: true, cell: (o) => o.currentVersion, sortValue: (o) => o.currentVersion },
    { id: 'updated', header: 'Updated', cell: (o) => <RelativeTime at={o.updatedAt} />, sortValue: (o) => o.updatedAt, hideOnPhone: true },
  ];

  return (
    <>
      <PageHeader
        title="Offers"
        description="Proposals, their approvals and what they are worth to the candidate."
        actions={
          <>
            {mayApprove ? (
              <Link to="/offers/approvals" className={`button ${waiting > 0 ? 'button-primary' : 'button-secondary'}`}>
                {waiting > 0 ? `Waiting for you (${waiting})` : 'Approvals'}
              </Link>
            ) : null}
            {can(user.role, 'offers.evaluate') ? (
              <Link to="/offers/builder" className="button button-secondary">
                Evaluate an offer
              </Link>
            ) : null}
          </>
        }
      />
      {offers.state.status === 'error' ? <Alert>{offers.state.error}</Alert> : null}
      {offers.state.status === 'loading' && !offers.state.data ? (
        <p className="muted" role="status">
          Loading offers…
        </p>
      ) : (
        <DataTable
          caption="Offers"
          columns={columns}
          rows={offers.state.data?.items ?? []}
          rowKey={(o) => o.id}
          onOpen={(o) => navigate(offerPath(o))}
          initialSort={{ columnId: 'status', direction: 'ascending' }}
          rowTone={(o) => (o.status === 'pending-approval' ? 'accent' : undefined)}
          empty={
            <EmptyState
              title="No offers yet"
              action={
                <Link to="/candidates" className="button button-secondary">
                  Go to Candidates
                </Link>
              }
            >
              <p>
                Draft an offer from a candidate&rsquo;s decision view once the scorecards are in. Each offer shows its cash against the
                candidate&rsquo;s threshold and the band, its equity on the fully diluted basis, and its approvals.
              </p>
            </EmptyState>
          }
        />
      )}
    </>
  );
}
