// The ways a report can be cut, in a module without zod or data files so the web can import it on first load.
export const REPORT_DIMENSIONS = ['all', 'role', 'specialization', 'source', 'month'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** The reports, by the name in `GET /api/v1/reports/{name}` and `closer report NAME` (docs/reports.md defines each figure). */
export const REPORT_NAMES = ['funnel', 'cycle-time', 'clock-breaches', 'offers', 'losses', 'sources'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
