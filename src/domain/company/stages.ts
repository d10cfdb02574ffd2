// The funding stages, in a module without zod: the web imports them (through src/api/constants.ts) on its first load.
export const COMPANY_STAGES = ['preseed', 'seed', 'seed-tier1', 'series-a', 'series-b', 'series-c', 'growth'] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];
