import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function CandidatesPage() {
  return (
    <>
      <PageHeader title="Candidates" description="Everyone in your pipeline, across roles." />
      <EmptyState
        title="No candidates yet"
        action={
          <Link to="/roles" className="button button-secondary">
            Go to Roles
          </Link>
        }
      >
        <p>
          This list will show each candidate with their stage, time in stage and flight risk, and let you log a signal right after a call.
        </p>
        <p>Candidates apply to roles, so adding them arrives together with Roles.</p>
      </EmptyState>
    </>
  );
}
