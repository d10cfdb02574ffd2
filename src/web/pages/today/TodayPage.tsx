import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { newIdempotencyKey } from '../../api/pipeline.js';
import { getPersonalToday, recordTodayAction, TODAY_PAGE_SIZE, undoTodayMark } from '../../api/today.js';
import type { PersonalToday, TodayCard, TodayCardItem, TodayMark, TodayScope } from '../../api/today.js';
import { useResource } from '../../api/use-resource.js';
import { can } from '../../api/types.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { TodayApprovals, useWaitingApprovals } from './TodayApprovals.js';
import { TodayCardView } from './TodayCardView.js';
import { TodayDone } from './TodayDone.js';
import { TodayEmpty } from './TodayEmpty.js';
import type { MarkControls } from './TodayMarkLine.js';
import { doneGroups, withMark, withoutMark } from './today-words.js';
import './today.css';

type FocusTarget = { mark: string } | { item: string; applicationId: string };

/**
 * The landing page: the work of the signed-in person, one card per application with all its late clocks and its
 * risk, most urgent first; "Everything" for those allowed. A click records what its button says, stays done after a
 * reload (the mark is on the server) and can be undone for a minute.
 */
export function TodayPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const scope: TodayScope = params.get('scope') === 'all' ? 'all' : 'mine';
  // A reload (after a click or an undo) asks again for as many cards as are shown, so the list does not shrink under the reader.
  const shown = useRef(TODAY_PAGE_SIZE);
  const today = useResource((signal) => getPersonalToday(scope, { limit: shown.current }, signal), [scope]);
  const data = today.state.data;
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const [busyKey, setBusyKey] = useState<string>();
  const [failure, setFailure] = useState<{ key: string; message: string }>();
  const [busyMark, setBusyMark] = useState<string>();
  const [undoError, setUndoError] = useState<{ id: string; message: string }>();
  const [status, setStatus] = useState('');
  const [focusTarget, setFocusTarget] = useState<FocusTarget>();
  // Undo windows in this browser's time: first seen, plus what the server says is left.
  const deadlines = useRef(new Map<string, number>());
  // One key per item and intent: a retry after a lost answer records once.
  const intents = useRef(new Map<string, string>());

  const setScope = (next: TodayScope) => {
    setStatus('');
    shown.current = TODAY_PAGE_SIZE;
    setParams(next === 'all' ? { scope: 'all' } : {}, { replace: true });
  };

  const noteDeadlines = (d: PersonalToday | undefined) => {
    if (!d) return;
    for (const m of d.marks) {
      if (deadlines.current.has(m.id)) continue;
      const left = Date.parse(m.undoUntil) - Math.max(Date.parse(d.at), Date.parse(m.at));
      deadlines.current.set(m.id, Date.now() + left);
    }
  };
  noteDeadlines(data);

  const reload = today.reload;
  const setData = today.setData;

  // "Show more": the next page after the cards shown, appended (a card already shown, moved by time, is not repeated).
  const showMore = async () => {
    if (!data?.nextCursor) return;
    setMoreBusy(true);
    setMoreError(undefined);
    try {
      const next = await getPersonalToday(scope, { limit: TODAY_PAGE_SIZE, cursor: data.nextCursor });
      setData((d) => {
        const have = new Set(d!.cards.map((c) => c.applicationId));
        const cards = [...d!.cards, ...next.cards.filter((c) => !have.has(c.applicationId))];
        shown.current = Math.max(TODAY_PAGE_SIZE, cards.length);
        return { ...d!, cards, nextCursor: next.nextCursor, cardCount: next.cardCount };
      });
      setStatus(`${formatCount(next.cards.length)} more ${next.cards.length === 1 ? 'card' : 'cards'} shown.`);
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setMoreBusy(false);
    }
  };

  const record = useCallback(
    async (card: TodayCard, item: TodayCardItem) => {
      let key = intents.current.get(item.key);
      if (!key) intents.current.set(item.key, (key = newIdempotencyKey()));
      setBusyKey(item.key);
      setFailure(undefined);
      setUndoError(undefined);
      try {
        const { mark } = await recordTodayAction(card.applicationId, item.key, key);
        intents.current.delete(item.key);
        deadlines.current.set(mark.id, Date.now() + Date.parse(mark.undoUntil) - Date.parse(mark.at));
        setData((d) => withMark(d!, mark));
        setStatus(`${mark.text}. You can undo it for a minute.`);
        setFocusTarget({ mark: mark.id });
        reload();
      } catch (error) {
        setFailure({ key: item.key, message: errorMessage(error) });
      } finally {
        setBusyKey(undefined);
      }
    },
    [reload, setData],
  );

  const undo = useCallback(
    async (mark: TodayMark) => {
      setBusyMark(mark.id);
      setUndoError(undefined);
      try {
        await undoTodayMark(mark.id);
        deadlines.current.delete(mark.id);
        setData((d) => withoutMark(d!, mark.id));
        setStatus(`Undone: ${mark.text}.`);
        setFocusTarget({ item: mark.itemKey, applicationId: mark.applicationId });
        reload();
      } catch (error) {
        if (isApiError(error) && error.code === 'UNDO_EXPIRED') deadlines.current.set(mark.id, 0);
        setUndoError({ id: mark.id, message: errorMessage(error) });
        setStatus(errorMessage(error));
      } finally {
        setBusyMark(undefined);
      }
    },
    [reload, setData],
  );

  // Focus follows the work: to the Undo of what was just recorded, back to the item once undone.
  useEffect(() => {
    if (!focusTarget) return;
    const main = document.getElementById('main');
    let el: HTMLElement | null | undefined;
    if ('mark' in focusTarget) {
      el = main?.querySelector<HTMLElement>(`[data-undo="${CSS.escape(focusTarget.mark)}"]`) ?? main?.querySelector<HTMLElement>(`[data-mark="${CSS.escape(focusTarget.mark)}"]`);
    } else {
      el = main?.querySelector<HTMLElement>(`[data-item-key="${CSS.escape(focusTarget.item)}"] [data-card-action]`);
      if (!el && today.state.status === 'ready') {
        el = main?.querySelector<HTMLElement>(`#today-card-${CSS.escape(focusTarget.applicationId)} a`) ?? main?.querySelector<HTMLElement>('h1');
      }
    }
    if (el) {
      el.focus();
      setFocusTarget(undefined);
    }
  }, [focusTarget, today.state]);

  const controls: MarkControls = { deadlineOf: (m) => deadlines.current.get(m.id) ?? 0, busyMark, undoError, onUndo: (m) => void undo(m) };
  const openCards = useMemo(() => (data?.cards ?? []).filter((c) => !c.done), [data]);
  const marksByApp = useMemo(() => {
    const map = new Map<string, TodayMark[]>();
    for (const m of data?.marks ?? []) map.set(m.applicationId, [...(map.get(m.applicationId) ?? []), m]);
    return map;
  }, [data]);
  const done = useMemo(() => (data ? doneGroups(data) : []), [data]);
  const canAdd = can(user.role, 'candidates.write');
  const waiting = useWaitingApprovals(can(user.role, 'offers.approve'), openCards);

  return (
    <>
      <PageHeader
        title="Today"
        description={
          data
            ? headerLine(Math.max(openCards.length, data.cardCount - (data.cards.length - openCards.length)) + waiting.length, scope === 'all' ? 'the team' : 'you', data.activeApplications)
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
      {data?.canSeeAll ? (
        <div className="today-scope" role="group" aria-label="Whose work to show">
          <button type="button" className="today-scope-option" aria-pressed={scope === 'mine'} onClick={() => setScope('mine')}>
            For you
          </button>
          <button type="button" className="today-scope-option" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
            Everything{data.cardsInEverything !== null ? ` (${formatCount(data.cardsInEverything)})` : ''}
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {openCards.length > 1 ? <p className="small muted">Tab to the first card, then j / k to move from card to card.</p> : null}
      {today.state.status === 'error' ? (
        <Alert title="Today could not be loaded">
          <p>{today.state.error}</p>
          <Button onClick={today.reload}>Try again</Button>
        </Alert>
      ) : null}
      {!data && today.state.status === 'loading' ? <p className="muted">Loading today's list…</p> : null}
      <TodayApprovals offers={waiting} />
      {data && openCards.length === 0 && waiting.length === 0 && !data.nextCursor ? (
        <TodayEmpty
          role={user.role}
          scope={scope}
          othersCount={Math.max(0, (data.cardsInEverything ?? 0) - Math.max(data.cardCount, data.cards.length))}
          doneCount={data.marks.length}
          canAddCandidates={canAdd}
          nothingInPlay={data.activeApplications === 0}
          canCreateRoles={can(user.role, 'roles.write')}
          onSeeEverything={() => setScope('all')}
        />
      ) : null}
      {openCards.length > 0 || data?.nextCursor ? (
        <section aria-labelledby="today-open-title">
          <h2 id="today-open-title" className="visually-hidden">
            {scope === 'all' ? 'Everything that is late' : 'Your work'}
          </h2>
          <ul className="today-cards" data-keyboard-list="" onKeyDown={moveBetweenCards}>
            {openCards.map((card) => (
              <TodayCardView
                key={card.applicationId}
                card={card}
                marks={marksByApp.get(card.applicationId) ?? []}
                busyKey={busyKey}
                failure={failure}
                onRecord={(c, i) => void record(c, i)}
                controls={controls}
              />
            ))}
          </ul>
          {data?.nextCursor ? (
            <div className="today-more">
              <Button variant="secondary" busy={moreBusy} busyLabel="Loading…" onClick={() => void showMore()}>
                Show more ({formatCount(Math.max(0, data.cardCount - data.cards.length))} left)
              </Button>
              {moreError ? (
                <p className="field-error" role="alert">
                  {moreError}
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
      <TodayDone groups={done} controls={controls} />
    </>
  );
}

/** j/k (and ↓/↑) move to the next or previous card's first action, so the list can be worked through from the keyboard. */
function moveBetweenCards(event: KeyboardEvent<HTMLUListElement>) {
  if (event.altKey || event.ctrlKey || event.metaKey || !['j', 'k', 'ArrowDown', 'ArrowUp'].includes(event.key)) return;
  const target = event.target as HTMLElement;
  if (target.closest('input, select, textarea')) return;
  const cards = [...event.currentTarget.querySelectorAll<HTMLElement>(':scope > .today-card')];
  const current = cards.findIndex((card) => card.contains(target));
  if (current < 0) return;
  const next = cards[current + (event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  (next.querySelector<HTMLElement>('[data-card-action], [data-undo]') ?? next.querySelector<HTMLElement>('[data-card-link]'))?.focus();
}

function headerLine(count: number, who: string, active: number): string {
  if (count === 0) return `Nothing needs ${who} right now, across ${formatCount(active)} active applications.`;
  return `${formatCount(count)} ${count === 1 ? 'candidate needs' : 'candidates need'} ${who}, most urgent first, across ${formatCount(active)} active applications.`;
}
