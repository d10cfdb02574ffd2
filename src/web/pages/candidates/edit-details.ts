import type { CandidatePatch } from '../../api/candidate-record.js';
import type { Candidate, CandidateSource } from '../../api/pipeline.js';
import type { ParsedWhole } from '../../lib/parse-number.js';

/** The "Edit details" form while the user types: strings as typed, one row per link. */
export interface DetailsDraft {
  name: string;
  email: string;
  phone: string;
  links: string[];
  location: string;
  currentEmployer: string;
  source: CandidateSource;
  passive: boolean;
  specializations: string[];
  productionMlYears: string;
  base: string;
  bonus: string;
  equityAnnual: string;
}

/** Field names as the API spells them, so its `field` lands beside the right input. */
export type DetailsField =
  | 'name'
  | 'email'
  | 'phone'
  | `links.${number}`
  | 'links'
  | 'location'
  | 'currentEmployer'
  | 'source'
  | 'passive'
  | 'specializations'
  | 'productionMlYears'
  | 'currentCompensation.base'
  | 'currentCompensation.bonus'
  | 'currentCompensation.equityAnnual';

export function draftFromCandidate(c: Candidate): DetailsDraft {
  const pay = c.currentCompensation;
  return {
    name: c.name,
    email: c.email,
    phone: c.phone ?? '',
    links: c.links.length > 0 ? [...c.links] : [''],
    location: c.location ?? '',
    currentEmployer: c.currentEmployer ?? '',
    source: c.source,
    passive: c.passive,
    specializations: [...c.specializations],
    productionMlYears: c.productionMlYears === null ? '' : String(c.productionMlYears),
    base: pay ? String(pay.base) : '',
    bonus: pay ? String(pay.bonus) : '',
    equityAnnual: pay ? String(pay.equityAnnual) : '',
  };
}

export type BuiltPatch = { ok: true; patch: CandidatePatch } | { ok: false; errors: Partial<Record<DetailsField, string>> };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH body: only the fields that differ from `base` (the record as last read), optional ones cleared with
 * null when emptied. The browser checks only what it can tell for sure (a number that is not a number); the API
 * judges the rest. Pay is sent only by people who may see it; the employer only when it is not hidden from them.
 */
export function buildDetailsPatch(
  draft: DetailsDraft,
  base: Candidate,
  options: { seesPay: boolean; currency: string; parseWhole: (text: string) => ParsedWhole },
): BuiltPatch {
  const errors: Partial<Record<DetailsField, string>> = {};
  const text = (value: string) => value.trim();
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const next: CandidatePatch = {
    name: text(draft.name),
    email: text(draft.email),
    phone: optional(draft.phone),
    links: draft.links.map((l) => l.trim()).filter((l) => l !== ''),
    location: optional(draft.location),
    source: draft.source,
    passive: draft.passive,
    specializations: [...draft.specializations],
  };
  if (!base.pedigreeHidden) next.currentEmployer = optional(draft.currentEmployer);
  const years = draft.productionMlYears.trim();
  if (years === '') next.productionMlYears = null;
  else if (/^\d+([.,]\d+)?$/.test(years)) next.productionMlYears = Number(years.replace(',', '.'));
  else errors.productionMlYears = 'Enter a number of years, for example 3 or 2.5.';
  if (options.seesPay) {
    if (!draft.base.trim() && !draft.bonus.trim() && !draft.equityAnnual.trim()) next.currentCompensation = null;
    else {
      const amounts = { base: 0, bonus: 0, equityAnnual: 0 };
      for (const key of ['base', 'bonus', 'equityAnnual'] as const) {
        const value = draft[key].trim();
        if (!value) continue;
        const parsed = options.parseWhole(value);
        if (parsed.ok) amounts[key] = parsed.value;
        else errors[`currentCompensation.${key}`] = parsed.message;
      }
      next.currentCompensation = { ...amounts, currency: base.currentCompensation?.currency ?? options.currency };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const patch: CandidatePatch = {};
  for (const [key, value] of Object.entries(next) as Array<[keyof CandidatePatch, unknown]>) {
    const current = key === 'email' ? base.email.toLowerCase() : base[key];
    const compared = key === 'email' && typeof value === 'string' ? value.toLowerCase() : value;
    if (!same(compared, current ?? null)) (patch as Record<string, unknown>)[key] = value;
  }
  return { ok: true, patch };
}

/**
 * After someone else saved first: the form moves onto their version, keeping only what this person changed
 * (every field they did not touch takes the other person's value), so saving again overwrites nothing of theirs
 * that this person did not mean to change.
 */
export function rebaseDraft(draft: DetailsDraft, origin: Candidate, latest: Candidate): DetailsDraft {
  const before = draftFromCandidate(origin);
  const theirs = draftFromCandidate(latest);
  const out = { ...theirs };
  for (const key of Object.keys(draft) as Array<keyof DetailsDraft>) {
    if (!same(draft[key], before[key])) (out as Record<string, unknown>)[key] = draft[key];
  }
  return out;
}
