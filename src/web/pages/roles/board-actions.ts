import type { MutableRefObject } from 'react';
import type { BoardCard } from '../../api/pipeline.js';

/** Cards rendered per column at first and per step as the column scrolls: a 1,000-card board stays light. */
export const PAGE = 40;

/** Handlers every card shares; one stable object so a move does not re-render the cards that did not move. */
export interface BoardActions {
  move: (applicationId: string, direction: -1 | 1) => void;
  openMoveDialog: (applicationId: string) => void;
  open: (card: BoardCard) => void;
  focusRequest: MutableRefObject<string | undefined>;
  canMove: boolean;
}

