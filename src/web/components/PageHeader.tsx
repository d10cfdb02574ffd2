import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title.js';

export interface PageHeaderProps {
  /** The page's one h1; also sets the document title ("Roles · Closer"). */
  title: string;
  /** One or two sentences under the title. */
  description?: ReactNode;
  /** Buttons or links on the right, e.g. "New role". */
  actions?: ReactNode;
  /** Set false when a nested page sets the document title itself (Settings sections). */
  documentTitle?: boolean;
}

/** The heading block every page starts with. The h1 takes focus after navigation (see AppShell). */
export function PageHeader({ title, description, actions, documentTitle = true }: PageHeaderProps) {
  useDocumentTitle(documentTitle ? [title] : []);
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
