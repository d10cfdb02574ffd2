/** The company's full export (Settings → Export): one JSON file of every record, for owners and admins. */
import type { CompanyExportView } from '../../api/export.js';
import { api, toApiError } from './client.js';

export interface PreparedExport {
  /** The file as the server sent it, ready to save. */
  blob: Blob;
  fileName: string;
  exportedAt: string;
  counts: CompanyExportView['counts'];
}

/** Fetches the export as a file (its bytes kept as they came, so the saved file is what the API served). */
export async function prepareCompanyExport(signal?: AbortSignal): Promise<PreparedExport> {
  const response = await fetch('/api/v1/export', { headers: { Accept: 'application/json', ...(api.csrfToken ? { 'X-CSRF-Token': api.csrfToken } : {}) }, credentials: 'same-origin', signal });
  const text = await response.text();
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    payload = undefined;
  }
  if (!response.ok) throw toApiError(response.status, payload);
  const x = payload as Pick<CompanyExportView, 'exportedAt' | 'counts'>;
  return { blob: new Blob([text], { type: 'application/json' }), fileName: `closer-export-${x.exportedAt.slice(0, 10)}.json`, exportedAt: x.exportedAt, counts: x.counts };
}
