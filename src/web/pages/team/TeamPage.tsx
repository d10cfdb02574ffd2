import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function TeamPage() {
  return (
    <>
      <PageHeader title="Team" description="Who to hire, in what order, and what it costs." />
      <EmptyState
        title="No team plan yet"
        action={
          <Link to="/settings/company" className="button button-secondary">
            Review headcount and AI team size
          </Link>
        }
      >
        <p>
          Team will plan your next hires (generalists first), check the plan against common hiring mistakes, and track the share of budget
          going to AI hires.
        </p>
        <p>It starts from the headcount and AI team size in your company profile.</p>
      </EmptyState>
    </>
  );
}
