import type { CompiledTaxonomy, Seniority, SeniorityLevel } from '../taxonomy/index.js';
import { canonicalTokens, findSequence, indexTokens } from '../taxonomy/index.js';
import type { LineWeight } from './sections.js';
import { weightAt } from './sections.js';

/** Order used to compare levels; staff+ and lead are both above senior. */
export const SENIORITY_RANK: Record<SeniorityLevel, number> = { junior: 0, mid: 1, senior: 2, 'staff+': 3, lead: 3 };

const TITLE_PRIORITY: SeniorityLevel[] = ['lead', 'staff+', 'senior', 'mid', 'junior'];

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
};
const NUM = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)`;
const YEARS = new RegExp(
  // '5+ years', '3-5 years', 'five years', and '6 plus years' (the '+' written out).
  String.raw`(?<![\d.,])\b${NUM}\s*(?:\+|\s+plus\b)?\s*(?:(?:-|–|—|to)\s*${NUM}\s*\+?\s*)?(?:years?|yrs?)\b(?!\s*(?:old|ago))`,
  'gi',
);

/** A requirement of years of experience found in the text, with where it was. */
export interface YearsEvidence {
  years: number;
  quote: string;
  start: number;
  end: number;
}

/** How the analyser decided the seniority. */
export interface SeniorityEvidence {
  level: Seniority;
  from: 'title' | 'management' | 'years' | 'none';
  titleLevel: SeniorityLevel | null;
  titleWords: string[];
  yearsRequired: number | null;
  yearsQuote: YearsEvidence | null;
}

function toNumber(raw: string): number {
  return NUMBER_WORDS[raw.toLowerCase()] ?? Number.parseInt(raw, 10);
}

/** The level the title's words name ('Senior', 'Staff', 'Head of'), or null. */
export function titleSeniority(title: string, compiled: CompiledTaxonomy): { level: SeniorityLevel | null; words: string[] } {
  const tokens = canonicalTokens(title, compiled.synonyms);
  const index = indexTokens(tokens);
  const ignored = new Set<number>();
  for (const seq of compiled.titleIgnore) {
    for (const hit of findSequence(tokens, index, seq)) for (let i = hit.first; i <= hit.last; i++) ignored.add(i);
  }
  const found = new Set<SeniorityLevel>();
  const words: string[] = [];
  for (const { level, seq } of compiled.titleWords) {
    for (const hit of findSequence(tokens, index, seq)) {
      if (ignored.has(hit.first)) continue;
      found.add(level);
      words.push(title.slice(hit.start, hit.end));
    }
  }
  const level = TITLE_PRIORITY.find((l) => found.has(l)) ?? null;
  return { level, words };
}

/** Years of experience the posting asks for (the largest minimum on duty lines), or null. */
export function yearsRequired(text: string, lines: readonly LineWeight[]): YearsEvidence | null {
  let best: YearsEvidence | null = null;
  for (const m of text.matchAll(YEARS)) {
    const start = m.index ?? 0;
    if (!countsForSeniority(weightAt(lines, start))) continue;
    const years = toNumber(m[1]);
    if (!Number.isFinite(years) || years > 30) continue;
    if (!best || years > best.years) best = { years, quote: m[0].trim(), start, end: start + m[0].length };
  }
  return best;
}

/** The level a number of years maps to under the taxonomy's year bands. */
export function levelForYears(years: number, compiled: CompiledTaxonomy): SeniorityLevel {
  const bands = compiled.taxonomy.seniority.yearBands;
  return (bands.find((b) => years <= b.maxYears) ?? bands[bands.length - 1]).level;
}

/** Seniority from title words first, then management scope, then years asked; 'unknown' when none speaks. */
export function detectSeniority(title: string, text: string, lines: readonly LineWeight[], compiled: CompiledTaxonomy): SeniorityEvidence {
  const t = titleSeniority(title, compiled);
  const years = yearsRequired(text, lines);
  const base = { titleLevel: t.level, titleWords: t.words, yearsRequired: years?.years ?? null, yearsQuote: years };
  if (t.level) return { level: t.level, from: 'title', ...base };
  const tokens = canonicalTokens(text, compiled.synonyms);
  const index = indexTokens(tokens);
  const manages = compiled.managementPhrases.some((seq) =>
    findSequence(tokens, index, seq).some((hit) => countsForSeniority(weightAt(lines, hit.start))),
  );
  if (manages) return { level: 'lead', from: 'management', ...base };
  if (years) return { level: levelForYears(years.years, compiled), from: 'years', ...base };
  return { level: 'unknown', from: 'none', ...base };
}

/** Years and management scope count on duty lines (and collaboration lines), not in nice-to-haves or boilerplate. */
function countsForSeniority(line: LineWeight): boolean {
  return line.kind === 'duty' || line.kind === 'collaboration';
}
