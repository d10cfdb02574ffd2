import { Link, useLocation } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="Nothing lives at this address" action={<Link to="/today">Go to Today</Link>}>
        <p>
          There is no page at <code>{location.pathname}</code>. Use the navigation
          <span className="hint-keyboard">
            , or press <kbd>?</kbd> for shortcuts
          </span>
          .
        </p>
      </EmptyState>
    </>
  );
}
