import type { CompanyExportView } from '../api/export.js';
import type { Harness } from './app-harness.js';

/**
 * The new ids a Closer import gave the interviews and offers of an export (old id -> new id), from the importing
 * workspace's own import links: what a restored timeline's events now name.
 */
export async function closerRenames(h: Harness): Promise<Map<string, string>> {
  const exported = (await h.call('GET', '/api/v1/export', { token: h.ownerToken })).json() as CompanyExportView;
  return new Map(exported.importLinks.filter((l) => l.system === 'closer' && (l.entity === 'interview' || l.entity === 'offer')).map((l) => [l.externalId, l.closerId]));
}

/** The value with every string equal to an old id replaced by its new one (ids are whole JSON strings, never parts). */
export function withRenames<T>(value: T, renames: ReadonlyMap<string, string>): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? (renames.get(v) ?? v) : v)) as T;
}
