import { memo, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { daysSinceFirstContact, describeFirstContact } from '../../../domain/pipeline/clock-text.js';
import type { BoardCard } from '../../api/pipeline.js';
import { Badge } from '../../components/Badge.js';
import { RISK_LABELS, riskTone } from '../../lib/pipeline-labels.js';
import type { BoardActions } from './board-actions.js';
import { daysLabel } from './board-state.js';

const RISK_SHORT = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

function spokenDays(card: BoardCard): string {
  return describeFirstContact(card);
}

/** One candidate on the board: name, days since first contact against the target, flight risk; Alt+arrows or M move it, Enter opens it. */
export const BoardCardView = memo(function BoardCardView({ card, actions, movable }: { card: BoardCard; actions: BoardActions; movable: boolean }) {
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
