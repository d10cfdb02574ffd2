// Reads only the company export makes (issue 12): every import link and every imported scorecard, oldest first.
import type { Tx } from '../transaction.js';
import { importedFeedbackOf, type ImportedFeedbackRecord } from './imports.js';

export interface ImportLinkRecord {
  system: string;
  entity: string;
  externalId: string;
  closerId: string;
}

/** Every link of the company's imports (system, entity, external id -> Closer id), in a stable order. */
export async function listAllImportLinks(tx: Tx): Promise<ImportLinkRecord[]> {
  const rows = await tx.selectFrom('import_links').select(['system', 'entity', 'external_id', 'closer_id']).orderBy('created_at').orderBy('system').orderBy('entity').orderBy('external_id').execute();
  return rows.map((r) => ({ system: r.system, entity: r.entity, externalId: r.external_id, closerId: r.closer_id }));
}

/** Every imported scorecard with its source id, oldest submission first. */
export async function listAllImportedFeedback(tx: Tx): Promise<Array<ImportedFeedbackRecord & { externalId: string }>> {
  const rows = await tx.selectFrom('imported_feedback').selectAll().orderBy('submitted_at').orderBy('id').execute();
  return rows.map((r) => ({ ...importedFeedbackOf(r), externalId: r.external_id }));
}
