import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function MarketPage() {
  return (
    <>
      <PageHeader title="Market" description="Pay data and competing offers, to price roles and offers." />
      <EmptyState
        title="No market view yet"
        action={
          <Link to="/roles" className="button button-secondary">
            Go to Roles
          </Link>
        }
      >
        <p>
          Market will place salaries against public pay data and your bands, and value competing offers from large employers. Every
          chart will state its finding in its title and come with a table view.
        </p>
        <p>It builds on roles and their bands, which come first.</p>
      </EmptyState>
    </>
  );
}
