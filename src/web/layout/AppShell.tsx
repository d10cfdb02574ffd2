import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router-dom';
import { errorMessage } from '../api/client.js';
import { USER_ROLE_LABELS, can } from '../api/types.js';
import { Alert } from '../components/Alert.js';
import { NotificationBell } from '../components/NotificationBell.js';
import { CommandPalette } from '../keyboard/CommandPalette.js';
import { KeyboardShortcuts } from '../keyboard/KeyboardShortcuts.js';
import { ShortcutsHelp } from '../keyboard/ShortcutsHelp.js';
import type { PaletteItem } from '../keyboard/palette-filter.js';
import { modifierLabel } from '../keyboard/shortcuts.js';
import { useCurrentUser, useSession } from '../session/SessionProvider.js';
import { AREAS } from './areas.js';

const firstSegment = (path: string) => path.split('/')[1] ?? '';

/** The signed-in frame: skip link, navigation (a menu button on phones), the page, and the keyboard layer. */
export function AppShell() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string>();
  const menuButton = useRef<HTMLButtonElement>(null);
  const previousArea = useRef(firstSegment(location.pathname));
  const modifier = modifierLabel(typeof navigator === 'undefined' ? '' : navigator.platform);

  // After moving to another area, put focus on its heading so screen readers announce the new page.
  useEffect(() => {
    setMenuOpen(false);
    const area = firstSegment(location.pathname);
    if (area === previousArea.current) return;
    previousArea.current = area;
    const heading = document.querySelector<HTMLElement>('#main h1');
    (heading ?? document.getElementById('main'))?.focus({ preventScroll: false });
  }, [location.pathname]);

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await signOut();
    } catch (error) {
      setSignOutError(`Could not sign out: ${errorMessage(error)}`);
      setSigningOut(false);
    }
  };

  const paletteItems = useMemo<PaletteItem[]>(() => {
    const items: PaletteItem[] = AREAS.map((area) => ({
      id: area.id,
      label: area.label,
      group: 'Go to',
      hint: `g ${area.goKey}`,
      keywords: [area.summary],
      to: area.path,
    }));
    const settings: PaletteItem[] = [
      { id: 'company', label: 'Company profile', group: 'Settings', to: '/settings/company', keywords: ['stage', 'currency'] },
      ...(can(user.role, 'users.manage')
        ? [{ id: 'users', label: 'Users', group: 'Settings', to: '/settings/users', keywords: ['invite', 'people', 'roles', 'team members'] }]
        : []),
      ...(can(user.role, 'audit.read')
        ? [{ id: 'audit', label: 'Audit log', group: 'Settings', to: '/settings/audit', keywords: ['history', 'changes'] }]
        : []),
      { id: 'tokens', label: 'API tokens', group: 'Settings', to: '/settings/tokens', keywords: ['bearer', 'cli', 'integration'] },
    ];
    const actions: PaletteItem[] = [
      { id: 'shortcuts', label: 'Show keyboard shortcuts', group: 'Actions', hint: '?', perform: () => setHelpOpen(true) },
      { id: 'sign-out', label: 'Sign out', group: 'Actions', perform: () => void onSignOut() },
    ];
    return [...items, ...settings, ...actions];
    // onSignOut only uses state setters and signOut, both stable, so the list depends on the role alone.
  }, [user.role]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <div className="shell">
        <header className="shell-header">
          <div className="shell-bar">
            <Link to="/today" className="brand">
              <span className="brand-mark" aria-hidden="true">
                C
              </span>
              Closer
            </Link>
            <NotificationBell />
            <button
              ref={menuButton}
              type="button"
              className="button button-ghost menu-button"
              aria-expanded={menuOpen}
              aria-controls="shell-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true" className="menu-icon">
                {menuOpen ? '×' : '≡'}
              </span>
              Menu
            </button>
          </div>
          <div
            id="shell-menu"
            className={`shell-menu${menuOpen ? ' is-open' : ''}`}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen) {
                setMenuOpen(false);
                menuButton.current?.focus();
              }
            }}
          >
            <nav aria-label="Main" className="main-nav">
              <ul>
                {AREAS.filter((area) => area.id !== 'sourcing' || can(user.role, 'sourcing.read')).map((area) => (
                  <li key={area.id}>
                    <NavLink to={area.path} className="nav-link">
                      <span>{area.label}</span>
                      <span className="nav-keys" aria-hidden="true">
                        g {area.goKey}
                      </span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="shell-tools">
              <button type="button" className="button button-ghost tool-button" onClick={() => setPaletteOpen(true)}>
                <span>Jump to…</span>
                <kbd aria-hidden="true">{modifier} K</kbd>
              </button>
              <button type="button" className="button button-ghost tool-button" onClick={() => setHelpOpen(true)}>
                <span>Keyboard shortcuts</span>
                <kbd aria-hidden="true">?</kbd>
              </button>
            </div>
            <div className="shell-user">
              <p className="shell-user-name">
                <span className="visually-hidden">Signed in as </span>
                {user.name}
              </p>
              <p className="shell-user-role">
                {USER_ROLE_LABELS[user.role]} · {user.email}
              </p>
              <button type="button" className="button button-secondary" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
              {signOutError ? <Alert>{signOutError}</Alert> : null}
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="shell-main" aria-busy={navigation.state === 'loading' || undefined}>
          {navigation.state === 'loading' ? <div className="route-progress" aria-hidden="true" /> : null}
          <Outlet />
        </main>
      </div>
      <KeyboardShortcuts onOpenPalette={() => setPaletteOpen(true)} onOpenHelp={() => setHelpOpen(true)} />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} items={paletteItems} />
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} modifier={modifier} />
    </>
  );
}
