// The taxonomy's fixed lists, in a module without zod or data files: the web imports them (through
// src/api/constants.ts). The schemas that check them are in taxonomy.ts, which re-exports these.

export const SENIORITY_LEVELS = ['junior', 'mid', 'senior', 'staff+', 'lead'] as const;
export type SeniorityLevel = (typeof SENIORITY_LEVELS)[number];
