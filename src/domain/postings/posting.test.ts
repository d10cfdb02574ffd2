import { describe, expect, it } from 'vitest';
import { baseRangeWords, jobPostingJsonLd, lawJurisdictions, PAY_TRANSPARENCY_LAWS, postingFindings, postingSlug } from './posting.js';

const RANGE = { min: 180_000, max: 220_000, currency: 'USD' };
const rules = (publicText: string, baseRange: typeof RANGE | null = RANGE) => postingFindings({ title: 'ML Engineer', publicText, baseRange, roleFindings: [] }).map((f) => f.rule);

describe('postingFindings', () => {
  it.each([
    ['cash before equity', 'Base salary 180-220K USD, plus equity.', RANGE, []],
    ['equity with no word of cash', 'Generous equity and a great team.', RANGE, ['posting.equity-before-cash']],
    ['equity before the salary', 'Stock options of 1%! Salary 180K.', RANGE, ['posting.equity-before-cash']],
    ['no band', 'Build ranking models.', null, ['posting.no-base-range']],
    ['no band and equity first', 'RSUs first. Base pay later.', null, ['posting.no-base-range', 'posting.equity-before-cash']],
  ] as const)('%s', (_name, text, range, expected) => {
    expect(rules(text, range)).toEqual(expected);
  });

  it('names every pay-transparency law with its source, and keeps the role findings first by severity', () => {
    const findings = postingFindings({ title: 'x', publicText: 'Build models.', baseRange: null, roleFindings: [{ rule: 'scope.too-broad', severity: 'error', message: 'm', fix: 'f', evidence: [] }] });
    expect(findings.map((f) => f.rule)).toEqual(['scope.too-broad', 'posting.no-base-range']);
    expect(PAY_TRANSPARENCY_LAWS.length).toBeGreaterThanOrEqual(5);
    for (const law of PAY_TRANSPARENCY_LAWS) {
      expect(findings[1]!.message).toContain(law.jurisdiction);
      expect(law.source).toMatch(/^https:\/\//);
    }
    expect(lawJurisdictions(PAY_TRANSPARENCY_LAWS.slice(0, 2))).toBe('Colorado and California');
  });
});

describe('postingSlug', () => {
  it.each([
    ['Senior ML Engineer (LLMs)', 'senior-ml-engineer-llms-3f2a9c1e'],
    ['Ingénieure ML — Zürich', 'ingenieure-ml-zurich-3f2a9c1e'],
    ['<script>', 'script-3f2a9c1e'],
    ['***', '3f2a9c1e'],
  ])('%s -> %s', (title, slug) => {
    expect(postingSlug(title, '3f2a9c1e-0000-4000-8000-000000000000')).toBe(slug);
  });
});

describe('jobPostingJsonLd', () => {
  const posting = { slug: 's', title: 'T', publicText: 'D', location: 'Berlin', remotePolicy: 'hybrid' as const, baseRange: RANGE, publishedAt: '2026-11-02T15:00:00.000Z', specializations: [] };
  it('has baseSalary as a MonetaryAmount of a yearly QuantitativeValue, and a Place for on-site work', () => {
    const ld = jobPostingJsonLd(posting, { name: 'Co', url: 'https://jobs.example' });
    expect(ld.baseSalary).toEqual({ '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 180_000, maxValue: 220_000, unitText: 'YEAR' } });
    expect(ld.jobLocation).toEqual({ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Berlin' } });
    expect(ld.url).toBe('https://jobs.example/jobs/s');
  });
  it('marks remote work TELECOMMUTE and leaves baseSalary out without a range', () => {
    const ld = jobPostingJsonLd({ ...posting, remotePolicy: 'remote', baseRange: null }, { name: 'Co', url: 'https://jobs.example' });
    expect(ld.jobLocationType).toBe('TELECOMMUTE');
    expect(ld.baseSalary).toBeUndefined();
  });
  it('writes the range in words', () => {
    expect(baseRangeWords(RANGE)).toBe('180,000–220,000 USD a year');
  });
});
