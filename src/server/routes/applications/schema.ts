import { z } from 'zod';
import { cleanText } from '../../../domain/company/company.js';
import { CLOCK_IDS, EventInputBody, LOSS_REASONS, SIGNAL_TYPES } from '../../../domain/pipeline/index.js';
import { QueryInt } from '../candidates/schema.js';
import { StageId } from '../roles/schema.js';

/** Errors a pipeline write can answer with, besides the common ones. */

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

export const ApplicationPatchBody = z.strictObject({
  stage: StageId.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  lossReason: z.enum(LOSS_REASONS).nullable().optional(),
  labels: Labels.optional(),
  /** With a close or a reopening only: kept on the application.closed / application.reopened event. */
  note: cleanText(2_000).optional(),
});

export const ApplicationListQuery = z.strictObject({
  roleId: cleanText(64).optional(),
  candidateId: cleanText(64).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  limit: QueryInt.optional(),
  offset: QueryInt.optional(),
});

/** For OpenAPI only: the body is checked by the domain's parseEventInput, which gives the stable codes (EVENT_TYPE_INVALID, EVENT_IN_FUTURE). */
export const EventCreateBody = EventInputBody as unknown as z.ZodType<unknown>;

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

export const RiskLevel = z.enum(['low', 'medium', 'high', 'critical']);
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

export const EventView = z.object({
  id: z.string(),
  applicationId: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
