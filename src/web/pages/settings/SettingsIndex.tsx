import { Navigate } from 'react-router-dom';
import { canManageUsers } from '../../api/types.js';
import { useCurrentUser } from '../../session/SessionProvider.js';

/** /settings opens Users for those who manage them, the company profile for everyone else. */
export function SettingsIndex() {
  const user = useCurrentUser();
  return <Navigate to={canManageUsers(user.role) ? 'users' : 'company'} replace />;
}
