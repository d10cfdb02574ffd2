import type { Candidate, CandidateCreateBody, CandidateSource, EventBody } from '../../api/pipeline.js';
import type { ParsedWhole } from '../../lib/parse-number.js';

/** What the add-candidate form holds while the user types (strings as typed; kept as a session draft). */
export interface CandidateDraft {
  name: string;
  email: string;
  currentEmployer: string;
  /** How to reach them and where they are; more links on their page (Edit details). */
  phone?: string;
  location?: string;
  link?: string;
  source: CandidateSource;
  passive: boolean;
  specializations: string[];
  productionMlYears: string;
  base: string;
  bonus: string;
  equityAnnual: string;
  roleId: string;
  stage: string;
  firstContact: 'outreach.sent' | 'application.received' | 'none';
  /** yyyy-mm-dd, empty for today. */
  firstContactOn: string;
}

type BuildField = 'name' | 'email' | 'productionMlYears' | 'currentCompensation.base' | 'currentCompensation.bonus' | 'currentCompensation.equityAnnual';

export type BuiltCandidate = { ok: true; body: CandidateCreateBody } | { ok: false; errors: Partial<Record<BuildField, string>> };

/**
 * The POST /candidates body from the draft. Only what the browser can tell for sure is checked here (a number
 * that is not a number); everything else is the API's to judge, and its message is shown beside the field.
 * Compensation is sent only by people who may see it, and only when a base is given.
 */
export function buildCandidateBody(
  draft: CandidateDraft,
  options: { seesPay: boolean; currency: string; parseWhole: (text: string) => ParsedWhole },
): BuiltCandidate {
  const errors: Partial<Record<BuildField, string>> = {};
  const body: CandidateCreateBody = {
    name: draft.name.trim(),
    email: draft.email.trim(),
    source: draft.source,
    passive: draft.passive,
  };
  if (draft.currentEmployer.trim()) body.currentEmployer = draft.currentEmployer.trim();
  if (draft.phone?.trim()) body.phone = draft.phone.trim();
  if (draft.location?.trim()) body.location = draft.location.trim();
  if (draft.link?.trim()) body.links = [draft.link.trim()];
  if (draft.specializations.length > 0) body.specializations = [...draft.specializations];
  if (draft.productionMlYears.trim()) {
    const years = Number(draft.productionMlYears.trim().replace(',', '.'));
    if (!Number.isFinite(years) || !/^\d+([.,]\d+)?$/.test(draft.productionMlYears.trim())) errors.productionMlYears = 'Enter a number of years, for example 3 or 2.5.';
    else body.productionMlYears = years;
  }
  if (options.seesPay && (draft.base.trim() || draft.bonus.trim() || draft.equityAnnual.trim())) {
    const amounts: Record<'base' | 'bonus' | 'equityAnnual', number> = { base: 0, bonus: 0, equityAnnual: 0 };
    for (const key of ['base', 'bonus', 'equityAnnual'] as const) {
      const text = draft[key].trim();
      if (!text) continue;
      const parsed = options.parseWhole(text);
      if (parsed.ok) amounts[key] = parsed.value;
      else errors[`currentCompensation.${key}`] = parsed.message;
    }
    body.currentCompensation = { ...amounts, currency: options.currency };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body };
}

/**
 * The event that starts the cycle clock: outreach sent or application received, on the chosen day (noon UTC,
 * so a date in the past never lands in the future) or now when the day is today or empty.
 */
export function firstContactEvent(draft: Pick<CandidateDraft, 'firstContact' | 'firstContactOn'>, candidate: Pick<Candidate, 'source'>, now: Date): EventBody | undefined {
  if (draft.firstContact === 'none') return undefined;
  const day = draft.firstContactOn.trim();
  const today = now.toISOString().slice(0, 10);
  const occurredAt = day && day < today ? `${day}T12:00:00.000Z` : undefined;
  const data = draft.firstContact === 'outreach.sent' ? { channel: 'email' } : { source: candidate.source };
  return occurredAt ? { type: draft.firstContact, occurredAt, data } : { type: draft.firstContact, data };
}
