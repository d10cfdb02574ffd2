import { collectCompanyRows, inTransaction, recordAudit, type Store } from '../../storage/index.js';
import type { CompanyExportView } from '../../api/export.js';

function exportValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return undefined;
  return v;
}

/**
 * The company's full export (issue 12): every row of the export tables (see COMPANY_EXPORT_TABLES) and the audit
 * log, read in one transaction so the tables agree with each other. The export itself is audited (table names only).
 */
export async function exportCompany(store: Store, actorId: string, now: Date): Promise<CompanyExportView> {
  return inTransaction(store.db, async (tx) => {
    const raw = await collectCompanyRows(tx);
    const tables: CompanyExportView['tables'] = {};
    for (const [table, rows] of Object.entries(raw)) {
      tables[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, exportValue(v)]).filter(([, v]) => v !== undefined)));
    }
    await recordAudit(tx, { actorId, action: 'company.exported', entity: 'company', entityId: String(tables.companies?.[0]?.id ?? 'company'), fields: Object.keys(tables), at: now });
    return { format: 'closer-company-export', version: 1, exportedAt: now.toISOString(), tables };
  });
}
