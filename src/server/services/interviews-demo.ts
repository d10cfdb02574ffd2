import { buildScorecardTemplate, DEFAULT_DURATION_MINUTES, defaultPedigreeBlind, RECOMMENDATIONS, type ScorecardContent } from '../../domain/interviews/index.js';
import { checkBand, evaluateOfferVersion, parseOfferTerms, type OfferStatus } from '../../domain/offers/index.js';
import { pick } from '../../domain/shared/random.js';
import {
  getCandidate,
  getRole,
  getRoleBandOfStage,
  insertApprovalDecision,
  insertInterview,
  insertOffer,
  insertOfferVersion,
  insertScorecard,
  listApplications,
  listEventsOfApplication,
  recordAudit,
  submitScorecardRecord,
  updateInterview,
  updateOffer,
  updateOfferVersionApproval,
  type ApplicationEventRecord,
  type Tx,
} from '../../storage/index.js';
import type { DemoContext } from './demo.js';

/** Interview ids in the pipeline demo are `<stage>-<n>`; the stage names the kind. */
const KIND_OF_STAGE: Record<string, string> = { screen: 'recruiter-screen', technical: 'technical-screen', final: 'onsite' };

const EVIDENCE = [
  'Walked through a rollout they owned end to end, with the metrics they watched.',
  'Explained the trade-off they made and what they would change now.',
  'Described the incident, the root cause and the fix they shipped.',
  'Has done it with guidance; could not say how it behaved in production.',
  'Knew the vocabulary but not the failure modes.',
];

const at = (e: ApplicationEventRecord) => new Date(e.occurredAt);

/** A v4-shaped id from the demo's seeded generator: the demo is the same every time. */
function demoId(rng: () => number): string {
  const s = Array.from({ length: 32 }, (_, i) => (i === 12 ? '4' : Math.floor(rng() * 16).toString(16))).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Gives the pipeline demo's interview and offer events real records: each completed interview with its
 * interviewers, each submitted scorecard with ratings and evidence, each offer with its terms, evaluation and
 * approvals, so every link from an application's timeline opens something. Runs after the pipeline demo.
 */
export async function contributeInterviewsDemo(tx: Tx, demo: DemoContext): Promise<void> {
  const { now, rng, company } = demo;
  const owner = demo.users.owner!.id;
  for (const app of await listApplications(tx)) {
    const role = await getRole(tx, app.roleId);
    const candidate = await getCandidate(tx, app.candidateId);
    if (!role || !candidate) continue;
    const events = await listEventsOfApplication(tx, app.id);
    const template = buildScorecardTemplate(role.specializations);

    const scheduled = new Map<string, string>();
    for (const e of events) if (e.type === 'interview.scheduled') scheduled.set(e.data.interviewId, e.data.at);
    for (const e of events) {
      if (e.type !== 'interview.completed') continue;
      const id = e.data.interviewId;
      const stage = id.split('-')[0]!;
      const kind = KIND_OF_STAGE[stage] ?? 'other';
      const interview = await insertInterview(
        tx,
        {
          id,
          applicationId: app.id,
          kind,
          scheduledAt: scheduled.get(id) ?? e.occurredAt,
          final: e.data.final,
          pedigreeBlind: defaultPedigreeBlind(kind, role.pedigreeBlind),
          interviewerIds: [...e.data.interviewerIds],
          stageId: role.processPlan.stages.some((s) => s.id === stage) ? stage : null,
          durationMinutes: DEFAULT_DURATION_MINUTES,
          createdBy: owner,
        },
        at(e),
      );
      await updateInterview(tx, id, interview.version, { status: 'completed', completedAt: e.occurredAt }, at(e));
      await recordAudit(tx, { actorId: owner, action: 'interview.create', entity: 'interview', entityId: id, fields: ['kind', 'interviewerIds', 'scheduledAt', 'final'], at: now });
    }
    for (const e of events) {
      if (e.type !== 'scorecard.submitted') continue;
      const covered = template.attributes.filter(() => rng() < 0.7);
      const content: ScorecardContent = {
        ratings: (covered.length > 0 ? covered : template.attributes.slice(0, 1)).map((a) => {
          const rating = 1 + Math.floor(rng() * 4);
          return { attributeId: a.id, rating, evidence: EVIDENCE[Math.min(EVIDENCE.length - 1, 4 - rating + Math.floor(rng() * 2))]! };
        }),
        recommendation: pick(rng, RECOMMENDATIONS),
        notes: '',
      };
      const card = await insertScorecard(tx, { id: demoId(rng), interviewId: e.data.interviewId, interviewerId: e.data.interviewerId, content }, at(e));
      await submitScorecardRecord(tx, card.id, card.version, content, at(e));
      await recordAudit(tx, { actorId: e.data.interviewerId, action: 'scorecard.submit', entity: 'scorecard', entityId: card.id, fields: ['ratings', 'recommendation', 'status'], at: now });
    }

    const offerEvents = events.filter((e) => e.type.startsWith('offer.'));
    const offerIds = [...new Set(offerEvents.map((e) => (e.data as { offerId: string }).offerId))];
    for (const offerId of offerIds) {
      const mine = offerEvents.filter((e) => (e.data as { offerId: string }).offerId === offerId);
      const has = (type: string) => mine.find((e) => e.type === type);
      const band = role.band;
      // Inside the band where the role has one; the role without a band is the one that waits on the board.
      const base = band ? Math.round((band.baseMin + band.baseMax) / 2 / 1000) * 1000 : 245_000;
      const pct = band ? (band.equityPctMin + band.equityPctMax) / 2 : 0.6;
      const terms = parseOfferTerms({
        currency: 'USD',
        base,
        equity: { kind: 'ISO', shares: Math.round(pct * 100_000), fullyDilutedShares: 10_000_000, strike: 0.42, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
        lastPostMoney: 22_000_000,
      });
      const bandCheck = checkBand(terms, band ?? undefined);
      const evaluation = evaluateOfferVersion(terms, { companyStage: company.stage, currentPay: candidate.currentCompensation, band: bandCheck });
      const drafted = has('offer.drafted') ?? mine[0]!;
      const offer = await insertOffer(tx, { id: offerId, applicationId: app.id, status: 'draft', currentVersion: 1, createdBy: owner }, at(drafted));
      const stageBand = await getRoleBandOfStage(tx, role.id, company.stage);
      const checkedBand = { companyStage: company.stage, band: stageBand ? { baseMin: stageBand.baseMin, baseMax: stageBand.baseMax, equityPctMin: stageBand.equityPctMin, equityPctMax: stageBand.equityPctMax, currency: stageBand.currency, approvedBy: stageBand.approvedBy, approvedOn: stageBand.approvedOn, recordedBy: stageBand.recordedBy, recordedAt: stageBand.recordedAt } : null };
      const version = await insertOfferVersion(tx, { id: demoId(rng), offerId, version: 1, terms, evaluation, insideBand: bandCheck.inside, bandReasons: bandCheck.reasons, createdBy: owner, checkedBand }, at(drafted));
      const requested = has('offer.approval-requested');
      const approved = has('offer.approved');
      if (requested && requested.type === 'offer.approval-requested') {
        const approverIds = requested.data.approverIds ?? [owner];
        await updateOfferVersionApproval(tx, version.id, { approvalStatus: approved ? 'approved' : 'pending', approvalMode: 'parallel', approverIds, submittedBy: owner, submittedAt: requested.occurredAt, decidedAt: approved?.occurredAt ?? null });
        if (approved) for (const approverId of approverIds) await insertApprovalDecision(tx, { id: demoId(rng), offerVersionId: version.id, approverId, decision: 'approved', comment: null, decidedAt: approved.occurredAt });
      }
      const extended = has('offer.extended');
      const accepted = has('offer.accepted');
      const status: OfferStatus = accepted ? 'accepted' : extended ? 'extended' : approved ? 'approved' : requested ? 'pending-approval' : 'draft';
      await updateOffer(
        tx,
        offerId,
        offer.version,
        {
          status,
          extendedAt: extended?.occurredAt ?? null,
          expiresAt: extended ? new Date(Date.parse(extended.occurredAt) + 7 * 86_400_000).toISOString() : null,
          respondedAt: accepted?.occurredAt ?? null,
        },
        now,
      );
      await recordAudit(tx, { actorId: owner, action: 'offer.create', entity: 'offer', entityId: offerId, fields: Object.keys(terms), at: now });
    }
  }
}
