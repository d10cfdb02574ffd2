import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent, MutableRefObject } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { daysSinceFirstContact, describeFirstContact } from '../../../domain/pipeline/clock-text.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { getApplication, getBoard, listAllApplicationsOfRole, patchApplication } from '../../api/pipeline.js';
import type { Board, BoardCard, BoardColumn } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { RISK_LABELS, riskTone } from '../../lib/pipeline-labels.js';
import './board.css';
import { daysLabel, locateCard, moveCard, neighbourStage } from './board-state.js';
import { SourceMixPanel } from './SourceMixPanel.js';

/** Cards rendered per column at first and per step as the column scrolls: a 1,000-card board stays light. */
const PAGE = 40;

interface BoardData {
  board: Board;
  versions: Map<string, number>;
}

/** Handlers every card shares; one stable object so a move does not re-render the cards that did not move. */
interface BoardActions {
  move: (applicationId: string, direction: -1 | 1) => void;
  openMoveDialog: (applicationId: string) => void;
  open: (card: BoardCard) => void;
  focusRequest: MutableRefObject<string | undefined>;
  canMove: boolean;
}

/** A role's candidates by stage: drag a card, or focus it and press Alt+Arrow, to move it. */
export function RoleBoardPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const data = useResource(async (signal): Promise<BoardData> => {
    const [board, applications] = await Promise.all([getBoard(id, signal), listAllApplicationsOfRole(id, signal)]);
    return { board, versions: new Map(applications.map((a) => [a.id, a.version])) };
  }, [id]);

  const [local, setLocal] = useState<{ from: BoardData; columns: BoardColumn[] }>();
  const loaded = data.state.data;
  // Columns as loaded, until a move changes them locally; a new load (reload after a 412) replaces them.
  const columns = local && local.from === loaded ? local.columns : (loaded?.board.columns ?? []);
  const setColumns = useCallback((next: BoardColumn[]) => setLocal(loaded ? { from: loaded, columns: next } : undefined), [loaded]);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const versions = useRef(new Map<string, number>());
  const focusRequest = useRef<string | undefined>(undefined);
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string }>();
  const [announcement, setAnnouncement] = useState('');
  const [moveDialogFor, setMoveDialogFor] = useState<string>();
  const reload = data.reload;

  useEffect(() => {
    if (loaded) versions.current = loaded.versions;
  }, [loaded]);

  const moveTo = useCallback(
    async (applicationId: string, toStage: string, keepFocus: boolean) => {
      const current = columnsRef.current;
      const at = locateCard(current, applicationId);
      if (!at) return;
      const card = current[at.column]!.cards[at.index]!;
      const target = current.find((c) => c.stage === toStage && c.kind === 'stage');
      if (!target || card.stage === toStage || card.status !== 'active') return;
      const before = current;
      if (keepFocus) focusRequest.current = applicationId;
      const after = moveCard(current, applicationId, toStage);
      columnsRef.current = after;
      setColumns(after);
      setNotice(undefined);
      // Moves of one card go out one after another, each with the version the previous one returned.
      const previous = inFlight.current.get(applicationId) ?? Promise.resolve();
      const save = previous.then(async () => {
        const version = versions.current.get(applicationId) ?? (await getApplication(applicationId)).version;
        const saved = await patchApplication(applicationId, version, { stage: toStage });
        versions.current.set(applicationId, saved.version);
      });
      const settled = save.catch(() => undefined);
      inFlight.current.set(applicationId, settled);
      void settled.then(() => {
        if (inFlight.current.get(applicationId) === settled) inFlight.current.delete(applicationId);
      });
      try {
        await save;
        setAnnouncement(`Moved ${card.candidateName} to ${target.name}.`);
      } catch (error) {
        if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
          setNotice({ tone: 'info', text: `${card.candidateName} was changed by someone else, so the move was not saved. The board has been reloaded; try again if it still applies.` });
          reload();
        } else {
          if (columnsRef.current === after) {
            columnsRef.current = before;
            setColumns(before);
          }
          setNotice({ tone: 'error', text: `Could not move ${card.candidateName}: ${errorMessage(error)}` });
        }
      }
    },
    [reload, setColumns],
  );

  const actionsRef = useRef<BoardActions>(undefined as unknown as BoardActions);
  actionsRef.current ??= {
    move: () => undefined,
    openMoveDialog: () => undefined,
    open: () => undefined,
    focusRequest,
    canMove: false,
  };
  // Mutate the one shared object so memoised cards keep seeing current handlers without re-rendering.
  actionsRef.current.move = (applicationId, direction) => {
    const at = locateCard(columnsRef.current, applicationId);
    if (!at) return;
    const stage = neighbourStage(columnsRef.current, columnsRef.current[at.column]!.stage, direction);
    if (stage) void moveTo(applicationId, stage, true);
  };
  actionsRef.current.openMoveDialog = setMoveDialogFor;
  actionsRef.current.open = (card) => navigate(`/candidates/${encodeURIComponent(card.candidateId)}?application=${encodeURIComponent(card.applicationId)}`);
  actionsRef.current.canMove = can(user.role, 'applications.write');
  const actions = actionsRef.current;

  const board = data.state.data?.board;
  const dialogCard = moveDialogFor ? (() => {
    const at = locateCard(columns, moveDialogFor);
    return at ? columns[at.column]!.cards[at.index] : undefined;
  })() : undefined;
  const activeCount = columns.filter((c) => c.kind === 'stage').reduce((n, c) => n + c.cards.length, 0);

  return (
    <>
      <PageHeader
        title={board ? board.role.title : 'Role board'}
        description={
          board
            ? `${formatCount(activeCount)} active candidates · target ${board.targetDays} days from first contact to decision.${board.leading ? ` Leading: ${board.leading.candidateName}, ${daysLabel(board.leading)}.` : ''}`
            : undefined
        }
        actions={
          <>
            <Link to="/roles" className="button button-ghost">
              All roles
            </Link>
            {can(user.role, 'roles.write') ? (
              <Link to={`/roles/${encodeURIComponent(id)}/edit`} className="button button-secondary">
                Edit role
              </Link>
            ) : null}
            <Link to={`/roles/${encodeURIComponent(id)}/settings`} className="button button-secondary">
              Settings
            </Link>
            {can(user.role, 'candidates.write') ? (
              <Link to={`/candidates/new?role=${encodeURIComponent(id)}`} className="button button-primary">
                Add candidate
              </Link>
            ) : null}
          </>
        }
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {data.state.status === 'error' ? (
        <Alert title="The board could not be loaded">
          <p>{data.state.error}</p>
          <Button onClick={reload}>Try again</Button>
        </Alert>
      ) : null}
      {!board && data.state.status === 'loading' ? <p className="muted">Loading the board…</p> : null}
      {board ? (
        <>
          <p className="small muted" id="board-help">
            <span className="hint-keyboard">
              Drag a card to another column, or focus a card and press Alt+→ / Alt+← to move it one stage (M opens “Move to”). ↑/↓ move between
              cards, Enter opens the candidate.
            </span>
            <span className="hint-touch">Tap a name to open the candidate; tap Move on a card to change its stage.</span>
          </p>
          {activeCount === 0 && columns.every((c) => c.cards.length === 0) ? (
            <EmptyState
              title="No candidates in this role yet"
              action={
                <Link to={`/candidates/new?role=${encodeURIComponent(id)}`} className="button button-primary">
                  Add the first candidate
                </Link>
              }
            >
              <p>Candidates appear here by stage, each with the days since first contact against the target and their flight risk.</p>
            </EmptyState>
          ) : (
            <div className="board" role="list" aria-label={`Stages of ${board.role.title}`}>
              {columns.map((column) => (
                <BoardColumnView key={column.stage} column={column} actions={actions} onDropCard={moveTo} />
              ))}
            </div>
          )}
          <SourceMixPanel roleId={id} />
        </>
      ) : null}
      <Dialog open={dialogCard !== undefined} onClose={() => setMoveDialogFor(undefined)} title={dialogCard ? `Move ${dialogCard.candidateName} to` : 'Move to'}>
        {dialogCard ? (
          <ul className="move-options">
            {columns
              .filter((c) => c.kind === 'stage')
              .map((c) => (
                <li key={c.stage}>
                  <Button
                    variant={c.stage === dialogCard.stage ? 'ghost' : 'secondary'}
                    disabled={c.stage === dialogCard.stage}
                    onClick={() => {
                      setMoveDialogFor(undefined);
                      void moveTo(dialogCard.applicationId, c.stage, true);
                    }}
                  >
                    {c.name}
                    {c.stage === dialogCard.stage ? ' (current)' : ''}
                  </Button>
                </li>
              ))}
          </ul>
        ) : null}
      </Dialog>
    </>
  );
}

interface ColumnProps {
  column: BoardColumn;
  actions: BoardActions;
  onDropCard: (applicationId: string, toStage: string, keepFocus: boolean) => void;
}

const BoardColumnView = memo(function BoardColumnView({ column, actions, onDropCard }: ColumnProps) {
  const [visible, setVisible] = useState(PAGE);
  const [dropping, setDropping] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLLIElement>(null);
  const headingId = `column-${column.stage}`;
  const shown = column.cards.length > visible ? column.cards.slice(0, visible) : column.cards;
  const more = column.cards.length - shown.length;

  useEffect(() => {
    const target = sentinel.current;
    if (!target || more <= 0 || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible((n) => n + PAGE * 2);
    }, { root: list.current, rootMargin: '200px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [more]);

  const droppable = column.kind === 'stage' && actions.canMove;
  const onDragOver = (event: DragEvent) => {
    if (!droppable || !event.dataTransfer.types.includes('application/x-closer-card')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!dropping) setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const applicationId = event.dataTransfer.getData('application/x-closer-card');
    if (!droppable || !applicationId) return;
    event.preventDefault();
    onDropCard(applicationId, column.stage, false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-card]');
    if (!item || event.target !== item) return;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'j' || event.key === 'k') && !event.altKey) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' || event.key === 'j' ? 1 : -1;
      const next = (step > 0 ? item.nextElementSibling : item.previousElementSibling) as HTMLElement | null;
      if (next?.dataset.card !== undefined) next.focus();
      else if (step > 0 && more > 0) setVisible((n) => n + PAGE);
    }
  };

  return (
    <section
      className={`board-column${dropping ? ' board-column-drop' : ''}`}
      role="listitem"
      aria-labelledby={headingId}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      data-stage={column.stage}
    >
      <header className="board-column-header">
        <h2 className="board-column-title" id={headingId}>
          {column.name}
        </h2>
        <span className="small muted num" aria-label={`${column.cards.length} candidates`}>
          {formatCount(column.cards.length)}
        </span>
      </header>
      <ul className="board-cards" ref={list} aria-labelledby={headingId} onKeyDown={onKeyDown}>
        {shown.map((card) => (
          <BoardCardView key={card.applicationId} card={card} actions={actions} movable={column.kind === 'stage' && actions.canMove} />
        ))}
        {more > 0 ? (
          <li ref={sentinel} className="board-more">
            <Button className="button-compact" variant="ghost" onClick={() => setVisible((n) => n + PAGE * 5)}>
              Show {formatCount(Math.min(more, PAGE * 5))} more of {formatCount(more)}
            </Button>
          </li>
        ) : null}
      </ul>
    </section>
  );
});

const RISK_SHORT = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

function spokenDays(card: BoardCard): string {
  return describeFirstContact(card);
}

const BoardCardView = memo(function BoardCardView({ card, actions, movable }: { card: BoardCard; actions: BoardActions; movable: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    if (actions.focusRequest.current === card.applicationId) {
      actions.focusRequest.current = undefined;
      ref.current?.focus();
    }
  });
  const days = daysSinceFirstContact(card);
  const fill = days === null ? 0 : Math.min(1, days / Math.max(1, card.targetDays));
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (movable && event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      actions.move(card.applicationId, event.key === 'ArrowRight' ? 1 : -1);
    } else if (movable && (event.key === 'm' || event.key === 'M') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      actions.openMoveDialog(card.applicationId);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      actions.open(card);
    }
  };
  const riskText = RISK_LABELS[card.risk.level];
  return (
    <li
      ref={ref}
      className={`board-card${card.overTarget ? ' board-card-over' : ''}`}
      tabIndex={0}
      data-card=""
      draggable={movable}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-closer-card', card.applicationId);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      aria-label={`${card.candidateName}, ${spokenDays(card)}, ${riskText}`}
      aria-describedby="board-help"
    >
      <div className="board-card-top">
        <Link
          className="board-card-name"
          to={`/candidates/${encodeURIComponent(card.candidateId)}?application=${encodeURIComponent(card.applicationId)}`}
          tabIndex={-1}
          draggable={false}
        >
          {card.candidateName}
        </Link>
        {movable ? (
          <button type="button" className="button button-ghost board-card-move" tabIndex={-1} onClick={() => actions.openMoveDialog(card.applicationId)} aria-label={`Move ${card.candidateName}`}>
            Move
          </button>
        ) : null}
      </div>
      <div className="board-card-bottom">
        <span className={`days-meter${card.overTarget ? ' days-meter-over' : ''}`} title="Days since first contact against the target">
          <span className="days-meter-bar" aria-hidden="true">
            <span className="days-meter-fill" style={{ width: `${Math.round(fill * 100)}%` }} />
          </span>
          {daysLabel(card)}
        </span>
        {card.risk.level !== 'low' ? (
          <Badge tone={riskTone(card.risk.level)} srLabel={riskText}>
            {RISK_SHORT[card.risk.level]}
          </Badge>
        ) : null}
      </div>
    </li>
  );
});
