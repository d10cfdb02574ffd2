import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications.js';
import type { AppNotification } from '../api/notifications.js';
import { formatCount } from '../lib/format-money.js';
import { Button } from './Button.js';
import { RelativeTime } from './RelativeTime.js';
import './notification-bell.css';

/** How often the bell asks for new notifications while the page is open (and on every return to the window). */
const REFRESH_MS = 60_000;

/** "Notifications, 3 unread": the bell's accessible name carries the count. */
export function bellLabel(unread: number | undefined): string {
  if (unread === undefined) return 'Notifications';
  return `Notifications, ${unread === 0 ? 'none' : formatCount(unread)} unread`;
}

/**
 * The bell in the app's header: the unread count, and a list of the person's notifications (late clocks, risks,
 * approvals, overdue scorecards) with their words, time and link; mark one or all read. Refreshed every minute and
 * whenever the window regains focus.
 */
export function NotificationBell() {
  const [data, setData] = useState<{ items: AppNotification[]; unread: number }>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  const titleId = useId();

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const next = await listNotifications(signal);
      if (!signal?.aborted) {
        setData(next);
        setError(undefined);
      }
    } catch (e) {
      if (!signal?.aborted) setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(), REFRESH_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      controller.abort();
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    void load();
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes the list wherever focus is (a button that just got disabled leaves it on the page body).
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const inside = container.current?.contains(document.activeElement) || document.activeElement === document.body;
      setOpen(false);
      if (inside) button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, load]);

  const markOne = async (n: AppNotification) => {
    setBusy(n.id);
    try {
      const read = await markNotificationRead(n.id);
      setData((d) => d && { items: d.items.map((i) => (i.id === n.id ? read : i)), unread: Math.max(0, d.unread - 1) });
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
      // "Mark read" goes away once read: keep focus on the notification's link.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) container.current?.querySelector<HTMLElement>(`[data-notification="${CSS.escape(n.id)}"] a`)?.focus();
      });
    }
  };

  const markAll = async () => {
    setBusy('all');
    try {
      await markAllNotificationsRead();
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
      // The button is disabled once nothing is unread: keep focus in the list rather than losing it to the page.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) title.current?.focus();
      });
    }
  };

  const unread = data?.unread;
  return (
    <div className="bell" ref={container}>
      <button
        ref={button}
        type="button"
        className="button button-ghost bell-button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z" fill="currentColor" />
        </svg>
        {unread ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} className="bell-panel" role="region" aria-labelledby={titleId}>
          <div className="bell-panel-head">
            <h2 id={titleId} ref={title} className="bell-title" tabIndex={-1}>
              Notifications
            </h2>
            <Button variant="ghost" onClick={() => void markAll()} disabled={!unread} busy={busy === 'all'} busyLabel="Marking…">
              Mark all read
            </Button>
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {data && data.items.length === 0 ? (
            <p className="bell-empty muted">Nothing yet. Late clocks, high risks, approvals and overdue scorecards that need you appear here.</p>
          ) : null}
          {data && data.items.length > 0 ? (
            <ul className="bell-list">
              {data.items.map((n) => (
                <li key={n.id} className={`bell-item${n.readAt ? '' : ' is-unread'}`} data-notification={n.id}>
                  <p className="bell-item-title">
                    {n.readAt ? null : <span className="bell-new">New</span>}
                    <Link
                      to={n.link}
                      onClick={() => {
                        if (!n.readAt) void markOne(n);
                        setOpen(false);
                      }}
                    >
                      {n.title}
                    </Link>
                  </p>
                  <p className="bell-item-body">{n.body}</p>
                  <p className="bell-item-meta small muted">
                    <RelativeTime at={n.createdAt} />
                    {n.readAt ? null : (
                      <Button variant="ghost" className="bell-read" onClick={() => void markOne(n)} busy={busy === n.id} busyLabel="Marking…" aria-label={`Mark read: ${n.title}`}>
                        Mark read
                      </Button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          {!data && !error ? <p className="muted">Loading…</p> : null}
        </div>
      ) : null}
    </div>
  );
}
