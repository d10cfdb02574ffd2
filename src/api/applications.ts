import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';
import { CLOCK_IDS, EventInputBody, LOSS_REASONS, SIGNAL_TYPES } from '../domain/pipeline/index.js';
import { listOf, PageQuery } from './shared.js';
import { StageId } from './roles.js';


export const APPLICATION_STATUSES = ['active', 'hired', 'lost', 'withdrawn'] as const;
const Label = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { message: 'A label is a lowercase slug of up to 32 characters' });
export const Labels = z
  .array(Label)
  .max(30)
  .refine((a) => new Set(a).size === a.length, { message: 'Labels must be unique' });

export const ApplicationCreateBody = z.strictObject({
  candidateId: z.string().min(1).max(64),
  roleId: z.string().min(1).max(64),
  stage: StageId.optional(),
  labels: Labels.optional(),
});
export type ApplicationCreateBody = z.infer<typeof ApplicationCreateBody>;

export const ApplicationPatchBody = z.strictObject({
  stage: StageId.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  lossReason: z.enum(LOSS_REASONS).nullable().optional(),
  labels: Labels.optional(),
  /** With a close or a reopening only: kept on the application.closed / application.reopened event. */
  note: cleanText(2_000).optional(),
});
export type ApplicationPatchBody = z.infer<typeof ApplicationPatchBody>;

export const ApplicationListQuery = z.strictObject({
  roleId: cleanText(64).optional(),
  candidateId: cleanText(64).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  ...PageQuery.shape,
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

/** For OpenAPI only: the body is checked by the domain's parseEventInput, which gives the stable codes (EVENT_TYPE_INVALID, EVENT_IN_FUTURE). */
export const EventCreateBody = EventInputBody as unknown as z.ZodType<unknown>;
export type EventCreateBody = z.infer<typeof EventCreateBody>;

export const ClockView = z.object({
  id: z.enum(CLOCK_IDS),
  state: z.enum(['ok', 'warning', 'critical', 'stopped']),
  elapsedHours: z.number(),
  targetHours: z.number(),
  criticalHours: z.number(),
  basis: z.enum(['calendar', 'business']),
  dayHours: z.number(),
  startedAt: z.string(),
  stoppedAt: z.string().optional(),
  endedLate: z.boolean().optional(),
  subject: z
    .object({ interviewId: z.string().optional(), interviewerId: z.string().optional(), offerId: z.string().optional(), approverIds: z.array(z.string()).optional() })
    .optional(),
  /** The single next action while the clock runs. */
  action: z.string().optional(),
});
export type ClockView = z.infer<typeof ClockView>;

export const RiskLevel = z.enum(['low', 'medium', 'high', 'critical']);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const RiskView = z.object({
  score: z.number(),
  level: RiskLevel,
  signals: z.array(
    z.object({
      type: z.enum(SIGNAL_TYPES),
      contribution: z.number(),
      weight: z.number(),
      decay: z.number(),
      source: z.enum(['logged', 'detected']),
      observedAt: z.string().optional(),
      deadline: z.string().optional(),
      note: z.string().optional(),
      clockId: z.enum(CLOCK_IDS).optional(),
    }),
  ),
  actions: z.array(z.object({ id: z.string(), text: z.string(), signals: z.array(z.enum(SIGNAL_TYPES)), contribution: z.number(), deadline: z.string().optional() })),
  levels: z.object({ medium: z.number(), high: z.number(), critical: z.number() }),
});
export type RiskView = z.infer<typeof RiskView>;

export const EventView = z.object({
  id: z.string(),
  applicationId: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type EventView = z.infer<typeof EventView>;

export const ApplicationView = z.object({
  id: z.string(),
  candidateId: z.string(),
  roleId: z.string(),
  stage: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  lossReason: z.string().nullable(),
  labels: z.array(z.string()),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationDetailView = ApplicationView.extend({
  candidateName: z.string(),
  roleTitle: z.string(),
  firstContactAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  daysSinceFirstContact: z.number().nullable(),
  targetDays: z.number(),
  overTarget: z.boolean(),
  events: z.array(EventView),
  clocks: z.array(ClockView),
  risk: RiskView,
});

export type ApplicationDetailView = z.infer<typeof ApplicationDetailView>;

export const ApplicationListView = listOf(ApplicationView);
export type ApplicationListView = z.infer<typeof ApplicationListView>;
export const EventListView = listOf(EventView);
export type EventListView = z.infer<typeof EventListView>;
/** POST /applications/:id/events: the event recorded and the application after it. */
export const EventRecordedView = z.object({ event: EventView, application: ApplicationView });
export type EventRecordedView = z.infer<typeof EventRecordedView>;

/** The body of POST /applications/:id/events as a client builds it; the domain's parseEventInput checks it per type. */
export interface EventCreateInput {
  type: string;
  /** When it happened (default: now); up to a minute ahead of the server's clock. */
  occurredAt?: string;
  data?: Record<string, unknown>;
}
