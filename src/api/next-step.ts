import { z } from 'zod';
import { NEXT_STEP_KINDS, NEXT_STEP_TARGETS } from '../domain/pipeline/index.js';

/** The one next step of an application: the step in words and its one button (docs/interviews-offers.md). */
export const NextStepView = z.object({
  kind: z.enum(NEXT_STEP_KINDS),
  title: z.string(),
  detail: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  urgency: z.enum(['ok', 'warning', 'critical']).nullable(),
  action: z
    .object({ label: z.string(), target: z.enum(NEXT_STEP_TARGETS), interviewId: z.string().optional(), offerId: z.string().optional() })
    .nullable(),
});
export type NextStepView = z.infer<typeof NextStepView>;
