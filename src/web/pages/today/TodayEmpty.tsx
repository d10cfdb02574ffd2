import { Link } from 'react-router-dom';
import type { UserRole } from '../../api/types.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { formatCount } from '../../lib/format-money.js';

export interface TodayEmptyProps {
  role: UserRole;
  scope: 'mine' | 'all';
  /** Cards under "Everything" that are not this person's (0 when they may not see everything). */
  othersCount: number;
  doneCount: number;
  canAddCandidates: boolean;
  /** True in a workspace with no active application yet: the next step is to start a search, not to open a board. */
  nothingInPlay: boolean;
  canCreateRoles: boolean;
  onSeeEverything: () => void;
}

/** An empty Today that says, for this person, why it is empty and what to do next. */
export function TodayEmpty({ role, scope, othersCount, doneCount, canAddCandidates, nothingInPlay, canCreateRoles, onSeeEverything }: TodayEmptyProps) {
  const done = doneCount > 0 ? ` You have done ${formatCount(doneCount)} ${doneCount === 1 ? 'thing' : 'things'} from here today.` : '';
  if (role === 'interviewer') {
    return (
      <EmptyState title="No scorecard is overdue" action={<Link to="/interviews" className="button button-primary">Your interviews</Link>}>
        <p>After each interview, write its scorecard within a day; an overdue one appears here with a link to write it.{done}</p>
      </EmptyState>
    );
  }
  if (role === 'approver') {
    return (
      <EmptyState title="No offer is waiting for you" action={<Link to="/offers/approvals" className="button button-primary">Approvals</Link>}>
        <p>An offer sent for your approval appears here as soon as it is sent, with a link to review it.{done}</p>
      </EmptyState>
    );
  }
  const others = scope === 'mine' ? othersCount : 0;
  const title = others > 0 ? 'Nothing needs you right now' : 'Nothing is late';
  const whose =
    role === 'owner' || role === 'admin'
      ? 'Nothing is late on roles nobody runs, and no approval or scorecard of yours is waiting.'
      : 'Nothing is late on the roles you run, and no approval or scorecard of yours is waiting. A role names its recruiter and hiring manager on its page.';
  return (
    <EmptyState
      title={title}
      action={
        <>
          {others > 0 ? (
            <Button variant="primary" onClick={onSeeEverything}>
              See everything ({formatCount(others)})
            </Button>
          ) : nothingInPlay && canCreateRoles ? (
            <Link to="/roles/new" className="button button-primary">
              Create a role
            </Link>
          ) : (
            <Link to="/roles" className="button button-primary">
              Open a role board
            </Link>
          )}{' '}
          {canAddCandidates ? (
            <Link to="/candidates/new" className="button button-secondary">
              Add a candidate
            </Link>
          ) : null}
        </>
      }
    >
      <p>
        {scope === 'all' ? 'No hiring clock is late or close to it and no candidate is at high risk.' : whose}
        {others > 0 ? ` ${formatCount(others)} ${others === 1 ? 'card needs' : 'cards need'} someone else on the team.` : ''}
        {done}
      </p>
      <p>
        {nothingInPlay
          ? 'No candidate is in a search yet. Start one: create a role with its stages and pay band, then add the people you are talking to.'
          : 'Keep it that way: log each call and signal as it happens, and move candidates on the role boards.'}
      </p>
    </EmptyState>
  );
}
