import { Link } from 'react-router-dom';
import { canManageUsers } from '../../api/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCurrentUser } from '../../session/SessionProvider.js';

/** The landing page: what must be done now so no candidate is lost. */
export function TodayPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="Today" description="What to do now so you do not lose anyone, most urgent first." />
      <EmptyState
        title="Nothing is late"
        action={
          canManageUsers(user.role) ? (
            <Link to="/settings/users" className="button button-primary">
              Invite the people who hire with you
            </Link>
          ) : (
            <Link to="/roles" className="button button-secondary">
              Go to Roles
            </Link>
          )
        }
      >
        <p>
          This page will list every hiring clock that is late or about to be, and every candidate at high risk of accepting elsewhere,
          each with one next action you can take or mark done here.
        </p>
        <p>
          Clocks and risk signals start once roles and candidates are in Closer; those areas are being built now.
        </p>
      </EmptyState>
    </>
  );
}
