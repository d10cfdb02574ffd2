import { describe, expect, it } from 'vitest';
import { evaluateOffer } from '../../domain/compensation/evaluate-offer.js';
import { evaluateInput } from '../../test-support/compensation-fixtures.js';
import { assumptionLabel, assumptionValue, KNOWN_ASSUMPTIONS } from './assumption-labels.js';

// The compensation API tests' offer, with fewer paths: the labels do not depend on the simulation's size.
const input = { ...evaluateInput(), simulation: { paths: 1_000, seed: 42 } };

describe('assumptions in words', () => {
  const assumptions = evaluateOffer(input).assumptions;

  it('has words for every parameter an evaluation reports', () => {
    expect(assumptions.map((a) => a.name).filter((name) => !KNOWN_ASSUMPTIONS.includes(name))).toEqual([]);
  });

  it('shows no parameter key and no raw fraction', () => {
    for (const a of assumptions) {
      const shown = `${assumptionLabel(a.name)} ${assumptionValue(a, 'USD')}`;
      expect(shown, a.name).not.toMatch(/\b[a-z]+\.[a-z]+[A-Za-z]*\b|\b[a-z]+[A-Z]\w*\b/);
      expect(shown, a.name).not.toMatch(/\b0\.\d{3,}/);
    }
  });

  it.each([
    ['model.pNext', [0.645, 0.407, 0.297, 0.25, 0.25, 0], 'Chance of raising the next round', 'Seed 64.5%, Series A 40.7%, Series B 29.7%, Series C 25%, Series D 25%, Series E 0%'],
    ['candidate.lossTolerance', 162_000, 'Loss the candidate can absorb in a year', '$162,000'],
    ['candidate.searchYears', 0.182692, 'Job search after a failure', '9.5 weeks'],
    ['model.dilutionClamp', [0.01, 0.6], 'Smallest and largest dilution of a round', '1% to 60%'],
    ['model.ipoLogMultiple', { mu: Math.LN2, sigma: 0.7 }, 'IPO value against the last valuation', 'typically 2× (spread 0.7)'],
    ['model.participating', false, 'Participating preferred', 'no'],
    ['startup.employee.exercisePolicy', 'extendedWindow', 'When options are exercised', 'within an extended window after leaving'],
    ['breakEvenGrant.maxPlausiblePct', 5, 'Largest plausible grant for a non-founder', '5%'],
  ] as const)('%s reads "%s: %s"', (name, value, label, text) => {
    expect(assumptionLabel(name)).toBe(label);
    expect(assumptionValue({ name, value: value as never }, 'USD')).toBe(text);
  });

  it('spaces out a key it does not know rather than showing it', () => {
    expect(assumptionLabel('model.newThingRate')).toBe('New thing rate');
  });
});
