import { NavLink, Outlet } from 'react-router-dom';
import { can } from '../../api/types.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCurrentUser } from '../../session/SessionProvider.js';

/** Settings: a header, a row of section links, and the section below. */
export function SettingsLayout() {
  const user = useCurrentUser();
  const sections = [
    { to: 'company', label: 'Company' },
    ...(can(user.role, 'users.manage') ? [{ to: 'users', label: 'Users' }] : []),
    { to: 'notifications', label: 'Notifications' },
    ...(can(user.role, 'offers.read') ? [{ to: 'approvals', label: 'Approvals' }] : []),
    { to: 'security', label: 'Security' },
    { to: 'tokens', label: 'API tokens' },
    ...(can(user.role, 'audit.read') ? [{ to: 'audit', label: 'Audit log' }] : []),
    ...(can(user.role, 'privacy.manage') ? [{ to: 'privacy', label: 'Privacy' }] : []),
    ...(can(user.role, 'imports.manage') ? [{ to: 'import', label: 'Import' }] : []),
    ...(can(user.role, 'company.export') ? [{ to: 'export', label: 'Export' }] : []),
  ];
  return (
    <>
      <PageHeader title="Settings" documentTitle={false} description="Your company, the people who use Closer, and access for scripts." />
      <nav aria-label="Settings sections" className="subnav">
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} className="subnav-link">
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
