import type { ReactNode } from 'react';

export interface EmptyStateProps {
  /** What is (not) here, plainly: "Nothing is late", "No roles yet". */
  title: string;
  /** What will appear here and why it is empty. */
  children?: ReactNode;
  /** The next thing to do: a link or a button. */
  action?: ReactNode;
  /** Heading level inside the page; 2 by default. */
  level?: 2 | 3;
}

/** A calm explanation of an empty list or page, with the next step. */
export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="empty-state" aria-label={title}>
      <Heading className="empty-state-title">{title}</Heading>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  );
}
