import taxonomy from '../../data/taxonomy/taxonomy.json' with { type: 'json' };
import { CANDIDATE_SOURCES } from '../../src/domain/pipeline/source-mix.js';
import { LOSS_REASONS } from '../../src/domain/pipeline/events.js';
import { SIGNAL_TYPES } from '../../src/domain/pipeline/risk.js';
import { BOTTLENECKS } from '../../src/domain/scoping/team-plan.js';
import { COMPANY_STAGES } from '../../src/domain/compensation/parameters.js';

/** Keys the API speaks in that read as ids on a page (the hyphenated ones: plain words like "referral" are fine). */
const KEYS = [
  ...taxonomy.specializations.map((s) => s.key),
  ...COMPANY_STAGES,
  ...CANDIDATE_SOURCES,
  ...SIGNAL_TYPES,
  ...LOSS_REASONS,
  ...BOTTLENECKS,
].filter((k) => k.includes('-'));

const PATTERNS: ReadonlyArray<[string, RegExp]> = [
  // scope.too-broad, model.pNext, cycle.total, comp.budget-share (file names are the next pattern's)
  ['a rule id or parameter key', /\b[a-z][a-zA-Z]*\.(?!(?:json|csv|ya?ml|md|tsx?|db)\b)[a-z][a-zA-Z]*(?:-[a-z]+)*\b/g],
  ['a file name', /\b[\w-]+\.(?:json|csv|ya?ml|md|tsx?|db)\b/g],
  ['a camelCase key', /\b[a-z]+[A-Z][a-zA-Z]*\b/g],
  ['an internal key', new RegExp(`\\b(?:${KEYS.map((k) => k.replace(/[-]/g, '\\-')).join('|')})\\b`, 'g')],
];

/**
 * Ids, keys and file names in text people read: `scope.founding-generalist`, `model.pNext`,
 * `field-report-figures.json`, `ml-engineering`. E-mail addresses and web addresses are left alone.
 */
export function internalIds(text: string): string[] {
  const cleaned = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    // Web sites named as sources (aijobs.net, community.carta.com) and Latin abbreviations are words here.
    .replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|ai|dev|gov|edu|co|uk|example)\b/g, ' ')
    .replace(/\b(?:e\.g|i\.e|etc)\b\.?/g, ' ');
  const found: string[] = [];
  for (const [what, pattern] of PATTERNS) for (const m of cleaned.matchAll(pattern)) found.push(`${what}: "${m[0]}"`);
  return [...new Set(found)];
}
