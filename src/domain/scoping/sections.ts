import type { Taxonomy } from '../taxonomy/index.js';

/** How much the evidence on one line of a posting counts, and why. */
export interface LineWeight {
  start: number;
  end: number;
  multiplier: number;
  kind: 'duty' | 'nice-to-have' | 'boilerplate' | 'collaboration' | 'negated';
}

const HEADING_MAX_CHARS = 70;

function key(line: string): string {
  return line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Splits a posting into lines and weights each: lines under a 'Nice to have' heading or with an
 * inline 'a plus' count less, company boilerplate ('About us', 'Benefits') counts least.
 */
export function lineWeights(
  text: string,
  sections: Taxonomy['sections'],
  multipliers: { niceToHave: number; boilerplate: number; collaboration: number; negated?: number },
): LineWeight[] {
  const out: LineWeight[] = [];
  let state: LineWeight['kind'] = 'duty';
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset = lineStart + raw.length + 1;
    const k = key(raw);
    const trimmed = raw.trim();
    // 'Location: Berlin' or 'Experience Level: 5-10 years' is a field of a job-board header, not a heading:
    // it must not switch the lines below it to boilerplate.
    const isField = /:\s*\S/.test(trimmed);
    const isHeading =
      !isField &&
      k.length > 0 &&
      k.length <= HEADING_MAX_CHARS &&
      (trimmed.endsWith(':') || (!/[.!?]$/.test(trimmed) && k.split(' ').length <= 6));
    if (isHeading) {
      if (sections.niceToHave.some((h) => k === h || k.startsWith(`${h} `))) state = 'nice-to-have';
      else if (sections.boilerplate.some((h) => k.startsWith(h)) || isAboutTheCompany(k)) state = 'boilerplate';
      else if (sections.duties.some((h) => k.includes(h))) state = 'duty';
    }
    // Inline markers ('a plus', 'work closely with') weigh only their own sentence, not the paragraph.
    for (const sentence of sentences(raw)) {
      const sk = key(sentence.text);
      let kind: LineWeight['kind'] = state;
      const has = (list: readonly string[] | undefined) => (list ?? []).some((p) => ` ${sk} `.includes(` ${p} `));
      // A negated sentence ('no ML experience required', 'this is not a research role') is not evidence at all.
      if (has(sections.inlineNegation)) kind = 'negated';
      else if (kind === 'duty' && has(sections.inlineNiceToHave)) kind = 'nice-to-have';
      // A sentence about the company ('We're building an AI design tool', 'backed by ...') is boilerplate even without a heading.
      else if (kind === 'duty' && has(sections.inlineCompany)) kind = 'boilerplate';
      else if (kind === 'duty' && has(sections.collaboration)) kind = 'collaboration';
      const multiplier =
        kind === 'duty'
          ? 1
          : kind === 'nice-to-have'
            ? multipliers.niceToHave
            : kind === 'collaboration'
              ? multipliers.collaboration
              : kind === 'negated'
                ? (multipliers.negated ?? 0)
                : multipliers.boilerplate;
      out.push({ start: lineStart + sentence.start, end: lineStart + sentence.end, multiplier, kind });
    }
  }
  return out;
}

const SENTENCE_END = /[.!?;](?=\s+\S)|[•·]/g;

function sentences(line: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (const m of line.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + 1;
    out.push({ text: line.slice(start, end), start, end });
    start = end;
  }
  out.push({ text: line.slice(start), start, end: line.length });
  return out;
}

/** The weight of the line that holds character offset `at`. */
export function weightAt(lines: readonly LineWeight[], at: number): LineWeight {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

const ABOUT_THE_JOB = /^about (the |this )?(role|team|job|position|opportunity|you|work)/;

/** 'About Acme' introduces the company; 'About the role' introduces the job. */
function isAboutTheCompany(heading: string): boolean {
  return heading.startsWith('about ') && !ABOUT_THE_JOB.test(heading);
}
