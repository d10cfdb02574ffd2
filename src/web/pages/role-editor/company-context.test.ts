import { describe, expect, it } from 'vitest';
import { contextNote } from './company-context.js';
import type { CompanyContext } from './company-context.js';

const context = (over: Partial<CompanyContext>): CompanyContext => ({ scope: { aiTeam: [], coreIsSafetyOrResearch: false }, teamStored: false, aiTeamSize: 0, ...over });

describe('contextNote', () => {
  it('says nothing while loading or when the team is described', () => {
    expect(contextNote('loading', undefined)).toBeUndefined();
    expect(contextNote('ready', context({ teamStored: true, aiTeamSize: 3 }))).toBeUndefined();
  });

  it('says which rules are skipped when the team could not be loaded', () => {
    expect(contextNote('error', undefined)).toContain('founding-generalist and specialist rules are not applied');
    expect(contextNote('ready', null)).toContain('could not be loaded');
  });

  it('says how an undescribed team is counted', () => {
    expect(contextNote('ready', context({ aiTeamSize: 1 }))).toMatch(/^Setup says 1 person builds ML\/AI/);
    expect(contextNote('ready', context({ aiTeamSize: 4 }))).toMatch(/^Setup says 4 people build ML\/AI/);
    expect(contextNote('ready', context({}))).toBe('Setup says nobody builds ML/AI yet, so this is checked as your first AI hire.');
  });
});
