import { z } from 'zod';

/** GET /api/v1/export: every record of the company, one array of rows per table (owners and admins). */
export const CompanyExportView = z.object({
  format: z.literal('closer-company-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type CompanyExportView = z.infer<typeof CompanyExportView>;
