import { memo, useEffect, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { BoardColumn } from '../../api/pipeline.js';
import { Button } from '../../components/Button.js';
import { formatCount } from '../../lib/format-money.js';
import { PAGE } from './board-actions.js';
import type { BoardActions } from './board-actions.js';
import { BoardCardView } from './BoardCardView.js';

export interface ColumnProps {
  column: BoardColumn;
  actions: BoardActions;
  onDropCard: (applicationId: string, toStage: string, keepFocus: boolean) => void;
}

/** One stage of the board: a drop target, its cards a page at a time (more on scroll), ↑/↓ or j/k between cards. */
export const BoardColumnView = memo(function BoardColumnView({ column, actions, onDropCard }: ColumnProps) {
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

