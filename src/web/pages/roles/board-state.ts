import { shortFirstContact } from '../../../domain/pipeline/clock-text.js';
import type { BoardCard, BoardColumn } from '../../api/pipeline.js';

/** Where a card is: its column's index and its index in that column; undefined when it is not on the board. */
export function locateCard(columns: readonly BoardColumn[], applicationId: string): { column: number; index: number } | undefined {
  for (let column = 0; column < columns.length; column += 1) {
    const index = columns[column]!.cards.findIndex((c) => c.applicationId === applicationId);
    if (index >= 0) return { column, index };
  }
  return undefined;
}

/**
 * Moves a card to the top of another stage column. Only the two columns involved get new arrays, and every other
 * card keeps its identity, so memoised columns and cards do not re-render. Returns the same array when nothing moves.
 */
export function moveCard(columns: readonly BoardColumn[], applicationId: string, toStage: string): BoardColumn[] {
  const from = locateCard(columns, applicationId);
  const to = columns.findIndex((c) => c.stage === toStage && c.kind === 'stage');
  if (!from || to < 0 || from.column === to) return columns as BoardColumn[];
  const card = columns[from.column]!.cards[from.index]!;
  const moved: BoardCard = { ...card, stage: toStage };
  return columns.map((column, i) => {
    if (i === from.column) return { ...column, cards: column.cards.filter((_, j) => j !== from.index) };
    if (i === to) return { ...column, cards: [moved, ...column.cards] };
    return column;
  });
}

/** The stage column next to a card's column in a direction (-1 left, +1 right), skipping the closed columns. */
export function neighbourStage(columns: readonly BoardColumn[], stage: string, direction: -1 | 1): string | undefined {
  const stages = columns.filter((c) => c.kind === 'stage');
  const index = stages.findIndex((c) => c.stage === stage);
  if (index < 0) return undefined;
  return stages[index + direction]?.stage;
}

/** "7 of 10 days": whole days since first contact against the target, the count every page shows (`shortFirstContact`). */
export function daysLabel(card: Pick<BoardCard, 'daysSinceFirstContact' | 'targetDays'>): string {
  return shortFirstContact({ ...card, overTarget: false });
}
