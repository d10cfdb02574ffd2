import { describe, expect, it } from 'vitest';
import sourcing from '../../../data/pipeline/sourcing.json' with { type: 'json' };
import { sourceMix, type CandidateSource } from './source-mix.js';

const many = (counts: Partial<Record<CandidateSource | 'unknown', number>>) =>
  Object.entries(counts).flatMap(([source, n]) => Array.from({ length: n }, () => ({ source: source === 'unknown' ? undefined : source })));

describe('sourceMix', () => {
  it('counts and shares candidates by source; unknown or missing sources are other', () => {
    const mix = sourceMix([...many({ referral: 2, outbound: 1, community: 1 }), { source: 'billboard' }, {}, { source: null }]);
    expect(mix.total).toBe(7);
    expect(mix.counts).toEqual({ referral: 2, 'vc-introduction': 0, outbound: 1, inbound: 0, event: 0, community: 1, other: 3 });
    expect(mix.shares.referral).toBeCloseTo(2 / 7, 12);
    expect(Object.values(mix.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it.each([
    ['7 of 10 from the network: exactly 70% does not fire', { referral: 4, 'vc-introduction': 3, outbound: 3 }, false],
    ['71 of 100: over 70% fires', { referral: 50, 'vc-introduction': 21, inbound: 29 }, true],
    ['all referrals', { referral: 3 }, true],
    ['all VC introductions', { 'vc-introduction': 5 }, true],
    ['a balanced mix', { referral: 3, outbound: 3, community: 2, event: 2 }, false],
    ['no candidates', {}, false],
  ])('%s', (_name, counts, fires) => {
    const mix = sourceMix(many(counts));
    expect(mix.findings.map((f) => f.rule)).toEqual(fires ? ['sourcing.referral-only'] : []);
  });

  it('words the finding in the playbook shape with the figures', () => {
    const [finding] = sourceMix(many({ referral: 6, 'vc-introduction': 3, outbound: 2 })).findings;
    expect(finding).toEqual({
      rule: 'sourcing.referral-only',
      severity: 'warning',
      message: "82% of this role's candidates (9 of 11) came from referrals and VC introductions; the network runs dry before the role is filled.",
      fix: sourcing.referralOnlyFix.value,
      path: 'sourcing',
    });
  });

  it('takes the threshold from settings', () => {
    const settings = { referralOnlyShare: 0.5, referralOnlySources: ['referral'] as CandidateSource[], severity: 'error' as const, message: 'm', fix: 'f' };
    expect(sourceMix(many({ referral: 6, outbound: 4 }), settings).findings).toEqual([{ rule: 'sourcing.referral-only', severity: 'error', message: 'm', fix: 'f', path: 'sourcing' }]);
    expect(sourceMix(many({ referral: 5, outbound: 5 }), settings).findings).toEqual([]);
  });

  it('keeps the 70% threshold as data with its source', () => {
    expect(sourcing.referralOnlyShare).toEqual({ value: 0.7, source: expect.stringMatching(/playbook-checks\.md/) });
  });
});
