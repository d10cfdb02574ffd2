import { describe, expect, it } from 'vitest';
import { matchScore, rankItems } from './palette-filter.js';
import type { PaletteItem } from './palette-filter.js';

const item = (label: string, keywords?: string[]): PaletteItem => ({ id: label, label, group: 'Go to', keywords, to: '/' });

describe('matchScore', () => {
  it.each([
    ['can', 'Candidates', 4],
    ['tok', 'API tokens', 3],
    ['dat', 'Candidates', 2],
    ['cnd', 'Candidates', 1],
    ['xyz', 'Candidates', 0],
    ['', 'Candidates', 1],
  ])('scores "%s" in "%s" as %d', (query, text, score) => {
    expect(matchScore(query, text)).toBe(score);
  });
});

describe('rankItems', () => {
  const items = [item('Today'), item('Roles'), item('Settings: Users', ['people', 'team members']), item('Team')];

  it('returns everything in order for an empty query', () => {
    expect(rankItems('', items).map((i) => i.label)).toEqual(['Today', 'Roles', 'Settings: Users', 'Team']);
  });

  it('puts a prefix match before a keyword match', () => {
    expect(rankItems('te', items).map((i) => i.label)).toEqual(['Team', 'Settings: Users']);
  });

  it('finds an item through its keywords', () => {
    expect(rankItems('people', items).map((i) => i.label)).toEqual(['Settings: Users']);
  });

  it('drops items that do not match', () => {
    expect(rankItems('zzz', items)).toEqual([]);
  });
});
