import { z } from 'zod';
import { CANDIDATE_SOURCES, CLOCK_IDS } from '../domain/pipeline/lists.js';
import { REPORT_DIMENSIONS, REPORT_NAMES } from '../domain/reports/dimensions.js';

export { REPORT_NAMES, type ReportName } from '../domain/reports/dimensions.js';

export const ReportParams = z.strictObject({ name: z.enum(REPORT_NAMES, { message: `A report is one of ${REPORT_NAMES.join(', ')}` }) });

const Day = z.iso.date({ message: 'A date, YYYY-MM-DD (UTC)' });

/** The filters every report takes; the period is half-open, `from` inclusive and `to` exclusive, in UTC days. */
export const ReportQuery = z.strictObject({
  by: z.enum(REPORT_DIMENSIONS).optional(),
  roleId: z.string().min(1).max(64).optional(),
  specialization: z.string().min(1).max(64).optional(),
  source: z.enum(CANDIDATE_SOURCES).optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Rate = z.number().nullable();
const Spread = z.object({ count: z.number().int(), p50: z.number().nullable(), p90: z.number().nullable() });

export const FunnelData = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      applications: z.number().int(),
      hired: z.number().int(),
      hireRate: Rate,
      stages: z.array(z.object({ stage: z.string(), reached: z.number().int(), conversion: Rate })),
    }),
  ),
});

export const CycleTimeData = z.object({
  groups: z.array(z.object({ key: z.string(), label: z.string(), hires: Spread, shareWithinTarget: Rate, targetDays: z.number() })),
  stages: z.array(z.object({ stage: z.string(), days: Spread })),
});

const BreachCount = z.object({ runs: z.number().int(), warning: z.number().int(), critical: z.number().int(), warningRate: Rate, criticalRate: Rate });
export const ClockBreachesData = z.object({
  clocks: z.array(BreachCount.extend({ clock: z.enum(CLOCK_IDS) })),
  people: z.array(BreachCount.extend({ personId: z.string(), personName: z.string(), clock: z.enum(CLOCK_IDS) })),
});

const OutcomeSplit = z.object({ extended: z.number().int(), accepted: z.number().int(), declined: z.number().int(), acceptanceRate: Rate });
export const OffersData = z.object({
  groups: z.array(OutcomeSplit.extend({ key: z.string(), label: z.string(), open: z.number().int(), hoursAfterFinal: Spread, shareWithinClock: Rate })),
  /** Only for readers who may see pay; null for the others and when no offer carries a base. */
  pay: z
    .object({ clearedThreshold: OutcomeSplit, belowThreshold: OutcomeSplit, positionInBand: Spread, marketPercentile: Spread })
    .nullable(),
});

export const LossesData = z.object({
  total: z.number().int(),
  reasons: z.array(z.object({ reason: z.string(), count: z.number().int(), share: z.number() })),
  stages: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  days: Spread,
  signals: z.array(z.object({ signal: z.string(), count: z.number().int(), share: z.number() })),
});

const SourceRow = z.object({ key: z.string(), candidates: z.number().int(), interviewed: z.number().int(), offered: z.number().int(), hired: z.number().int() });
export const SourcesData = z.object({
  sources: z.array(SourceRow),
  referrers: z.array(SourceRow),
  concentration: Rate,
  referralOnlyShare: z.number(),
  findings: z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), fix: z.string() })),
});

const Envelope = {
  /** The filters as applied (the period in UTC days; `by` defaults to all). */
  filters: z.object({
    by: z.enum(REPORT_DIMENSIONS),
    roleId: z.string().nullable(),
    specialization: z.string().nullable(),
    source: z.enum(CANDIDATE_SOURCES).nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  /** When the figures were computed: clocks still running are judged at this instant. */
  asOf: z.string(),
  /** Applications the filters kept (before the period). */
  applications: z.number().int(),
  /** Whether pay columns were left out because the reader may not see compensation. */
  payHidden: z.boolean(),
};

export const ReportView = z.discriminatedUnion('name', [
  z.object({ name: z.literal('funnel'), ...Envelope, data: FunnelData }),
  z.object({ name: z.literal('cycle-time'), ...Envelope, data: CycleTimeData }),
  z.object({ name: z.literal('clock-breaches'), ...Envelope, data: ClockBreachesData }),
  z.object({ name: z.literal('offers'), ...Envelope, data: OffersData }),
  z.object({ name: z.literal('losses'), ...Envelope, data: LossesData }),
  z.object({ name: z.literal('sources'), ...Envelope, data: SourcesData }),
]);
export type ReportView = z.infer<typeof ReportView>;
