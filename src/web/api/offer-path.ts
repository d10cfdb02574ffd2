import type { OfferDraft } from '../../domain/offers/draft.js';
import type { OfferTermsInput } from '../../domain/offers/offer.js';
import type { NextStep } from '../../domain/pipeline/next-step.js';
import type { OfferDraftResponse, OfferTargetsResponse } from '../../api/offer-drafts.js';
import { api } from './client.js';

// The path from candidate to signed offer (docs/interviews-offers.md, "One path to a signed offer"): an
// application's next step, the pre-filled offer draft, and the applications an offer can be saved to.

export type { NextStep, OfferDraft, OfferTermsInput };

export type OfferDraftView = OfferDraftResponse;
export type OfferTarget = OfferTargetsResponse['items'][number];

const enc = encodeURIComponent;

export function getNextStep(applicationId: string, signal?: AbortSignal): Promise<NextStep> {
  return api.get(`/applications/${enc(applicationId)}/next-step`, { signal });
}

export function getOfferDraft(applicationId: string, signal?: AbortSignal): Promise<OfferDraftView> {
  return api.get(`/applications/${enc(applicationId)}/offer-draft`, { signal });
}

export function listOfferTargets(q: string, signal?: AbortSignal): Promise<OfferTargetsResponse> {
  return api.get('/offer-drafts', { query: { q: q.trim() || undefined, limit: 20 }, signal });
}

/** Saves terms as a new offer on an application (version 1, a draft); answers with the offer (its id). */
export function createOfferOnApplication(applicationId: string, terms: OfferTermsInput): Promise<{ id: string; status: string }> {
  return api.post(`/applications/${enc(applicationId)}/offers`, terms);
}
