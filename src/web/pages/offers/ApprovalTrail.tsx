import { bandPlacementSentence } from '../../../domain/compensation/band-words.js';
import { Badge } from '../../components/Badge.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import type { OfferDetail, OfferVersion } from './api.js';
import { pendingClockView } from './approval-clock.js';
import type { ApprovalClock } from './approval-clock.js';
import { APPROVAL_STATUS_LABELS, formatWaiting, hoursBetween } from './offer-format.js';

/** Who approves a version, in which order, who decided what and when, and the approval clock while it runs. */
export function ApprovalTrail({ version, offer, clock }: { version: OfferVersion; offer: OfferDetail; clock: ApprovalClock | undefined }) {
  const now = Date.now();
  const running = version.approvalStatus === 'pending';
  return (
    <section aria-labelledby="trail-heading" className="card">
      <h2 id="trail-heading">Approval</h2>
      <p>
        <Badge tone={version.approvalStatus === 'approved' ? 'success' : version.approvalStatus === 'pending' ? 'accent' : version.approvalStatus === 'rejected' ? 'warning' : 'neutral'}>
          {APPROVAL_STATUS_LABELS[version.approvalStatus]}
        </Badge>{' '}
        {version.insideBand ? `${bandPlacementSentence('inside', { kind: 'board' })}.` : `${bandPlacementSentence('outside', { kind: 'board' })}: approvers decide.`}
      </p>
      {version.submittedAt ? (
        <p className="small">
          Submitted <RelativeTime at={version.submittedAt} />
          {version.approvalMode ? ` · approvers decide ${version.approvalMode === 'sequential' ? 'one after another' : 'in parallel'}` : ''}
          {version.decidedAt ? (
            <>
              {' '}
              · decided <RelativeTime at={version.decidedAt} />
            </>
          ) : null}
        </p>
      ) : (
        <p className="small muted">Not submitted for approval yet.</p>
      )}
      {running ? <PendingClock clock={clock} submittedAt={version.submittedAt} now={now} /> : null}
      {version.approvers.length > 0 ? (
        <ol className="trail">
          {version.approvers.map((a) => {
            const awaited = offer.awaiting.some((p) => p.id === a.id) && running;
            return (
              <li key={a.id} className="trail-item">
                <span className="trail-who">{a.name}</span>{' '}
                {a.decision ? (
                  <>
                    <Badge tone={a.decision === 'approved' ? 'success' : 'critical'}>{a.decision === 'approved' ? 'Approved' : 'Rejected'}</Badge>{' '}
                    {a.decidedAt ? <RelativeTime at={a.decidedAt} /> : null}
                    {a.comment ? <q className="trail-comment">{a.comment}</q> : null}
                  </>
                ) : awaited ? (
                  <Badge tone="accent">{version.submittedAt ? `Waiting ${formatWaiting(hoursBetween(version.submittedAt, now))}` : 'Waiting'}</Badge>
                ) : running ? (
                  <Badge>Next in line</Badge>
                ) : (
                  <Badge>No decision</Badge>
                )}
              </li>
            );
          })}
        </ol>
      ) : version.approvalStatus === 'approved' && version.insideBand ? (
        <p className="small muted">Approved at once: inside the band, no approver needed.</p>
      ) : null}
    </section>
  );
}

function PendingClock({ clock, submittedAt, now }: { clock: ApprovalClock | undefined; submittedAt: string | null; now: number }) {
  const { elapsed, warning, critical, state } = pendingClockView(clock, submittedAt, now);
  const tone = state === 'critical' ? 'critical' : state === 'warning' ? 'warning' : 'accent';
  return (
    <p className="approval-clock">
      <Badge tone={tone} srLabel={`Approval clock: ${state}`}>
        Approval clock {formatWaiting(elapsed)}
      </Badge>{' '}
      <span className="small muted">
        warning at {warning} h, critical at {critical} h: candidates drift after 48 hours.
      </span>
    </p>
  );
}
