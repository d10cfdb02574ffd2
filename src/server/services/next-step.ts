import { can } from '../../domain/access/policy.js';
import { nextStep, type NextStep, type NextStepOffer } from '../../domain/pipeline/index.js';
import { listInterviews, listScorecards, listUsers, type RoleRecord, type Tx, type UserRecord } from '../../storage/index.js';
import { listOfferEntries } from './offers.js';
import { getApplicationDetail } from './pipeline-views.js';

/**
 * Whether an application stands at its role's offer stage, the sign that the team decided to make an offer:
 * the stage named `offer` (the default plan's), or else the last stage of the role's process.
 */
export function isOfferStage(role: Pick<RoleRecord, 'processPlan'>, stage: string): boolean {
  const stages = role.processPlan.stages;
  if (stages.some((s) => s.id === 'offer')) return stage === 'offer';
  return stages.length > 0 && stages[stages.length - 1]!.id === stage;
}

/**
 * The one next step of an application for this viewer: the facts (status, stage, interviews, submitted scorecards,
 * offers and their approval, clocks in the company's hours) go to the pure rule, which words the step and its button.
 * Offers are read here for everyone; the rule answers a viewer without offers.read with one neutral line.
 */
export async function getNextStep(tx: Tx, viewer: Pick<UserRecord, 'id' | 'role'>, applicationId: string, now: Date): Promise<NextStep> {
  const detail = await getApplicationDetail(tx, applicationId, now);
  const [interviews, cards, users, offers] = await Promise.all([
    listInterviews(tx, { applicationId }),
    listScorecards(tx, { applicationId, status: 'submitted' }),
    listUsers(tx),
    listOfferEntries(tx, { applicationId }),
  ]);
  return nextStep({
    status: detail.application.status as 'active' | 'hired' | 'lost' | 'withdrawn',
    candidateName: detail.candidate.name,
    atOfferStage: isOfferStage(detail.role, detail.application.stage),
    interviews: interviews.map((i) => ({ id: i.id, kind: i.kind, status: i.status, scheduledAt: i.scheduledAt, completedAt: i.completedAt, final: i.final, interviewerIds: i.interviewerIds })),
    submittedScorecards: cards.map((c) => ({ interviewId: c.interviewId, interviewerId: c.interviewerId })),
    offers: offers.map(
      (e): NextStepOffer => ({
        id: e.offer.id,
        status: e.offer.status,
        createdAt: e.offer.createdAt,
        insideBand: e.version.insideBand,
        approvalStatus: e.version.approvalStatus,
        awaiting: e.awaiting,
        submittedAt: e.version.submittedAt,
        extendedAt: e.offer.extendedAt,
        expiresAt: e.offer.expiresAt,
      }),
    ),
    clocks: detail.summary.clocks,
    people: Object.fromEntries(users.map((u) => [u.id, u.name])),
    viewer: { id: viewer.id, seesOffers: can(viewer.role, 'offers.read') },
    now,
  });
}
