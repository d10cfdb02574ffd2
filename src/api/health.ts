import { z } from 'zod';

/** GET /healthz: whether the server reaches its database, and which kind it is. */
export const HealthView = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
export type HealthView = z.infer<typeof HealthView>;
export const HealthUnavailableView = z.object({ status: z.literal('unavailable'), database: z.enum(['sqlite', 'postgres']) });
export type HealthUnavailableView = z.infer<typeof HealthUnavailableView>;
