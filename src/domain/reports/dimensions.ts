// The ways a report can be cut, in a module without zod or data files so the web can import it on first load.
export const REPORT_DIMENSIONS = ['all', 'role', 'specialization', 'source', 'month'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
