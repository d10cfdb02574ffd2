import { useId } from 'react';
import { interviewKindLabel } from '../../api/interviews.js';
import type { Interview } from '../../api/interviews.js';
import { Badge } from '../../components/Badge.js';
import type { BadgeTone } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { formatZonedSlot } from '../../lib/zoned-time.js';
import { InviteLinks } from './InviteLinks.js';

const STATUS: Record<Interview['status'], { text: string; tone: BadgeTone }> = {
  scheduled: { text: 'Scheduled', tone: 'neutral' },
  completed: { text: 'Done', tone: 'success' },
  cancelled: { text: 'Cancelled', tone: 'neutral' },
};

interface InterviewCardProps {
  interview: Interview;
  timeZone: string;
  /** Heading level: 3 on its own, 4 inside an onsite. */
  level: 3 | 4;
  /** How many attributes the role's template has, to say "all" rather than list them. */
  templateSize: number;
  readsAll: boolean;
  viewerId: string;
  canChange: boolean;
  onReschedule: (interview: Interview) => void;
  onCancel: (interview: Interview) => void;
  /** Marks the interview held; offered once its start time has passed. */
  onMarkHeld?: (interview: Interview) => void;
}

/** One interview: when (exact in the company time zone, and relative), who, stage, focus, place, status, actions. */
export function InterviewCard({ interview: i, timeZone, level, templateSize, readsAll, viewerId, canChange, onReschedule, onCancel, onMarkHeld }: InterviewCardProps) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const kind = interviewKindLabel(i.kind);
  const when = formatZonedSlot(i.scheduledAt, i.durationMinutes, timeZone);
  const status = STATUS[i.status];
  const allFocus = i.focusAttributeIds === null || i.focus.length === templateSize;
  const started = Date.parse(i.scheduledAt) <= Date.now();
  return (
    <article className={`interview-card${i.status === 'cancelled' ? ' interview-card-cancelled' : ''}`} aria-labelledby={headingId}>
      <div className="interview-card-head">
        <Heading id={headingId}>{kind}</Heading>
        <Badge tone={status.tone}>{status.text}</Badge>
        {i.final ? <Badge tone="accent">Final</Badge> : null}
      </div>
      <p className="interview-when">
        <time dateTime={i.scheduledAt}>{when}</time> <span className="muted">(<RelativeTime at={i.scheduledAt} />)</span>
      </p>
      <dl className="interview-facts">
        <dt>With</dt>
        <dd>{i.interviewers.map((p) => p.name).join(', ')}</dd>
        {i.stageName ? (
          <>
            <dt>Stage</dt>
            <dd>{i.stageName}</dd>
          </>
        ) : null}
        <dt>Covers</dt>
        <dd>{allFocus ? 'Every scorecard attribute' : i.focus.map((a) => a.name).join(', ')}</dd>
        {i.location ? (
          <>
            <dt>Where</dt>
            <dd>{/^https:\/\//.test(i.location) ? <a href={i.location} target="_blank" rel="noreferrer">{i.location}</a> : i.location}</dd>
          </>
        ) : null}
        {i.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{i.notes}</dd>
          </>
        ) : null}
      </dl>
      <InviteLinks interview={i} readsAll={readsAll} viewerId={viewerId} label={`${kind}, ${when}`} />
      {canChange && i.status === 'scheduled' ? (
        <div className="action-bar">
          {started && onMarkHeld ? (
            <Button className="button-compact" variant="primary" onClick={() => onMarkHeld(i)} aria-label={`Mark ${kind} held, ${when}`}>
              Mark held
            </Button>
          ) : null}
          <Button className="button-compact" onClick={() => onReschedule(i)} aria-label={`Reschedule ${kind}, ${when}`}>
            Reschedule
          </Button>
          <Button className="button-compact" variant="ghost" onClick={() => onCancel(i)} aria-label={`Cancel ${kind}, ${when}`}>
            Cancel
          </Button>
        </div>
      ) : null}
    </article>
  );
}
