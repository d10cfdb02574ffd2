import { api } from './client.js';
import type { ReportQuery, ReportView } from '../../api/reports.js';

/** The hiring reports (GET /api/v1/reports/{name}); shapes from the contract, src/api/reports.ts. */
export type Report = ReportView;
export type ReportFilters = ReportQuery;

export function getReport(name: string, query: ReportFilters, signal?: AbortSignal): Promise<Report> {
  return api.get(`/reports/${encodeURIComponent(name)}`, { query, signal });
}
