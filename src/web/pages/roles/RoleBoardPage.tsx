import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getBoard, listAllApplicationsOfRole } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import type { BoardActions } from './board-actions.js';
import { daysLabel, locateCard, neighbourStage } from './board-state.js';
import { BoardColumnView } from './BoardColumnView.js';
import { MoveToDialog } from './MoveToDialog.js';
import { SourceMixPanel } from './SourceMixPanel.js';
import { useBoardMoves } from './use-board-moves.js';
import type { BoardData } from './use-board-moves.js';
import './board.css';

/** A role's candidates by stage: drag a card, or focus it and press Alt+Arrow, to move it. */
export function RoleBoardPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const data = useResource(async (signal): Promise<BoardData> => {
    const [board, applications] = await Promise.all([getBoard(id, signal), listAllApplicationsOfRole(id, signal)]);
    return { board, versions: new Map(applications.map((a) => [a.id, a.version])) };
  }, [id]);

  const loaded = data.state.data;
  const { columns, columnsRef, moveTo, focusRequest, notice, announcement } = useBoardMoves(loaded, data.reload);
  const [moveDialogFor, setMoveDialogFor] = useState<string>();
  const reload = data.reload;

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
      <MoveToDialog card={dialogCard} columns={columns} onMove={(applicationId, stage) => void moveTo(applicationId, stage, true)} onClose={() => setMoveDialogFor(undefined)} />
    </>
  );
}
