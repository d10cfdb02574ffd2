import scorecardData from '../../../data/interviews/scorecards.json' with { type: 'json' };
import { RECOMMENDATIONS, type Recommendation, type SubmittedRating } from './scorecard.js';
import type { ScorecardTemplate } from './template.js';

/** A submitted scorecard as the decision view reads it. */
export interface DecisionScorecard {
  scorecardId: string;
  interviewId: string;
  interviewKind: string;
  interviewerId: string;
  interviewerName: string;
  ratings: readonly SubmittedRating[];
  recommendation: Recommendation;
  submittedAt: string;
}

export interface DecisionRating {
  scorecardId: string;
  interviewId: string;
  interviewKind: string;
  interviewerId: string;
  interviewerName: string;
  rating: number;
  evidence: string;
}

export interface DecisionAttribute {
  attributeId: string;
  name: string;
  /** False for an attribute rated on a card but no longer on the role's template. */
  onTemplate: boolean;
  ratings: DecisionRating[];
  covered: boolean;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Ratings `strongDisagreementSpread` (2) or more apart. */
  strongDisagreement: boolean;
}

export interface DecisionView {
  attributes: DecisionAttribute[];
  uncovered: string[];
  strongDisagreements: string[];
  recommendations: Array<{ scorecardId: string; interviewId: string; interviewerId: string; interviewerName: string; recommendation: Recommendation }>;
  recommendationCounts: Record<Recommendation, number>;
  /** Some interviewers lean yes and others no. */
  recommendationsSplit: boolean;
  /** Scorecards expected (completed interviews) and not yet submitted. */
  pending: Array<{ interviewId: string; interviewerId: string; interviewerName: string }>;
  submittedCount: number;
}

const SPREAD = scorecardData.strongDisagreementSpread.value;

/**
 * Aggregates submitted scorecards per attribute, evidence side by side, in template order: flags attributes
 * nobody covered and strong disagreement (ratings two or more apart, evaluation.md).
 */
export function buildDecisionView(
  template: ScorecardTemplate,
  scorecards: readonly DecisionScorecard[],
  pending: DecisionView['pending'] = [],
  spread: number = SPREAD,
): DecisionView {
  const byAttribute = new Map<string, DecisionAttribute>();
  for (const a of template.attributes) {
    byAttribute.set(a.id, { attributeId: a.id, name: a.name, onTemplate: true, ratings: [], covered: false, min: null, max: null, mean: null, strongDisagreement: false });
  }
  // Stable: cards submitted at the same instant keep the caller's order (interview, then interviewer).
  const ordered = [...scorecards].sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
  for (const card of ordered) {
    for (const r of card.ratings) {
      let entry = byAttribute.get(r.attributeId);
      if (!entry) {
        entry = { attributeId: r.attributeId, name: r.attributeId, onTemplate: false, ratings: [], covered: false, min: null, max: null, mean: null, strongDisagreement: false };
        byAttribute.set(r.attributeId, entry);
      }
      entry.ratings.push({
        scorecardId: card.scorecardId,
        interviewId: card.interviewId,
        interviewKind: card.interviewKind,
        interviewerId: card.interviewerId,
        interviewerName: card.interviewerName,
        rating: r.rating,
        evidence: r.evidence,
      });
    }
  }
  const attributes = [...byAttribute.values()];
  for (const a of attributes) {
    if (a.ratings.length === 0) continue;
    const values = a.ratings.map((r) => r.rating);
    a.covered = true;
    a.min = Math.min(...values);
    a.max = Math.max(...values);
    a.mean = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
    a.strongDisagreement = a.max - a.min >= spread;
  }
  const recommendationCounts = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
  for (const card of ordered) recommendationCounts[card.recommendation] += 1;
  const yes = recommendationCounts.yes + recommendationCounts['strong-yes'];
  const no = recommendationCounts.no + recommendationCounts['strong-no'];
  return {
    attributes,
    uncovered: attributes.filter((a) => a.onTemplate && !a.covered).map((a) => a.attributeId),
    strongDisagreements: attributes.filter((a) => a.strongDisagreement).map((a) => a.attributeId),
    recommendations: ordered.map((c) => ({ scorecardId: c.scorecardId, interviewId: c.interviewId, interviewerId: c.interviewerId, interviewerName: c.interviewerName, recommendation: c.recommendation })),
    recommendationCounts,
    recommendationsSplit: yes > 0 && no > 0,
    pending: [...pending],
    submittedCount: ordered.length,
  };
}
