// The interviews' fixed lists, in a module without zod or data files: the web imports them (through
// src/api/constants.ts). The schemas that check them are in scorecard.ts, which re-exports these.

export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const SCORECARD_STATUSES = ['draft', 'submitted'] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];
