// Public job postings (issue 16): the rules that decide what a posting says and whether it is ready to publish.
// Pure: the server, the CLI and the web's role page all run the same checks.
import payData from '../../../data/postings/pay-transparency.json' with { type: 'json' };
import attractData from '../../../data/scoping/attractiveness.json' with { type: 'json' };
import { bySeverity } from '../shared/severity.js';
import type { Finding } from '../scoping/findings.js';

export const POSTING_STATUSES = ['draft', 'published', 'unpublished', 'closed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

export const REMOTE_POLICIES = ['onsite', 'hybrid', 'remote'] as const;
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];

export const REMOTE_POLICY_WORDS: Readonly<Record<RemotePolicy, string>> = Object.freeze({ onsite: 'On site', hybrid: 'Hybrid', remote: 'Remote' });

/** A law that requires a pay range in a posting (data/postings/pay-transparency.json). */
export interface PayTransparencyLaw {
  id: string;
  jurisdiction: string;
  name: string;
  requires: string;
  since: string;
  source: string;
}

export const PAY_TRANSPARENCY_LAWS: readonly PayTransparencyLaw[] = payData.laws.value;

/** Defaults of the board and the application form, each from the data file. */
export const POSTING_DEFAULTS = Object.freeze({
  talentPoolMonths: payData.talentPoolMonths.value,
  applicationsPerAddress: payData.applicationsPerAddress.value,
  applicationWindowMinutes: payData.applicationWindowMinutes.value,
  boardCacheSeconds: payData.boardCacheSeconds.value,
  formTokenHours: payData.formTokenHours.value,
});

/** The attractiveness signals a posting can show (data/scoping/attractiveness.json), id and label. */
export const POSTING_SIGNALS: ReadonlyArray<{ id: string; label: string }> = attractData.signals.map((s) => ({ id: s.id, label: s.label }));
const SIGNAL_IDS = new Set(POSTING_SIGNALS.map((s) => s.id));

/** True for an id of data/scoping/attractiveness.json. */
export function isPostingSignal(id: string): boolean {
  return SIGNAL_IDS.has(id);
}

/** A base range in whole units of one currency, a year. */
export interface BaseRange {
  min: number;
  max: number;
  currency: string;
}

/** What the publishing checks read. */
export interface PostingUnderReview {
  title: string;
  publicText: string;
  baseRange: BaseRange | null;
  /** The analyser's findings on the role (roleScopeFindings): too broad, seniority mismatch, ... */
  roleFindings: readonly Finding[];
}

const EQUITY = /\b(equity|stock options?|share options?|RSUs?)\b/i;
const CASH = /\b(salary|base pay|base salary|base|cash|compensation|pay range|\$\s?\d|\d{2,3}\s?[kK]\b|\d{2,3},\d{3}|USD|EUR|GBP)\b/i;

/** "Colorado, California, New York State, Washington and the European Union". */
export function lawJurisdictions(laws: readonly PayTransparencyLaw[] = PAY_TRANSPARENCY_LAWS): string {
  const names = laws.map((l) => (l.id === 'eu' ? `the ${l.jurisdiction}` : l.jurisdiction));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The findings shown before a posting is published, most severe first: the role analyser's (a role that spans too
 * many specializations reads as a junior generalist job), no base range (a warning naming the pay-transparency laws
 * that require one), and equity before cash (AI candidates decide on cash first).
 */
export function postingFindings(p: PostingUnderReview, laws: readonly PayTransparencyLaw[] = PAY_TRANSPARENCY_LAWS): Finding[] {
  const findings: Finding[] = [...p.roleFindings];
  if (!p.baseRange) {
    findings.push({
      rule: 'posting.no-base-range',
      severity: 'warning',
      message: `This posting shows no base range. AI candidates decide on cash first, and ${lawJurisdictions(laws)} require a pay range in postings for work done there.`,
      fix: "Record the board-approved band on the role (Bands), then publish again: the base range is taken from it.",
      evidence: laws.map((l) => `${l.jurisdiction}: ${l.name} (${l.source})`),
    });
  }
  const equityAt = p.publicText.search(EQUITY);
  if (equityAt >= 0) {
    const cashAt = p.publicText.search(CASH);
    if (cashAt < 0 || cashAt > equityAt) {
      findings.push({
        rule: 'posting.equity-before-cash',
        severity: 'warning',
        message: 'The text talks about equity before it says anything about cash. AI candidates compare base pay first and read equity-first postings as a lower offer.',
        fix: 'Lead with the base range (shown at the top of the posting) and mention equity after it.',
        evidence: [p.publicText.slice(Math.max(0, equityAt - 40), equityAt + 40).replace(/\s+/g, ' ').trim()],
      });
    }
  }
  return findings.sort(bySeverity);
}

/**
 * The public address of a posting: the title in lower-case ASCII words joined by dashes, then the first 8 characters
 * of the role id so two roles with one title never share a slug.
 * @example postingSlug('Senior ML Engineer (LLMs)', '3f2a9c1e-...') // 'senior-ml-engineer-llms-3f2a9c1e'
 */
export function postingSlug(title: string, roleId: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const suffix = roleId.replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase();
  return words ? `${words}-${suffix}` : suffix;
}

/** A slug as postingSlug writes it: what the public routes accept before any lookup. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "180,000–220,000 USD a year". */
export function baseRangeWords(range: BaseRange): string {
  const f = (n: number) => n.toLocaleString('en-US');
  return range.min === range.max ? `${f(range.min)} ${range.currency} a year` : `${f(range.min)}–${f(range.max)} ${range.currency} a year`;
}

/** What the search engines' JSON-LD is built from. */
export interface PublicPosting {
  slug: string;
  title: string;
  publicText: string;
  location: string;
  remotePolicy: RemotePolicy;
  baseRange: BaseRange | null;
  publishedAt: string;
  /** Closing date, when known (a closed posting leaves the board). */
  validThrough?: string;
  specializations: readonly string[];
}

/**
 * The schema.org JobPosting of a posting (https://schema.org/JobPosting, Google's required properties: title,
 * description, datePosted, hiringOrganization, jobLocation or jobLocationType TELECOMMUTE), with baseSalary as a
 * MonetaryAmount whose value is a QuantitativeValue (minValue, maxValue, unitText YEAR).
 */
export function jobPostingJsonLd(p: PublicPosting, company: { name: string; url: string; logoUrl?: string | null }): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: p.title,
    description: p.publicText,
    datePosted: p.publishedAt,
    employmentType: 'FULL_TIME',
    url: `${company.url}/jobs/${p.slug}`,
    identifier: { '@type': 'PropertyValue', name: company.name, value: p.slug },
    hiringOrganization: { '@type': 'Organization', name: company.name, sameAs: company.url, ...(company.logoUrl ? { logo: company.logoUrl } : {}) },
  };
  if (p.validThrough) ld.validThrough = p.validThrough;
  if (p.remotePolicy === 'remote') {
    ld.jobLocationType = 'TELECOMMUTE';
    ld.applicantLocationRequirements = { '@type': 'Country', name: p.location };
  } else {
    ld.jobLocation = { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: p.location } };
  }
  if (p.baseRange) {
    ld.baseSalary = {
      '@type': 'MonetaryAmount',
      currency: p.baseRange.currency,
      value: { '@type': 'QuantitativeValue', minValue: p.baseRange.min, maxValue: p.baseRange.max, unitText: 'YEAR' },
    };
  }
  return ld;
}

/** A question of a role's application form. */
export interface PostingQuestion {
  id: string;
  label: string;
  required: boolean;
}
