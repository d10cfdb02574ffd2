import type { CompiledTaxonomy, Seniority, Taxonomy, Token } from '../taxonomy/index.js';
import { canonicalTokens, compileTaxonomy, defaultTaxonomy, findSequence, indexTokens } from '../taxonomy/index.js';
import { DomainError } from '../shared/errors.js';
import { toResult, type Result } from '../shared/errors.js';
import type { Finding } from './findings.js';
import { lineWeights, weightAt, type LineWeight } from './sections.js';
import { detectSeniority, levelForYears, SENIORITY_RANK, type SeniorityEvidence } from './seniority.js';
import { assertRecognisableText, DEFAULT_TEXT_LIMITS, type TextLimits } from './text-validation.js';

/** What the analyser reads: a title and free text (a posting, or a founder's list of duties). */
export interface JobDescriptionInput {
  title: string;
  text: string;
}

/** One place a phrase matched, so a UI can highlight it: offsets are into `title` or `text`. */
export interface EvidenceMatch {
  phrase: string;
  quote: string;
  source: 'title' | 'text';
  start: number;
  end: number;
  anchor: boolean;
  weight: number;
}

/** A specialization's score with the phrases that produced it. */
export interface SpecializationScore {
  key: string;
  name: string;
  score: number;
  core: boolean;
  evidence: string[];
  matches: EvidenceMatch[];
}

/** The analyser's output; field names are the API and CLI contract of taxonomy.md. */
export interface JobAnalysis {
  specializations: SpecializationScore[];
  primary: string | null;
  core: string[];
  seniority: Seniority;
  spansTooMany: boolean;
  isAiRole: boolean;
  findings: Finding[];
  seniorityEvidence: SeniorityEvidence;
  taxonomyVersion: string;
}

interface Stream {
  source: 'title' | 'text';
  raw: string;
  tokens: Token[];
  index: Map<string, number[]>;
  masked: Set<number>;
  weightOf: (start: number) => number;
}

function makeStream(source: Stream['source'], raw: string, compiled: CompiledTaxonomy, weightOf: (start: number) => number): Stream {
  const tokens = canonicalTokens(raw, compiled.synonyms);
  const index = indexTokens(tokens);
  const masked = new Set<number>();
  for (const seq of compiled.ignore) {
    for (const hit of findSequence(tokens, index, seq)) for (let i = hit.first; i <= hit.last; i++) masked.add(i);
  }
  return { source, raw, tokens, index, masked, weightOf };
}

interface Scored {
  key: string;
  name: string;
  raw: number;
  textAnchors: number;
  titleAnchors: number;
  matches: EvidenceMatch[];
  contributions: Map<string, number>;
}

function scoreSpecialization(
  spec: CompiledTaxonomy['specializations'][number],
  streams: Stream[],
  compiled: CompiledTaxonomy,
  excluded: ReadonlySet<string> = new Set(),
): Scored {
  const { repeatWeight, maxRepeats, supportOnlyMultiplier } = compiled.scoring;
  const claimed = new Map<Stream, Set<number>>(streams.map((s) => [s, new Set<number>()]));
  const matches: EvidenceMatch[] = [];
  const contributions = new Map<string, number>();
  let anchorRaw = 0;
  let supportRaw = 0;
  let textAnchors = 0;
  let titleAnchors = 0;
  for (const phrase of spec.phrases) {
    if (excluded.has(phrase.id)) continue;
    const occurrences: { w: number; source: Stream['source'] }[] = [];
    for (const stream of streams) {
      const taken = claimed.get(stream)!;
      for (const alt of phrase.alternatives) {
        for (const hit of findSequence(stream.tokens, stream.index, alt)) {
          let free = true;
          for (let i = hit.first; i <= hit.last; i++) {
            if (stream.masked.has(i) || taken.has(i)) {
              free = false;
              break;
            }
          }
          if (!free) continue;
          for (let i = hit.first; i <= hit.last; i++) taken.add(i);
          const w = stream.weightOf(hit.start);
          occurrences.push({ w, source: stream.source });
          matches.push({
            phrase: phrase.phrase,
            quote: stream.raw.slice(hit.start, hit.end),
            source: stream.source,
            start: hit.start,
            end: hit.end,
            anchor: phrase.anchor,
            weight: round(phrase.weight * w),
          });
        }
      }
    }
    if (occurrences.length === 0) continue;
    occurrences.sort((a, b) => b.w - a.w);
    const extra = occurrences.slice(1, 1 + maxRepeats).reduce((s, o) => s + o.w, 0);
    const contribution = phrase.weight * (occurrences[0].w + repeatWeight * extra);
    contributions.set(phrase.phrase, contribution);
    if (phrase.anchor) {
      anchorRaw += contribution;
      const bestText = occurrences.find((o) => o.source === 'text');
      if (bestText) textAnchors += Math.min(1, bestText.w);
      if (occurrences.some((o) => o.source === 'title')) titleAnchors += 1;
    } else supportRaw += contribution;
  }
  const hasAnchor = textAnchors + titleAnchors > 0;
  const raw = hasAnchor ? anchorRaw + supportRaw : supportRaw * supportOnlyMultiplier;
  return { key: spec.key, name: spec.name, raw, textAnchors, titleAnchors, matches, contributions };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Maps a job description onto the taxonomy's specializations: a score in [0, 1] for each, which are
 * core duties, the primary one, seniority, whether it spans too many, and whether it is an AI role.
 * Deterministic and offline; every score is explained by the quoted phrases and their offsets.
 * Throws DomainError TEXT_EMPTY / TEXT_TOO_LARGE / TEXT_UNRECOGNISED (field 'text').
 * @example analyzeJobDescription({ title: 'MLOps Engineer', text: 'Own our model registry and deployment pipelines.' })
 */
export function analyzeJobDescription(
  input: JobDescriptionInput,
  taxonomy: Taxonomy = defaultTaxonomy(),
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
): JobAnalysis {
  if (input === null || typeof input !== 'object') throw new DomainError('VALIDATION_FAILED', 'Send { title, text }.', 'text');
  const title = input.title ?? '';
  const text = input.text;
  if (typeof title !== 'string') throw new DomainError('VALIDATION_FAILED', 'The title must be a string.', 'title');
  if (typeof text !== 'string') throw new DomainError('VALIDATION_FAILED', 'The text must be a string.', 'text');
  if (title.length > limits.maxTitleChars) {
    throw new DomainError('VALIDATION_FAILED', `The title is longer than ${limits.maxTitleChars} characters.`, 'title');
  }
  assertRecognisableText(text, limits);

  const compiled = compileTaxonomy(taxonomy);
  const sc = compiled.scoring;
  const lines: LineWeight[] = lineWeights(text, taxonomy.sections, {
    niceToHave: sc.niceToHaveMultiplier,
    boilerplate: sc.boilerplateMultiplier,
    collaboration: sc.collaborationMultiplier,
    negated: sc.negatedMultiplier,
  });
  const streams = [
    makeStream('title', title, compiled, () => sc.titleMultiplier),
    makeStream('text', text, compiled, (start) => weightAt(lines, start).multiplier),
  ];
  let scored = compiled.specializations.map((spec) => scoreSpecialization(spec, streams, compiled));
  let maxRaw = Math.max(0, ...scored.map((s) => s.raw));
  // A core duty needs anchor evidence among the duties themselves (a title alone is not a duty),
  // enough anchors counting the title twice, enough raw weight, and a fair share of the strongest.
  const isCore = (s: Scored) =>
    s.textAnchors >= 1 &&
    s.textAnchors + 2 * s.titleAnchors >= sc.coreMinAnchors &&
    s.raw >= sc.coreMinRaw &&
    s.raw >= sc.coreRelative * maxRaw;
  // When an absorbing specialization is core (AI safety), the phrases it absorbs (research) do not
  // count a second time for the absorbed one (applied research).
  const excludedBy = new Map<string, Set<string>>();
  for (const spec of compiled.specializations) {
    const me = scored.find((s) => s.key === spec.key)!;
    if (!isCore(me)) continue;
    for (const [other, ids] of spec.absorbs) {
      const set = excludedBy.get(other) ?? new Set<string>();
      for (const id of ids) set.add(id);
      excludedBy.set(other, set);
    }
  }
  if (excludedBy.size > 0) {
    scored = compiled.specializations.map((spec, i) =>
      excludedBy.has(spec.key) ? scoreSpecialization(spec, streams, compiled, excludedBy.get(spec.key)) : scored[i],
    );
    maxRaw = Math.max(0, ...scored.map((s) => s.raw));
  }

  const specializations: SpecializationScore[] = scored
    .map((s, order) => ({ s, order }))
    .sort((a, b) => b.s.raw - a.s.raw || a.order - b.order)
    .map(({ s }) => {
      const evidence = [...new Map(
        [...s.matches]
          .sort((a, b) => (s.contributions.get(b.phrase) ?? 0) - (s.contributions.get(a.phrase) ?? 0) || a.start - b.start)
          .map((m) => [m.quote.toLowerCase(), m.quote] as const),
      ).values()];
      return {
        key: s.key,
        name: s.name,
        score: round(1 - Math.exp(-s.raw / sc.saturation)),
        core: isCore(s),
        evidence,
        matches: [...s.matches].sort((a, b) => (a.source === b.source ? a.start - b.start : a.source === 'title' ? -1 : 1)),
      };
    });
  const core = specializations.filter((s) => s.core).map((s) => s.key);
  const primary = core[0] ?? null;
  const seniorityEvidence = detectSeniority(title, text, lines, compiled);
  const spansTooMany = core.length >= sc.spansTooManyAt;
  const isAiRole = core.length > 0;

  const findings: Finding[] = [];
  if (spansTooMany) {
    const names = specializations.filter((s) => s.core).map((s) => s.name);
    findings.push({
      rule: 'scope.too-broad',
      severity: 'error',
      message: `This role has ${core.length} core specializations (${names.join(', ')}). Candidates identify with one and read a role that mixes several as a junior generalist job.`,
      fix: 'Split it into separate roles, or make it the founding generalist role on purpose (senior, end to end, when you have no senior AI practitioner yet).',
      evidence: specializations.filter((s) => s.core).flatMap((s) => s.evidence.slice(0, 3).map((e) => `${s.name}: ${e}`)),
    });
  }
  const mismatch = seniorityMismatch(seniorityEvidence, compiled);
  if (mismatch) findings.push(mismatch);

  return {
    specializations,
    primary,
    core,
    seniority: seniorityEvidence.level,
    spansTooMany,
    isAiRole,
    findings,
    seniorityEvidence,
    taxonomyVersion: taxonomy.version,
  };
}

/** The result-returning twin of analyzeJobDescription. */
export function safeAnalyzeJobDescription(input: JobDescriptionInput, taxonomy?: Taxonomy): Result<JobAnalysis> {
  return toResult(() => analyzeJobDescription(input, taxonomy));
}

function seniorityMismatch(ev: SeniorityEvidence, compiled: CompiledTaxonomy): Finding | null {
  if (!ev.titleLevel || ev.yearsRequired === null || !ev.yearsQuote) return null;
  const yearsLevel = levelForYears(ev.yearsRequired, compiled);
  if (Math.abs(SENIORITY_RANK[ev.titleLevel] - SENIORITY_RANK[yearsLevel]) < 2) return null;
  return {
    rule: 'scope.seniority-mismatch',
    severity: 'warning',
    message: `The title reads ${ev.titleLevel} (${ev.titleWords.join(', ')}) but the years asked read ${yearsLevel} ("${ev.yearsQuote.quote}").`,
    fix: 'Align title, duties and pay: candidates self-select on the title and the pay band follows it.',
    evidence: [...ev.titleWords, ev.yearsQuote.quote],
  };
}
