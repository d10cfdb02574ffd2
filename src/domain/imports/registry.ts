// Which parser reads which system, and the pure rules that turn a source's words (stage names, source names,
// rejection reasons) into Closer's. The proposals are only proposals: the user reviews the stage mapping before a run.
import { CANDIDATE_SOURCES, LOSS_REASONS, type CandidateSource, type LossReason } from '../pipeline/lists.js';
import type { ImportBatch, ImportParser, ImportSystem } from './canonical.js';
import { parseAshby } from './ashby.js';
import { parseCloser } from './closer.js';
import { createCsvParser } from './csv.js';
import { parseGreenhouse } from './greenhouse.js';
import { parseLever } from './lever.js';

/** The parser of each system that has one. */
export const IMPORT_PARSERS: Partial<Record<ImportSystem, ImportParser>> = {
  csv: createCsvParser(),
  greenhouse: parseGreenhouse,
  lever: parseLever,
  ashby: parseAshby,
  closer: parseCloser,
};

/** A stage of Closer's process an imported stage can be mapped to. */
export interface CloserStage {
  id: string;
  name: string;
}

/** Imported stage name (as the key `stageKey` gives) -> Closer stage id. */
export type StageMapping = Record<string, string>;

/** The key a stage name is mapped by: the same words in another job map the same way. */
export function stageKey(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

// Words of stage names, checked in this order; the first rule that matches proposes its stage.
const STAGE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\boffer|reference|background check|hired|negotiat/, 'offer'],
  [/\bon-?site|final|panel|loop|super ?day|team (interview|fit)|culture|founder|ceo|executive/, 'final'],
  [/technical|coding|code|take.?home|assignment|assessment|system design|tech\b|pair|homework|challenge|exercise|case study|interview/, 'technical'],
  [/screen|phone|recruiter|intro|call|chat|review|qualif/, 'screen'],
  [/appl|new|lead|sourced|prospect|inbox|contacted|outreach|reached|nurture/, 'sourced'],
];

/**
 * Proposes a Closer stage for each imported stage name, from its words (`Phone Screen` -> screen, `Onsite` -> final).
 * Names that no rule recognises are left out: the user maps them in the review step. Only ids of `stages` are used.
 */
export function proposeStageMapping(names: readonly string[], stages: readonly CloserStage[]): StageMapping {
  const ids = new Set(stages.map((s) => s.id));
  const byName = new Map(stages.map((s) => [stageKey(s.name), s.id]));
  const out: StageMapping = {};
  for (const name of names) {
    const key = stageKey(name);
    if (key in out) continue;
    const exact = byName.get(key) ?? (ids.has(key) ? key : undefined);
    const ruled = STAGE_RULES.find(([re]) => re.test(key))?.[1];
    const id = exact ?? (ruled !== undefined && ids.has(ruled) ? ruled : undefined);
    if (id !== undefined) out[key] = id;
  }
  return out;
}

/** The distinct stage names of a batch, in the order they first appear (plan order, then history). */
export function stageNamesOf(batch: Pick<ImportBatch, 'stages'>): string[] {
  const seen = new Map<string, string>();
  for (const s of [...batch.stages].sort((a, b) => a.order - b.order)) if (!seen.has(stageKey(s.name))) seen.set(stageKey(s.name), s.name);
  return [...seen.values()];
}

/** Stage names a mapping leaves unmapped (or maps to a stage Closer does not have). */
export function unmappedStages(names: readonly string[], mapping: StageMapping, stages: readonly CloserStage[]): string[] {
  const ids = new Set(stages.map((s) => s.id));
  return names.filter((n) => {
    const id = mapping[stageKey(n)];
    return id === undefined || !ids.has(id);
  });
}

const SOURCE_RULES: ReadonlyArray<[RegExp, CandidateSource]> = [
  [/refer|employee|credited|friend/, 'referral'],
  [/\bvc\b|investor|venture|portfolio|board member|intro(duction)? from/, 'vc-introduction'],
  [/event|conference|meetup|hackathon|career fair|job fair|summit|workshop/, 'event'],
  [/communit|github|discord|slack|kaggle|open.?source|hugging ?face|forum|newsletter|podcast/, 'community'],
  [/sourc|outbound|prospect|recruiter|agency|headhunt|search firm|linkedin (recruiter|inmail)|gem\b|hiretual|seekout|cold/, 'outbound'],
  [/appl|inbound|career|website|job board|indeed|glassdoor|linkedin|wellfound|angel|hacker news|ycombinator|workatastartup|posting|jobs? page|direct/, 'inbound'],
];

/** Maps a source's name ("LinkedIn (Prospecting)", "Referral", "Careers page") to one of Closer's candidate sources. */
export function mapCandidateSource(name: string | undefined, referrer?: string): CandidateSource {
  if (name === undefined || name.trim() === '') return referrer !== undefined && referrer.trim() !== '' ? 'referral' : 'other';
  const key = name.trim().toLowerCase();
  if ((CANDIDATE_SOURCES as readonly string[]).includes(key)) return key as CandidateSource;
  return SOURCE_RULES.find(([re]) => re.test(key))?.[1] ?? 'other';
}

const LOSS_RULES: ReadonlyArray<[RegExp, LossReason]> = [
  [/other offer|another offer|competing|accepted (an|another|other)|went with another company|took (a|another) (job|role|position)/, 'accepted-other-offer'],
  [/equity|stock|options/, 'equity'],
  [/compens|salary|pay\b|money|too expensive|budget|rate/, 'compensation'],
  [/approv/, 'approval-delay'],
  [/slow|timing|took too long|timeline|too long/, 'process-too-slow'],
  [/locat|relocat|remote|commut|visa|sponsor|time ?zone|on-?site requirement/, 'location'],
  [/unresponsive|ghost|no response|not respond|did not respond|didn't respond|no show|no-show|never replied|unreachable/, 'unresponsive'],
  [/not selected|another candidate|better candidate|position filled|role filled|filled|closed the role|hired (someone|another)|stronger/, 'not-selected'],
  [/fit|skill|experience|qualif|technical|culture|seniority|level|lacking|not a match|mismatch|bar|performance|assessment|interview/, 'role-fit'],
];

/** Maps a rejection or archive reason's text to one of Closer's loss reasons; `other` when nothing fits. */
export function mapLossReason(text: string | undefined): LossReason {
  if (text === undefined || text.trim() === '') return 'other';
  const key = text.trim().toLowerCase();
  if ((LOSS_REASONS as readonly string[]).includes(key)) return key as LossReason;
  return LOSS_RULES.find(([re]) => re.test(key))?.[1] ?? 'other';
}

/** Whether a rejection reason says the candidate ended it (they withdrew) rather than the company. */
export function isWithdrawalReason(text: string | undefined): boolean {
  return text !== undefined && /withdr|candidate declined|no longer interested|not interested|changed (their|his|her) mind|they rejected us|candidate rejected/i.test(text);
}
