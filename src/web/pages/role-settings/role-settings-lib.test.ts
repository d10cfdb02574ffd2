import { describe, expect, it } from 'vitest';
import { describeTarget, formatHours, fromHours, toHours, unitFor } from './clock-words.js';
import { checkDrafts, moveStage, parseDays, stageIdFor, toStages, totalDays } from './stage-list.js';

describe('stage list', () => {
  it('makes a unique slug id for a new stage from its name', () => {
    expect(stageIdFor('Founder call', [])).toBe('founder-call');
    expect(stageIdFor('Founder call', ['founder-call'])).toBe('founder-call-2');
    expect(stageIdFor('Founder call', ['founder-call', 'founder-call-2'])).toBe('founder-call-3');
    expect(stageIdFor('Café & Co', [])).toBe('cafe-co');
    expect(stageIdFor('???', [])).toBe('stage');
  });

  it('moves a stage up or down and refuses to move past either end', () => {
    expect(moveStage(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveStage(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveStage(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStage(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('reads planned days from 0 to 90, totals them, and checks names and days before saving', () => {
    expect([parseDays('2'), parseDays('1,5'), parseDays(' 0 '), parseDays('91'), parseDays('-1'), parseDays('two')]).toEqual([2, 1.5, 0, undefined, undefined, undefined]);
    const drafts = [
      { id: 'a', name: 'Screen', plannedDays: '2' },
      { id: 'b', name: ' ', plannedDays: 'x' },
      { id: 'c', name: 'Offer', plannedDays: '1.5' },
    ];
    expect(totalDays(drafts)).toBe(3.5);
    expect(checkDrafts(drafts)).toEqual({ 'processPlan.stages.1.name': 'Give the stage a name.', 'processPlan.stages.1.plannedDays': 'Planned days are a number from 0 to 90.' });
    expect(toStages([drafts[0]!, drafts[2]!])).toEqual([{ id: 'a', name: 'Screen', plannedDays: 2 }, { id: 'c', name: 'Offer', plannedDays: 1.5 }]);
  });
});

describe('clock words', () => {
  it('says times in days when whole, else hours', () => {
    expect(formatHours(240)).toBe('10 days');
    expect(formatHours(24)).toBe('1 day');
    expect(formatHours(36)).toBe('36 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(48, true)).toBe('2 working days');
    expect(describeTarget({ warningHours: 24, criticalHours: 48 })).toBe('warning after 1 day, critical after 2 days');
  });

  it('converts typed amounts between days and hours', () => {
    expect(unitFor(240, 504)).toBe('days');
    expect(unitFor(24, 36)).toBe('hours');
    expect(toHours('7', 'days')).toBe(168);
    expect(toHours('12', 'hours')).toBe(12);
    expect(toHours('0', 'hours')).toBeUndefined();
    expect(toHours('soon', 'days')).toBeUndefined();
    expect(fromHours(168, 'days')).toBe('7');
    expect(fromHours(36, 'days')).toBe('1.5');
  });
});
