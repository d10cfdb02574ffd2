import { interviewInviteUrl } from '../../api/interviews.js';
import type { Interview } from '../../api/interviews.js';

interface InviteLinksProps {
  interview: Interview;
  /** Staff download anyone's invite; everyone else only their own. */
  readsAll: boolean;
  viewerId: string;
  /** What the links are for, for screen readers: "System design, Thu, Nov 5". */
  label: string;
}

/**
 * Calendar invites (.ics) of one interview: one per interviewer and one for the candidate for staff; an interviewer
 * sees only their own. Each file updates the same calendar entry after a reschedule or a cancel.
 */
export function InviteLinks({ interview, readsAll, viewerId, label }: InviteLinksProps) {
  const onIt = interview.interviewers.some((p) => p.id === viewerId);
  const people = readsAll ? interview.interviewers : interview.interviewers.filter((p) => p.id === viewerId);
  if (people.length === 0 && !readsAll) return null;
  const what = interview.status === 'cancelled' ? 'Cancellation' : 'Invite';
  return (
    <p className="invite-links">
      <span className="muted">{what} (.ics):</span>
      {people.map((p) => (
        <a key={p.id} href={interviewInviteUrl(interview.id, p.id === viewerId ? undefined : p.id)} download aria-label={`${p.id === viewerId && onIt ? 'Your' : `${p.name}'s`} ${what.toLowerCase()} for ${label}`}>
          {p.id === viewerId && onIt ? `Your ${what.toLowerCase()}` : p.name}
        </a>
      ))}
      {readsAll ? (
        <a href={interviewInviteUrl(interview.id, 'candidate')} download aria-label={`Candidate's ${what.toLowerCase()} for ${label}`}>
          Candidate
        </a>
      ) : null}
    </p>
  );
}
