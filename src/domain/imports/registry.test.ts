import { describe, expect, it } from 'vitest';
import { IMPORT_PARSERS, isWithdrawalReason, mapCandidateSource, mapLossReason, proposeStageMapping, stageNamesOf, unmappedStages } from './registry.js';

const STAGES = [
  { id: 'sourced', name: 'Sourced' },
  { id: 'screen', name: 'Screen' },
  { id: 'technical', name: 'Technical interview' },
  { id: 'final', name: 'Final interviews (one day)' },
  { id: 'offer', name: 'Offer' },
];

describe('stage mapping', () => {
  it('proposes stages from their words and leaves unknown names for the review', () => {
    const names = ['Application Review', 'Recruiter Phone Screen', 'Take Home', 'Onsite', 'Offer', 'Technical interview', 'Blorp'];
    const mapping = proposeStageMapping(names, STAGES);
    expect(mapping).toEqual({
      'application review': 'screen',
      'recruiter phone screen': 'screen',
      'take home': 'technical',
      onsite: 'final',
      offer: 'offer',
      'technical interview': 'technical',
    });
    expect(unmappedStages(names, mapping, STAGES)).toEqual(['Blorp']);
    expect(unmappedStages(['Blorp'], { blorp: 'nowhere' }, STAGES)).toEqual(['Blorp']);
  });

  it('lists stage names once, in plan order', () => {
    const s = (name: string, order: number) => ({ externalSystem: 'csv' as const, externalId: name + order, name, order });
    expect(stageNamesOf({ stages: [s('Onsite', 3), s('Screen', 1), s('screen ', 2)] })).toEqual(['Screen', 'Onsite']);
  });
});

describe('sources and loss reasons', () => {
  it.each([
    ['LinkedIn', undefined, 'inbound'],
    ['LinkedIn (Prospecting)', undefined, 'outbound'],
    ['Employee Referral', undefined, 'referral'],
    ['Intro from our investor', undefined, 'vc-introduction'],
    ['NeurIPS conference', undefined, 'event'],
    ['GitHub', undefined, 'community'],
    [undefined, 'Ada Lovelace', 'referral'],
    [undefined, undefined, 'other'],
    ['Mystery', undefined, 'other'],
  ])('source %j (referrer %j) is %s', (name, referrer, expected) => expect(mapCandidateSource(name, referrer)).toBe(expected));

  it.each([
    ['Accepted another offer', 'accepted-other-offer'],
    ['Compensation expectations', 'compensation'],
    ['Equity too low', 'equity'],
    ['Lacks technical skills', 'role-fit'],
    ['Position filled', 'not-selected'],
    ['Unresponsive', 'unresponsive'],
    ['Needs visa sponsorship', 'location'],
    [undefined, 'other'],
    ['Something else', 'other'],
  ])('loss reason %j is %s', (text, expected) => expect(mapLossReason(text)).toBe(expected));

  it('tells withdrawals apart and registers the CSV source', () => {
    expect(isWithdrawalReason('Candidate withdrew')).toBe(true);
    expect(isWithdrawalReason('Not a fit')).toBe(false);
    expect(typeof IMPORT_PARSERS.csv).toBe('function');
  });
});
