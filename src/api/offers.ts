import { z } from 'zod';
import { listOf, PageQuery } from './shared.js';
import { cleanText } from '../domain/company/company.js';
import { GRANT_KINDS, OFFER_ACTIONS, OFFER_STATUSES, OfferTermsInput } from '../domain/offers/index.js';

export const OfferCreateBody = OfferTermsInput;
export type OfferCreateBody = z.infer<typeof OfferCreateBody>;
/** A revision sends the whole terms again (PUT): the new version is exactly what was sent. */
export const OfferReviseBody = OfferTermsInput;
export type OfferReviseBody = z.infer<typeof OfferReviseBody>;
export const OfferExtendBody = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }).optional() }).nullish();
export type OfferExtendBody = z.infer<typeof OfferExtendBody>;
export const OfferReasonBody = z.strictObject({ reason: cleanText(2_000).optional() }).nullish();
export type OfferReasonBody = z.infer<typeof OfferReasonBody>;
export const OfferListQuery = z.strictObject({
  status: z.enum(OFFER_STATUSES).optional(),
  applicationId: z.string().min(1).max(64).optional(),
  ...PageQuery.shape,
});
export type OfferListQuery = z.infer<typeof OfferListQuery>;
export const OfferVersionParams = z.strictObject({ id: z.string().min(1).max(64), version: z.string().regex(/^\d{1,6}$/) });
export type OfferVersionParams = z.infer<typeof OfferVersionParams>;
export const SummaryQuery = z.strictObject({ version: z.string().regex(/^\d{1,6}$/).optional() });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

// Compensation leaves the server only in these views and the approvals inbox (presented in routes/offers and routes/approvals); both routes require offers.read or offers.approve,
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
export type EvaluationView = z.infer<typeof EvaluationView>;
export type TermsView = z.infer<typeof TermsView>;
export type VersionView = z.infer<typeof VersionView>;
export type OfferDetailView = z.infer<typeof OfferDetailView>;
export type SummaryView = z.infer<typeof SummaryView>;

export const OfferListView = listOf(OfferView);
export type OfferListView = z.infer<typeof OfferListView>;
export const VersionListView = listOf(VersionView);
export type VersionListView = z.infer<typeof VersionListView>;
