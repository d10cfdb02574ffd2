import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function RolesPage() {
  return (
    <>
      <PageHeader title="Roles" description="The positions you are hiring for." />
      <EmptyState
        title="No roles yet"
        action={
          <Link to="/settings/company" className="button button-secondary">
            Check the company profile
          </Link>
        }
      >
        <p>
          Each role will show its AI specialization and seniority, scoping checks, pay band and pipeline. Creating a role, including from a
          pasted job description, is coming next.
        </p>
        <p>Until then, make sure the company stage and amount raised are right: they set the default pay bands.</p>
      </EmptyState>
    </>
  );
}
