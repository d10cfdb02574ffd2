import { describe, expect, it } from 'vitest';
import { bandName, bandPlacement, bandPlacementSentence, rangeWords } from './band-words.js';
import { checkBelowStageBand } from './findings.js';
import { checkBand } from '../offers/band.js';
import type { OfferTermsInput } from '../offers/offer.js';

describe('band words: the market range for a stage and the band the board approved, never confused', () => {
  it('names each range in plain words', () => {
    expect(bandName({ kind: 'market', stage: 'seed' })).toBe("the market's seed-stage range");
    expect(bandName({ kind: 'market', stage: 'series-a' })).toBe("the market's Series A range");
    expect(bandName({ kind: 'market', stage: 'late-stage' })).toBe("the market's late stage range");
    expect(bandName({ kind: 'board' })).toBe('the band the board approved for this role');
    expect(bandPlacement('below', { kind: 'market', stage: 'seed' })).toBe("below the market's seed-stage range");
    expect(bandPlacementSentence('inside', { kind: 'board' })).toBe('Inside the band the board approved for this role');
    expect(rangeWords('180,000', '220,000', 'USD')).toBe('180,000–220,000 USD');
    expect(rangeWords('300,000', null, 'USD')).toBe('300,000+ USD');
  });

  it('words the market finding and the board check differently for the same base', () => {
    const market = checkBelowStageBand({ base: 178_000, stage: 'seed', currency: 'USD' });
    expect(market?.message).toBe("Base 178,000 USD is below the market's seed-stage range for a senior AI engineer (180,000–220,000 USD).");
    const board = { currency: 'USD', baseMin: 170_000, baseMax: 190_000, equityPctMin: 0.1, equityPctMax: 2 };
    const terms: Pick<OfferTermsInput, 'currency' | 'base' | 'equity'> = { currency: 'USD', base: 200_000, equity: { kind: 'ISO', shares: 50_000, fullyDilutedShares: 10_000_000, vesting: { preset: 'standard-4y-1y-cliff' } } };
    expect(checkBand(terms, board).reasons.map((r) => r.message)).toEqual(['Base is above the band the board approved for this role.']);
  });
});
