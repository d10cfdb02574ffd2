import { z } from 'zod';
import { GRANT_KINDS, OFFER_ACTIONS, OFFER_STATUSES, allowedOfferActions, fullyDilutedPct, type OfferSummary } from '../../../domain/offers/index.js';
import type { ApprovalDecisionRecord, OfferVersionRecord } from '../../services/records.js';
import type { OfferDetail, OfferListEntry } from '../../services/offers.js';

// Compensation lives only here and in the approvals presenter; both routes require offers.read or offers.approve,
// which interviewers never have (policy.ts), so these fields never reach them.

const Equity = z.object({
  kind: z.enum(GRANT_KINDS),
  shares: z.number().int(),
  fullyDilutedShares: z.number().int(),
  /** Derived from shares / fully diluted shares, never entered. */
  fullyDilutedPct: z.number(),
  strike: z.number().nullable(),
});

const Person = z.object({ id: z.string(), name: z.string() });

export const OfferView = z.object({
  id: z.string(),
  applicationId: z.string(),
  candidateName: z.string(),
  roleTitle: z.string(),
  status: z.enum(OFFER_STATUSES),
  currentVersion: z.number().int(),
  currency: z.string(),
  base: z.number().int(),
  bonusTarget: z.number().int(),
  signOn: z.number().int(),
  equity: Equity,
  insideBand: z.boolean(),
  approvalStatus: z.enum(['none', 'pending', 'approved', 'rejected', 'superseded']),
  awaiting: z.array(Person),
  expiresAt: z.string().nullable(),
  extendedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  allowedActions: z.array(z.enum(OFFER_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type OfferView = z.infer<typeof OfferView>;

const Percentiles = z.object({ mean: z.number(), p10: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p90: z.number(), p99: z.number() });

export const EvaluationView = z.object({
  threshold: z.object({ amount: z.number(), binding: z.enum(['obligations', 'risk']) }),
  startup: z.object({ equityPv: Percentiles, pZero: z.number(), paperValue: z.number(), fullyDilutedPct: z.number() }),
  incumbent: z.object({ pv: z.object({ mean: z.number(), p50: z.number() }), source: z.enum(['offer', 'current-pay']) }).optional(),
  pStartupBeatsIncumbent: z.number().optional(),
  breakEvenGrant: z.object({ shares: z.number().nullable(), fullyDilutedPct: z.number().nullable(), reachable: z.boolean() }).optional(),
  ownership: z.array(z.object({ stage: z.string(), fullyDilutedPct: z.number() })),
  scenarioTable: z.object({ exitValues: z.array(z.number()), stages: z.array(z.object({ stage: z.string(), fullyDilutedPct: z.number() })), values: z.array(z.array(z.number())) }),
  findings: z.array(z.object({ rule: z.string(), severity: z.enum(['info', 'warning', 'error']), message: z.string() })),
  assumptions: z.array(z.object({ name: z.string(), value: z.unknown(), source: z.string() })),
});

export const TermsView = z.object({
  currency: z.string(),
  base: z.number().int(),
  bonusTarget: z.number().int(),
  signOn: z.number().int(),
  equity: z.object({
    kind: z.enum(GRANT_KINDS),
    shares: z.number().int(),
    fullyDilutedShares: z.number().int(),
    strike: z.number().optional(),
    vesting: z.union([z.object({ preset: z.string() }), z.object({ totalYears: z.number(), cliffYears: z.number(), periodYears: z.number(), yearWeights: z.array(z.number()).optional() })]),
  }),
  lastPostMoney: z.number().int(),
  startDate: z.string().optional(),
  incumbent: z
    .object({ base: z.number(), bonusTargetPct: z.number(), signOn: z.array(z.number()).optional(), grantValue: z.number(), preset: z.string(), label: z.string().optional() })
    .optional(),
  candidateFinances: z.object({ annualObligations: z.number(), effectiveTaxRate: z.number(), savingsShare: z.number().optional(), perceivedFailureProbability: z.number().optional() }).optional(),
  note: z.string().optional(),
});

export const VersionView = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: Person.nullable(),
  terms: TermsView,
  fullyDilutedPct: z.number(),
  evaluation: EvaluationView.nullable(),
  insideBand: z.boolean(),
  bandReasons: z.array(z.object({ field: z.string(), message: z.string() })),
  approvalStatus: z.enum(['none', 'pending', 'approved', 'rejected', 'superseded']),
  approvalMode: z.enum(['sequential', 'parallel']).nullable(),
  approvers: z.array(z.object({ id: z.string(), name: z.string(), decision: z.enum(['approved', 'rejected']).nullable(), comment: z.string().nullable(), decidedAt: z.string().nullable() })),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const OfferDetailView = OfferView.extend({
  candidateId: z.string().nullable(),
  roleId: z.string().nullable(),
  current: VersionView,
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), createdBy: Person.nullable(), approvalStatus: z.string(), insideBand: z.boolean(), base: z.number().int(), equityShares: z.number().int(), fullyDilutedPct: z.number() })),
});

function person(people: Map<string, string>, id: string | null): { id: string; name: string } | null {
  return id ? { id, name: people.get(id) ?? id } : null;
}

export function presentOffer(e: OfferListEntry, people: Map<string, string>): OfferView {
  const { offer, version } = e;
  const t = version.terms;
  return {
    id: offer.id,
    applicationId: offer.applicationId,
    candidateName: e.candidateName,
    roleTitle: e.roleTitle,
    status: offer.status,
    currentVersion: offer.currentVersion,
    currency: t.currency,
    base: t.base,
    bonusTarget: t.bonusTarget,
    signOn: t.signOn,
    equity: { kind: t.equity.kind, shares: t.equity.shares, fullyDilutedShares: t.equity.fullyDilutedShares, fullyDilutedPct: fullyDilutedPct(t.equity.shares, t.equity.fullyDilutedShares), strike: t.equity.strike ?? null },
    insideBand: version.insideBand,
    approvalStatus: version.approvalStatus,
    awaiting: e.awaiting.map((id) => person(people, id)!),
    expiresAt: offer.expiresAt,
    extendedAt: offer.extendedAt,
    respondedAt: offer.respondedAt,
    allowedActions: allowedOfferActions(offer.status),
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    version: offer.version,
  };
}

export function presentVersion(v: OfferVersionRecord, decisions: readonly ApprovalDecisionRecord[], people: Map<string, string>): z.infer<typeof VersionView> {
  const byApprover = new Map(decisions.filter((d) => d.offerVersionId === v.id).map((d) => [d.approverId, d]));
  return {
    version: v.version,
    createdAt: v.createdAt,
    createdBy: person(people, v.createdBy),
    terms: v.terms as z.infer<typeof TermsView>,
    fullyDilutedPct: fullyDilutedPct(v.terms.equity.shares, v.terms.equity.fullyDilutedShares),
    evaluation: v.evaluation as z.infer<typeof EvaluationView> | null,
    insideBand: v.insideBand,
    bandReasons: v.bandReasons,
    approvalStatus: v.approvalStatus,
    approvalMode: v.approvalMode,
    approvers: v.approverIds.map((id) => {
      const d = byApprover.get(id);
      return { id, name: people.get(id) ?? id, decision: d?.decision ?? null, comment: d?.comment ?? null, decidedAt: d?.decidedAt ?? null };
    }),
    submittedAt: v.submittedAt,
    decidedAt: v.decidedAt,
  };
}

export function presentOfferDetail(d: OfferDetail): z.infer<typeof OfferDetailView> {
  return {
    ...presentOffer({ offer: d.offer, version: d.version, awaiting: d.awaiting, candidateName: d.candidateName, roleTitle: d.roleTitle }, d.people),
    candidateId: d.candidateId,
    roleId: d.roleId,
    current: presentVersion(d.version, d.decisions, d.people),
    versions: d.versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: person(d.people, v.createdBy),
      approvalStatus: v.approvalStatus,
      insideBand: v.insideBand,
      base: v.terms.base,
      equityShares: v.terms.equity.shares,
      fullyDilutedPct: fullyDilutedPct(v.terms.equity.shares, v.terms.equity.fullyDilutedShares),
    })),
  };
}

export const SummaryView = z.object({
  offerId: z.string(),
  version: z.number().int(),
  status: z.string(),
  companyName: z.string(),
  candidateName: z.string(),
  roleTitle: z.string(),
  generatedAt: z.string(),
  currency: z.string(),
  base: z.number(),
  bonusTarget: z.number(),
  signOn: z.number(),
  startDate: z.string().nullable(),
  expiresAt: z.string().nullable(),
  equity: z.object({
    kind: z.string(),
    shares: z.number(),
    fullyDilutedShares: z.number(),
    fullyDilutedPct: z.number(),
    strike: z.number().nullable(),
    exerciseCost: z.number().nullable(),
    paperValue: z.number(),
  }),
  vesting: z.object({
    totalYears: z.number(),
    cliffYears: z.number(),
    rows: z.array(z.object({ atYears: z.number(), date: z.string().nullable(), vestedShares: z.number(), vestedPctOfGrant: z.number(), fullyDilutedPct: z.number() })),
  }),
  dilution: z.array(z.object({ stage: z.string(), fullyDilutedPct: z.number() })),
  exitScenarios: z.array(z.object({ multiple: z.number(), exitValue: z.number(), valueToday: z.number(), valueAfterDilution: z.number(), basis: z.enum(['waterfall', 'gross']) })),
  notes: z.array(z.string()),
});

export function presentSummary(s: OfferSummary): z.infer<typeof SummaryView> {
  return s;
}
