import { describe, expect, it } from 'vitest';
import type { BoardCard, BoardColumn } from '../../api/pipeline.js';
import { daysLabel, locateCard, moveCard, neighbourStage } from './board-state.js';

const card = (id: string, stage: string): BoardCard => ({
  applicationId: id,
  candidateId: `c-${id}`,
  candidateName: `Person ${id}`,
  stage,
  status: 'active',
  daysSinceFirstContact: 3,
  targetDays: 10,
  overTarget: false,
  risk: { level: 'low', score: 0 },
});

const board = (): BoardColumn[] => [
  { stage: 'sourced', name: 'Sourced', kind: 'stage', cards: [card('a', 'sourced'), card('b', 'sourced')] },
  { stage: 'screen', name: 'Screen', kind: 'stage', cards: [card('c', 'screen')] },
  { stage: 'final', name: 'Final', kind: 'stage', cards: [] },
  { stage: 'lost', name: 'Lost', kind: 'closed', cards: [] },
];

describe('moveCard', () => {
  it('moves a card to the top of the target column with its new stage', () => {
    const columns = moveCard(board(), 'b', 'screen');
    expect(columns[0]!.cards.map((c) => c.applicationId)).toEqual(['a']);
    expect(columns[1]!.cards.map((c) => [c.applicationId, c.stage])).toEqual([
      ['b', 'screen'],
      ['c', 'screen'],
    ]);
  });

  it('keeps untouched columns and cards identical so they do not re-render', () => {
    const before = board();
    const after = moveCard(before, 'a', 'final');
    expect(after[1]).toBe(before[1]);
    expect(after[3]).toBe(before[3]);
    expect(after[0]!.cards[0]).toBe(before[0]!.cards[1]);
  });

  it('does nothing for an unknown card, the same column or a closed column', () => {
    const before = board();
    expect(moveCard(before, 'zz', 'screen')).toBe(before);
    expect(moveCard(before, 'a', 'sourced')).toBe(before);
    expect(moveCard(before, 'a', 'lost')).toBe(before);
  });
});

describe('neighbourStage / locateCard / daysLabel', () => {
  it('finds the stage to the left and right, skipping closed columns', () => {
    expect(neighbourStage(board(), 'sourced', 1)).toBe('screen');
    expect(neighbourStage(board(), 'sourced', -1)).toBeUndefined();
    expect(neighbourStage(board(), 'final', 1)).toBeUndefined();
  });

  it('locates a card', () => {
    expect(locateCard(board(), 'c')).toEqual({ column: 1, index: 0 });
    expect(locateCard(board(), 'nope')).toBeUndefined();
  });

  it('labels days against the target', () => {
    expect(daysLabel({ daysSinceFirstContact: 7.9, targetDays: 10 })).toBe('7 of 10 days');
    expect(daysLabel({ daysSinceFirstContact: 9.99999999999, targetDays: 10 })).toBe('10 of 10 days');
    expect(daysLabel({ daysSinceFirstContact: null, targetDays: 10 })).toBe('not contacted');
  });
});
