import { useCallback, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.js';
import { getToday, newIdempotencyKey, recordEvent } from '../../api/pipeline.js';
import type { ClockId, TodayItem } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { can } from '../../api/types.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { CLOCK_LABELS, formatDuration } from '../candidates/labels.js';
import '../candidates/pipeline.css';
import { readDoneToday, todayActionFor, utcDay, writeDoneToday } from './today-actions.js';

const LEVEL_LABEL: Record<TodayItem['level'], string> = { critical: 'Critical', warning: 'Late soon', high: 'High risk' };

/** The landing page: every late or nearly late clock and every high risk, most urgent first, one action each. */
export function TodayPage() {
  const user = useCurrentUser();
  const canAct = can(user.role, 'applications.write');
  const canAdd = can(user.role, 'candidates.write');
  const today = useResource((signal) => getToday(signal), []);
  const [done, setDone] = useState<Record<string, string>>(() => readDoneToday(new Date()));
  const [busyKey, setBusyKey] = useState<string>();
  const [failure, setFailure] = useState<{ key: string; message: string }>();
  const [status, setStatus] = useState<string>();

  const reload = today.reload;
  const items = today.state.data?.items ?? [];
  const open = useMemo(() => items.filter((item) => !done[item.key]), [items, done]);
  const doneItems = useMemo(() => items.filter((item) => done[item.key]), [items, done]);
  const critical = open.filter((item) => item.level === 'critical');
  const others = open.filter((item) => item.level !== 'critical');

  const act = useCallback(
    async (item: TodayItem, idempotencyKey: string) => {
      const action = todayActionFor(item);
      setBusyKey(item.key);
      setFailure(undefined);
      try {
        await recordEvent(item.applicationId, action.event, idempotencyKey);
        if (!action.stopsClock) {
          const next = { ...readDoneToday(new Date()), [item.key]: utcDay(new Date()) };
          writeDoneToday(next);
          setDone(next);
        }
        setStatus(`Done: ${item.candidateName}, ${item.action}`);
        reload();
      } catch (error) {
        setFailure({ key: item.key, message: errorMessage(error) });
      } finally {
        setBusyKey(undefined);
      }
    },
    [reload],
  );

  const data = today.state.data;
  return (
    <>
      <PageHeader
        title="Today"
        description={
          data
            ? `${formatCount(open.length)} to act on across ${formatCount(data.activeApplications)} active applications, most urgent first.`
            : 'What to do now so you do not lose anyone, most urgent first.'
        }
        actions={
          canAdd ? (
            <Link to="/candidates/new" className="button button-secondary">
              Add candidate
            </Link>
          ) : undefined
        }
      />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {open.length > 1 ? <p className="small muted">Tab to the first action, then j / k to move through the list.</p> : null}
      {today.state.status === 'error' ? (
        <Alert title="Today could not be loaded">
          <p>{today.state.error}</p>
          <Button onClick={today.reload}>Try again</Button>
        </Alert>
      ) : null}
      {!data && today.state.status === 'loading' ? <p className="muted">Loading today's list…</p> : null}
      {data && open.length === 0 ? (
        <EmptyState
          title="Nothing is late"
          action={
            <>
              <Link to="/roles" className="button button-primary">
                Open a role board
              </Link>{' '}
              {canAdd ? (
                <Link to="/candidates/new" className="button button-secondary">
                  Add a candidate
                </Link>
              ) : null}
            </>
          }
        >
          <p>
            No hiring clock is late or close to it and no candidate is at high risk
            {doneItems.length > 0 ? `; you have done ${formatCount(doneItems.length)} ${doneItems.length === 1 ? 'thing' : 'things'} from this list today` : ''}.
          </p>
          <p>Keep it that way: log each call and signal as it happens, and move candidates on the role boards.</p>
        </EmptyState>
      ) : null}
      {open.length > 0 ? (
        <div data-keyboard-list="" onKeyDown={moveBetweenItems}>
          {critical.length > 0 ? (
            <TodaySection title="Critical" items={critical} busyKey={busyKey} failure={failure} onAct={canAct ? act : undefined} />
          ) : null}
          {others.length > 0 ? (
            <TodaySection title="Needs action" items={others} busyKey={busyKey} failure={failure} onAct={canAct ? act : undefined} />
          ) : null}
        </div>
      ) : null}
      {doneItems.length > 0 ? (
        <section className="today-section" aria-labelledby="today-done">
          <h2 id="today-done" className="today-section-title">
            Done today <span className="muted">({formatCount(doneItems.length)})</span>
          </h2>
          <ul className="today-list">
            {doneItems.map((item) => (
              <li key={item.key} className="today-item today-item-done">
                <div className="today-item-main">
                  <p className="today-item-who">
                    <Link to={`/applications/${encodeURIComponent(item.applicationId)}`}>{item.candidateName}</Link>{' '}
                    <span className="muted">· {item.roleTitle}</span>
                  </p>
                  <p className="today-item-action">{item.action}</p>
                </div>
                <Badge tone="success">Done</Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** j/k (and ↓/↑) move between the items' actions, so the list can be worked through from the keyboard. */
function moveBetweenItems(event: KeyboardEvent<HTMLDivElement>) {
  if (event.altKey || event.ctrlKey || event.metaKey || !['j', 'k', 'ArrowDown', 'ArrowUp'].includes(event.key)) return;
  const target = event.target as HTMLElement;
  if (target.closest('input, select, textarea')) return;
  const actions = [...event.currentTarget.querySelectorAll<HTMLElement>('.today-item-do > :is(button, a)')];
  const current = actions.findIndex((el) => el.closest('.today-item') === target.closest('.today-item'));
  if (current < 0) return;
  const next = actions[current + (event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

interface TodaySectionProps {
  title: string;
  items: TodayItem[];
  busyKey: string | undefined;
  failure: { key: string; message: string } | undefined;
  /** Absent for people who may only read the pipeline (interviewers): the item then links to the candidate. */
  onAct: ((item: TodayItem, idempotencyKey: string) => void) | undefined;
}

function TodaySection({ title, items, busyKey, failure, onAct }: TodaySectionProps) {
  const headingId = `today-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <section className="today-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="today-section-title">
        {title} <span className="muted">({formatCount(items.length)})</span>
      </h2>
      <ul className="today-list">
        {items.map((item) => (
          <TodayRow key={item.key} item={item} busy={busyKey === item.key} error={failure?.key === item.key ? failure.message : undefined} onAct={onAct} />
        ))}
      </ul>
    </section>
  );
}

function what(item: TodayItem): string {
  if (item.kind === 'risk') {
    const score = item.score === undefined ? '' : ` ${Math.round(item.score * 100)}/100`;
    const deadline =
      item.hoursToDeadline === undefined
        ? ''
        : item.hoursToDeadline < 0
          ? ' · competing offer deadline passed'
          : ` · competing offer deadline in ${formatDuration(item.hoursToDeadline)}`;
    return `Flight risk${score}${deadline}`;
  }
  const label = CLOCK_LABELS[item.id as ClockId] ?? item.id;
  if (item.elapsedHours === undefined || item.targetHours === undefined) return label;
  return `${label}: ${formatDuration(item.elapsedHours)} (target ${formatDuration(item.targetHours)})`;
}

function TodayRow({ item, busy, error, onAct }: { item: TodayItem; busy: boolean; error: string | undefined; onAct: TodaySectionProps['onAct'] }) {
  const action = todayActionFor(item);
  // One key per intent: a retry after a failed answer records the action once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const tone = item.level === 'critical' ? 'critical' : item.level === 'high' ? 'accent' : 'warning';
  return (
    <li className={`today-item today-item-${item.level}`} aria-label={`${item.candidateName}: ${item.action}`}>
      <div className="today-item-main">
        <p className="today-item-who">
          <Badge tone={tone}>{LEVEL_LABEL[item.level]}</Badge>{' '}
          <Link to={`/applications/${encodeURIComponent(item.applicationId)}`} className="today-item-name">
            {item.candidateName}
          </Link>{' '}
          <span className="muted">· {item.roleTitle}</span>
        </p>
        <p className="today-item-what small muted">{what(item)}</p>
        <p className="today-item-action">{item.action}</p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="today-item-do">
        {onAct ? (
          <Button
            variant={item.level === 'critical' ? 'primary' : 'secondary'}
            busy={busy}
            busyLabel="Saving…"
            onClick={() => onAct(item, idempotencyKey)}
            aria-label={`${action.label}: ${item.candidateName}, ${item.action}`}
          >
            {action.label}
          </Button>
        ) : (
          <Link to={`/applications/${encodeURIComponent(item.applicationId)}`} className="button button-secondary">
            Open
          </Link>
        )}
      </div>
    </li>
  );
}
