import type { ReactNode } from 'react';
import { can } from '../../api/types.js';
import type { Action } from '../../api/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useCurrentUser } from '../../session/SessionProvider.js';

/** Renders its children when the user's role allows `action` (the server's own policy table); others see why not. */
export function AdminOnly({ section, action, children }: { section: string; action: Action; children: ReactNode }) {
  const user = useCurrentUser();
  if (can(user.role, action)) return <>{children}</>;
  return (
    <EmptyState title={`${section} is for owners and admins`}>
      <p>Ask an owner or admin of your workspace if you need a change here.</p>
    </EmptyState>
  );
}
