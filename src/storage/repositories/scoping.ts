import { sql } from 'kysely';
import type { Tx } from '../transaction.js';
import type { CompanyScopingTable } from '../schema.js';

/** The kinds of per-company scoping documents. */
const SCOPING_DOCUMENT_KINDS = ['taxonomy-extension', 'attractiveness-inputs', 'team-plan-inputs'] as const;
export type ScopingDocumentKind = (typeof SCOPING_DOCUMENT_KINDS)[number];

export interface ScopingDocument {
  companyId: string;
  kind: ScopingDocumentKind;
  document: unknown;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function toDocument(r: CompanyScopingTable): ScopingDocument {
  return {
    companyId: r.company_id,
    kind: r.kind as ScopingDocumentKind,
    document: JSON.parse(r.document) as unknown,
    updatedBy: r.updated_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** The company's stored document of that kind, or undefined. */
export async function getScopingDocument(tx: Tx, companyId: string, kind: ScopingDocumentKind): Promise<ScopingDocument | undefined> {
  const row = await tx.selectFrom('company_scoping').selectAll().where('company_id', '=', companyId).where('kind', '=', kind).executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

/** Inserts or replaces the company's document of that kind (call inside a transaction, with the audit entry). */
export async function putScopingDocument(
  tx: Tx,
  companyId: string,
  kind: ScopingDocumentKind,
  document: unknown,
  actorId: string | null,
  now: Date,
): Promise<ScopingDocument> {
  const at = now.toISOString();
  const text = JSON.stringify(document);
  // One statement on both dialects, so two concurrent first writes cannot collide on the primary key.
  await tx
    .insertInto('company_scoping')
    .values({ company_id: companyId, kind, document: text, updated_by: actorId, created_at: at, updated_at: at, version: 1 })
    .onConflict((oc) =>
      oc.columns(['company_id', 'kind']).doUpdateSet({ document: text, updated_by: actorId, updated_at: at, version: sql<number>`company_scoping.version + 1` }),
    )
    .execute();
  const row = await tx.selectFrom('company_scoping').selectAll().where('company_id', '=', companyId).where('kind', '=', kind).executeTakeFirstOrThrow();
  return toDocument(row);
}

/** Removes the company's document of that kind; true when there was one. */
export async function deleteScopingDocument(tx: Tx, companyId: string, kind: ScopingDocumentKind): Promise<boolean> {
  const res = await tx.deleteFrom('company_scoping').where('company_id', '=', companyId).where('kind', '=', kind).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
