import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from './SessionProvider.js';
import { MfaEnrolmentRequiredPage } from '../pages/settings/MfaSetup.js';

/** A `next` parameter is followed only when it is a path inside this app. */
export function safeNextPath(search: string): string | undefined {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') && !next.startsWith('/setup') ? next : undefined;
}

/** Sends each visitor to the one screen that fits: setup on first run, login when signed out, the app otherwise. */
export function SessionGate() {
  const { state, refresh } = useSession();
  const location = useLocation();
  const path = location.pathname;

  if (state.phase === 'loading') {
    return (
      <div className="full-page-status" role="status">
        <p className="delayed-fade-in">Loading Closer…</p>
      </div>
    );
  }

  if (state.phase === 'unreachable') {
    return (
      <main className="full-page-status">
        <h1>Closer cannot reach its server</h1>
        <p>{state.message}</p>
        <button type="button" className="button button-primary" onClick={refresh}>
          Try again
        </button>
      </main>
    );
  }

  if (state.phase === 'first-run') {
    return path === '/setup' ? <Outlet /> : <Navigate to="/setup" replace />;
  }

  if (state.phase === 'signed-out') {
    if (path === '/login') return <Outlet />;
    const wanted = `${path}${location.search}`;
    const keep = path !== '/' && path !== '/setup' && state.reason !== 'signed-out';
    return <Navigate to={keep ? `/login?next=${encodeURIComponent(wanted)}` : '/login'} replace />;
  }

  // The company requires two-step sign-in of this role: nothing else opens until it is set up.
  if (state.mfaEnrolmentRequired) return <MfaEnrolmentRequiredPage />;

  if (path === '/login' || path === '/setup') {
    return <Navigate to={safeNextPath(location.search) ?? '/today'} replace />;
  }
  return <Outlet />;
}
