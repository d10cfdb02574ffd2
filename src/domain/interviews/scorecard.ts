import { z } from 'zod';
import scorecardData from '../../../data/interviews/scorecards.json' with { type: 'json' };
import { cleanText } from '../company/company.js';
import { DomainError, toResult, type Result } from '../shared/errors.js';
import type { ScorecardTemplate } from './template.js';

import { RECOMMENDATIONS, type Recommendation } from './lists.js';

export { RECOMMENDATIONS, SCORECARD_STATUSES, type Recommendation, type ScorecardStatus } from './lists.js';

const EVIDENCE_MAX = scorecardData.evidenceMaxLength.value;

export const Rating = z.number().int().min(1).max(4);

/** One attribute's rating as typed so far: a draft may hold a rating without evidence yet, or the reverse. */
export const DraftRating = z.strictObject({
  attributeId: z.string().min(1).max(64),
  rating: Rating.nullable().optional(),
  evidence: cleanText(EVIDENCE_MAX, 0).optional(),
});
export type DraftRating = z.infer<typeof DraftRating>;

/** The body of a draft save (autosave): everything optional, nothing checked for completeness. */
export const ScorecardDraftInput = z.strictObject({
  ratings: z
    .array(DraftRating)
    .max(50)
    .refine((rs) => new Set(rs.map((r) => r.attributeId)).size === rs.length, { message: 'Rate each attribute once' })
    .optional(),
  recommendation: z.enum(RECOMMENDATIONS).nullable().optional(),
  notes: cleanText(5_000, 0).optional(),
});
export type ScorecardDraftInput = z.infer<typeof ScorecardDraftInput>;

/** A scorecard's content, stored the same way for drafts and submitted cards. */
export interface ScorecardContent {
  ratings: Array<{ attributeId: string; rating: number | null; evidence: string }>;
  recommendation: Recommendation | null;
  notes: string;
}

/** A complete rating of a submitted scorecard. */
export interface SubmittedRating {
  attributeId: string;
  rating: 1 | 2 | 3 | 4;
  evidence: string;
}

export function emptyScorecardContent(): ScorecardContent {
  return { ratings: [], recommendation: null, notes: '' };
}

/**
 * Merges a draft save into the stored content and checks that every rated attribute is on the template
 * (RATING_INVALID). Completeness is checked only at submit.
 */
export function applyDraft(current: ScorecardContent, input: ScorecardDraftInput, template: ScorecardTemplate): ScorecardContent {
  const allowed = new Set(template.attributes.map((a) => a.id));
  const next: ScorecardContent = {
    ratings: current.ratings.map((r) => ({ ...r })),
    recommendation: current.recommendation,
    notes: current.notes,
  };
  if (input.ratings !== undefined) {
    input.ratings.forEach((r, i) => {
      if (!allowed.has(r.attributeId)) {
        throw new DomainError('RATING_INVALID', `"${r.attributeId.slice(0, 64)}" is not an attribute of this role's scorecard.`, `ratings[${i}].attributeId`);
      }
    });
    next.ratings = input.ratings.map((r) => ({ attributeId: r.attributeId, rating: r.rating ?? null, evidence: r.evidence ?? '' }));
  }
  if (input.recommendation !== undefined) next.recommendation = input.recommendation;
  if (input.notes !== undefined) next.notes = input.notes;
  // Keep template order, so two interviewers' cards line up.
  const order = new Map(template.attributes.map((a, i) => [a.id, i]));
  next.ratings.sort((a, b) => order.get(a.attributeId)! - order.get(b.attributeId)!);
  return next;
}

/**
 * Checks a scorecard is ready to submit: a recommendation, at least one rating, every rating 1-4 on a template
 * attribute with a line of evidence. Blank rows (no rating, no evidence) are dropped; they are uncovered attributes.
 * Throws SCORECARD_INCOMPLETE, RATING_INVALID or EVIDENCE_REQUIRED with the field at fault.
 */
export function parseScorecardForSubmit(
  content: ScorecardContent,
  template: ScorecardTemplate,
): { ratings: SubmittedRating[]; recommendation: Recommendation; notes: string } {
  const allowed = new Set(template.attributes.map((a) => a.id));
  const ratings: SubmittedRating[] = [];
  content.ratings.forEach((r, i) => {
    const evidence = r.evidence.trim();
    if (r.rating === null && evidence === '') return;
    if (!allowed.has(r.attributeId)) throw new DomainError('RATING_INVALID', `"${r.attributeId}" is not an attribute of this role's scorecard.`, `ratings[${i}].attributeId`);
    if (r.rating === null || !Number.isInteger(r.rating) || r.rating < 1 || r.rating > 4) {
      throw new DomainError('RATING_INVALID', 'Give a rating from 1 to 4, or clear the evidence to leave the attribute uncovered.', `ratings[${i}].rating`);
    }
    if (evidence === '') throw new DomainError('EVIDENCE_REQUIRED', 'Each rating needs a line of evidence: what did the candidate say or do?', `ratings[${i}].evidence`);
    ratings.push({ attributeId: r.attributeId, rating: r.rating as SubmittedRating['rating'], evidence });
  });
  if (ratings.length === 0) throw new DomainError('SCORECARD_INCOMPLETE', 'Rate at least one attribute before submitting.', 'ratings');
  if (content.recommendation === null) throw new DomainError('SCORECARD_INCOMPLETE', 'Choose an overall recommendation before submitting.', 'recommendation');
  return { ratings, recommendation: content.recommendation, notes: content.notes.trim() };
}

/** parseScorecardForSubmit without throwing. */
export function safeParseScorecardForSubmit(content: ScorecardContent, template: ScorecardTemplate): Result<ReturnType<typeof parseScorecardForSubmit>> {
  return toResult(() => parseScorecardForSubmit(content, template));
}
