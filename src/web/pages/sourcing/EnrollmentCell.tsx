import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { Enrollment } from '../../api/sequences.js';
import { Button } from '../../components/Button.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { enrollmentWords } from './outreach-words.js';

/** A prospect's sequences: where they are, when the next step is due or why it stopped, and a due task to mark done. */
export function EnrollmentCell({ items, canWrite, onTaskDone }: { items: Enrollment[]; canWrite: boolean; onTaskDone: (e: Enrollment) => void }) {
  if (items.length === 0) return <span className="muted">Not in a sequence</span>;
  return (
    <ul className="sourcing-enrollments">
      {items.map((e) => (
        <li key={e.id}>
          <Link to={`/sourcing/sequences/${encodeURIComponent(e.sequenceId)}`}>{e.sequenceName}</Link>: {enrollmentWords(e)}
          {(e.status === 'active' || e.status === 'waiting-task') && (
            <Fragment>
              {' · due '}
              <RelativeTime at={e.dueAt} />
            </Fragment>
          )}
          {canWrite && e.status === 'waiting-task' && e.currentStep?.kind === 'task' && (
            <>
              {' '}
              <Button onClick={() => onTaskDone(e)} aria-label={`Mark the ${e.sequenceName} task for ${e.prospectName} done`}>Mark done</Button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
