import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Tx = Kysely<Database> | Transaction<Database>;

/** Runs work in one transaction; on SQLite Kysely serialises transactions over the single connection. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
