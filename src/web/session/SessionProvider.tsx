import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, errorMessage, isApiError } from '../api/client.js';
import { getSession, getSetupStatus, logOut } from '../api/endpoints.js';
import type { Session, User } from '../api/types.js';

/** Where the visitor stands: still asking the server, first run, signed out, or signed in. */
export type SessionState =
  | { phase: 'loading' }
  | { phase: 'unreachable'; message: string }
  | { phase: 'first-run' }
  | { phase: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { phase: 'signed-in'; user: User; mfaEnrolmentRequired?: boolean };

export interface SessionContextValue {
  state: SessionState;
  /** Stores a session returned by login, setup or demo, and enters the app. */
  signIn: (session: Session) => void;
  /** Ends the session on the server, then shows the login page; throws (and stays signed in) when the server could not be told. */
  signOut: () => Promise<void>;
  /** Replaces the signed-in user after the server changed it (e.g. a role change of oneself). */
  updateUser: (user: User) => void;
  /** Asks the server again (after "Try again" or a 409 ALREADY_SET_UP during setup). */
  refresh: () => void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Learns on load whether the workspace is set up and who is signed in, and keeps the API client's CSRF token current. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    // Both questions at once: the answer to one decides the first screen, so don't wait twice.
    const session = getSession(signal).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const status = getSetupStatus(signal).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    void (async () => {
      const current = await session;
      if (signal.aborted) return;
      if (current.ok) {
        api.setCsrfToken(current.value.csrfToken);
        setState({ phase: 'signed-in', user: current.value.user, mfaEnrolmentRequired: current.value.mfaEnrolmentRequired });
        return;
      }
      if (!isApiError(current.error) || current.error.code !== 'UNAUTHENTICATED') {
        setState({ phase: 'unreachable', message: errorMessage(current.error) });
        return;
      }
      const setup = await status;
      if (signal.aborted) return;
      if (!setup.ok) setState({ phase: 'unreachable', message: errorMessage(setup.error) });
      else setState(setup.value.setUp ? { phase: 'signed-out' } : { phase: 'first-run' });
    })();
    return () => controller.abort();
  }, [generation]);

  useEffect(() => {
    api.onUnauthenticated = () => {
      api.setCsrfToken(undefined);
      setState((current) => (current.phase === 'signed-in' ? { phase: 'signed-out', reason: 'expired' } : current));
    };
    return () => {
      api.onUnauthenticated = undefined;
    };
  }, []);

  const signIn = useCallback((session: Session) => {
    api.setCsrfToken(session.csrfToken);
    setState({ phase: 'signed-in', user: session.user, mfaEnrolmentRequired: session.mfaEnrolmentRequired });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logOut();
    } catch (error) {
      // Already signed out on the server is fine; anything else leaves the session alive, so say so.
      if (!isApiError(error) || error.code !== 'UNAUTHENTICATED') throw error;
    }
    api.setCsrfToken(undefined);
    setState({ phase: 'signed-out', reason: 'signed-out' });
  }, []);

  const updateUser = useCallback((user: User) => {
    setState((current) => (current.phase === 'signed-in' && current.user.id === user.id ? { ...current, user } : current));
  }, []);

  const refresh = useCallback(() => {
    setState({ phase: 'loading' });
    setGeneration((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, updateUser, refresh }), [state, signIn, signOut, updateUser, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components under the app shell, which renders only when signed in. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.phase !== 'signed-in') throw new Error('useCurrentUser needs a signed-in session');
  return state.user;
}
