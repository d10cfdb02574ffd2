import { useEffect } from 'react';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  /** The page's one h1; also sets the document title ("Roles · Closer"). */
  title: string;
  /** One or two sentences under the title. */
  description?: ReactNode;
  /** Buttons or links on the right, e.g. "New role". */
  actions?: ReactNode;
}

/** The heading block every page starts with. The h1 takes focus after navigation (see AppShell). */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Closer`;
  }, [title]);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <h1 tabIndex={-1}>{title}</h1>
        {description ? <p className="page-header-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header-actions">{actions}</div> : null}
    </div>
  );
}
