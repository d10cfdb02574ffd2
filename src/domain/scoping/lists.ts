// The scoping's fixed lists, in a module without zod or data files: the web imports them (through
// src/api/constants.ts). The schemas that check them are in team-plan.ts, which re-exports these.

export const BOTTLENECKS = ['infrastructure', 'model-quality', 'data', 'integration', 'safety-evaluation'] as const;
export type Bottleneck = (typeof BOTTLENECKS)[number];
