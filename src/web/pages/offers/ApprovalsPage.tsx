import { useState } from 'react';
import { Link } from 'react-router-dom';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/Field.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Money } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { formatCount } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { decideOffer, listMyApprovals } from './api.js';
import type { InboxItem } from './api.js';
import { formatPercent } from '../../lib/format-number.js';
import { formatWaiting, hoursBetween } from './offer-format.js';
import './offers.css';

/** The approver's inbox: offers waiting on the signed-in person, oldest first, each decided in one click. */
export function ApprovalsPage() {
  const user = useCurrentUser();
  const mayApprove = can(user.role, 'offers.approve');
  const inbox = useResource((signal) => (mayApprove ? listMyApprovals(signal) : Promise.resolve({ items: [] as InboxItem[] })), [mayApprove]);
  const [deciding, setDeciding] = useState<{ offer: InboxItem; decision: 'approve' | 'reject' }>();
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string>();
  const now = Date.now();
  const rows = [...(inbox.state.data?.items ?? [])].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));

  if (!mayApprove) {
    return (
      <>
        <PageHeader title="Approvals" />
        <EmptyState title="You do not approve offers" action={<Link to="/offers">Go to Offers</Link>}>
          <p>Owners, admins and approvers decide on offers outside a role&rsquo;s band.</p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Offers waiting for your decision, oldest first. Candidates drift after 48 hours."
        actions={
          <Link to="/offers" className="button button-secondary">
            All offers
          </Link>
        }
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {inbox.state.status === 'error' ? <Alert>{inbox.state.error}</Alert> : null}
      {inbox.state.status === 'loading' && !inbox.state.data ? (
        <p className="muted" role="status">
          Loading your approvals…
        </p>
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing waits for you" action={<Link to="/offers">See all offers</Link>}>
          <p>When an offer outside its role&rsquo;s band is sent for approval and you are the approver, it appears here.</p>
        </EmptyState>
      ) : (
        <ul className="inbox" aria-label="Offers waiting for your decision">
          {rows.map((o) => {
            const hours = hoursBetween(o.requestedAt, now);
            return (
              <li key={o.id} className="inbox-item card">
                <div className="inbox-main">
                  <h2 className="inbox-title">
                    <Link to={`/offers/${encodeURIComponent(o.id)}`}>{o.candidateName}</Link>
                    <span className="muted"> · {o.roleTitle}</span>
                  </h2>
                  <p className="inbox-terms">
                    <Money amount={o.base} currency={o.currency} /> base · {formatCount(o.equity.shares)} shares ({formatPercent(o.equity.fullyDilutedPct)} fully diluted) ·{' '}
                    {o.insideBand ? 'inside band' : 'outside band'} · version {o.currentVersion} · sent <RelativeTime at={o.requestedAt} />
                  </p>
                </div>
                <div className="inbox-side">
                  <Badge tone={hours >= 48 ? 'critical' : hours >= 24 ? 'warning' : 'accent'} srLabel={`Waiting ${formatWaiting(hours)}`}>
                    Waiting {formatWaiting(hours)}
                  </Badge>
                  <div className="inbox-actions">
                    <Button variant="primary" onClick={() => setDeciding({ offer: o, decision: 'approve' })} aria-label={`Approve the offer to ${o.candidateName}`}>
                      Approve
                    </Button>
                    <Button variant="danger" onClick={() => setDeciding({ offer: o, decision: 'reject' })} aria-label={`Reject the offer to ${o.candidateName}`}>
                      Reject
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {deciding ? (
        <ConfirmDialog
          open
          title={`${deciding.decision === 'approve' ? 'Approve' : 'Reject'} the offer to ${deciding.offer.candidateName}?`}
          confirmLabel={deciding.decision === 'approve' ? 'Approve' : 'Reject'}
          tone={deciding.decision === 'approve' ? 'primary' : 'danger'}
          onConfirm={async () => {
            const next = await decideOffer(deciding.offer.id, deciding.decision, comment.trim() || undefined);
            inbox.setData((current) => ({ items: (current?.items ?? []).filter((o) => o.id !== deciding.offer.id) }));
            setDone(
              `${deciding.decision === 'approve' ? 'Approved' : 'Rejected'} the offer to ${deciding.offer.candidateName}${next.status === 'approved' ? '; it is ready to extend.' : '.'}`,
            );
            setDeciding(undefined);
            setComment('');
          }}
          onCancel={() => {
            setDeciding(undefined);
            setComment('');
          }}
        >
          <p>
            <Money amount={deciding.offer.base} currency={deciding.offer.currency} /> base, {formatCount(deciding.offer.equity.shares)} shares (
            {formatPercent(deciding.offer.equity.fullyDilutedPct)} of fully diluted).{' '}
            {deciding.decision === 'reject' ? 'The offer goes back to draft for a revision.' : ''}
          </p>
          <TextAreaField label="Comment" value={comment} onChange={setComment} maxLength={2000} optional />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
