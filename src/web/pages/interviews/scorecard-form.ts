import type { Recommendation, Scorecard, ScorecardDraftBody, ScorecardTemplate } from './api.js';

/** The scorecard form as typed: one row per template attribute. */
export interface ScorecardForm {
  ratings: Record<string, { rating: number | null; evidence: string }>;
  recommendation: Recommendation | null;
  notes: string;
}

export interface ScorecardProblem {
  /** The input's name in the form: `rating.<attributeId>`, `evidence.<attributeId>`, `recommendation` or `ratings`. */
  field: string;
  message: string;
}

/** The form for a template, filled from a stored card (draft or submitted). */
export function formFromScorecard(template: ScorecardTemplate, card: Pick<Scorecard, 'ratings' | 'recommendation' | 'notes'> | undefined): ScorecardForm {
  const stored = new Map((card?.ratings ?? []).map((r) => [r.attributeId, r]));
  const ratings: ScorecardForm['ratings'] = {};
  for (const attribute of template.attributes) {
    const r = stored.get(attribute.id);
    ratings[attribute.id] = { rating: r?.rating ?? null, evidence: r?.evidence ?? '' };
  }
  return { ratings, recommendation: card?.recommendation ?? null, notes: card?.notes ?? '' };
}

/** The body for the draft save and the submit: template order, blank rows left out (they are "uncovered"). */
export function draftBody(template: ScorecardTemplate, form: ScorecardForm): ScorecardDraftBody {
  const ratings = template.attributes
    .map((a) => ({ attributeId: a.id, rating: form.ratings[a.id]?.rating ?? null, evidence: form.ratings[a.id]?.evidence ?? '' }))
    .filter((r) => r.rating !== null || r.evidence.trim() !== '');
  return { ratings, recommendation: form.recommendation, notes: form.notes };
}

/**
 * What stops a submit, named per attribute, in form order. Mirrors the API's rules (a rating needs evidence,
 * evidence needs a rating, at least one rating, a recommendation) so the interviewer sees every gap at once.
 * @example scorecardProblems(template, form) // [{ field: 'evidence.mlops', message: 'MLOps ownership: add a line of evidence…' }]
 */
export function scorecardProblems(template: ScorecardTemplate, form: ScorecardForm): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  let rated = 0;
  for (const attribute of template.attributes) {
    const row = form.ratings[attribute.id] ?? { rating: null, evidence: '' };
    const hasEvidence = row.evidence.trim() !== '';
    if (row.rating !== null) rated += 1;
    if (row.rating !== null && !hasEvidence) {
      problems.push({ field: `evidence.${attribute.id}`, message: `${attribute.name}: add a line of evidence (what did the candidate say or do?).` });
    } else if (row.rating === null && hasEvidence) {
      problems.push({ field: `rating.${attribute.id}`, message: `${attribute.name}: choose a rating from 1 to 4, or clear the evidence to leave it uncovered.` });
    }
  }
  if (rated === 0) problems.unshift({ field: 'ratings', message: 'Rate at least one attribute before submitting.' });
  if (form.recommendation === null) problems.push({ field: 'recommendation', message: 'Choose an overall recommendation.' });
  return problems;
}

/** Maps an API error's field (`ratings[2].evidence`) to the form's input name, using the order of the body sent. */
export function fieldFromApi(field: string | undefined, body: ScorecardDraftBody): string | undefined {
  if (!field) return undefined;
  const match = /^ratings\[(\d+)\]\.(rating|evidence|attributeId)$/.exec(field);
  if (match) {
    const row = body.ratings?.[Number(match[1])];
    if (!row) return 'ratings';
    return `${match[2] === 'evidence' ? 'evidence' : 'rating'}.${row.attributeId}`;
  }
  if (field === 'recommendation' || field === 'ratings' || field === 'notes') return field;
  return undefined;
}

/** A local copy of unsaved work, kept only until the server has the draft. */
export interface LocalDraft {
  savedAt: string;
  form: ScorecardForm;
}

export function localDraftKey(interviewId: string): string {
  return `closer.scorecard.${interviewId}`;
}

export function readLocalDraft(storage: Pick<Storage, 'getItem'>, interviewId: string): LocalDraft | undefined {
  try {
    const text = storage.getItem(localDraftKey(interviewId));
    if (!text) return undefined;
    const parsed = JSON.parse(text) as LocalDraft;
    return parsed && typeof parsed === 'object' && parsed.form && typeof parsed.form === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Merges a local copy over the template's rows: attributes no longer on the template are dropped. */
export function mergeLocalDraft(template: ScorecardTemplate, base: ScorecardForm, local: ScorecardForm): ScorecardForm {
  const ratings: ScorecardForm['ratings'] = {};
  for (const attribute of template.attributes) {
    const row = local.ratings?.[attribute.id];
    const rating = row && (row.rating === null || [1, 2, 3, 4].includes(row.rating)) ? row.rating : base.ratings[attribute.id].rating;
    ratings[attribute.id] = { rating, evidence: typeof row?.evidence === 'string' ? row.evidence : base.ratings[attribute.id].evidence };
  }
  const recommendation = local.recommendation === null || ['strong-no', 'no', 'yes', 'strong-yes'].includes(local.recommendation as string) ? local.recommendation : base.recommendation;
  return { ratings, recommendation, notes: typeof local.notes === 'string' ? local.notes : base.notes };
}

export function sameForm(a: ScorecardForm, b: ScorecardForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
