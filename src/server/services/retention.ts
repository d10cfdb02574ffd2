import { randomUUID } from 'node:crypto';
import { monthsBefore } from '../../domain/privacy/retention.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  getCompany,
  getRetentionSettings,
  inTransaction,
  insertRetentionRun,
  listActiveRetentionRules,
  listRetentionCandidates,
  listRetentionRuns,
  lockCandidate,
  recordAudit,
  saveRetentionSettings,
  type RetentionRun,
  type RetentionSettings,
  type Tx,
} from '../../storage/index.js';
import type { FileDirectory } from './file-store.js';
import type { JobContext } from './notifications.js';
import { afterErasure, erasePerson } from './privacy.js';

/** How often the background jobs apply the retention rule: hourly is plenty for a rule counted in months. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionState {
  settings: RetentionSettings;
  runs: RetentionRun[];
}

async function companyId(tx: Tx): Promise<string> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_FOUND', 'The workspace is not set up yet.');
  return company.id;
}

export async function readRetention(tx: Tx): Promise<RetentionState> {
  const id = await companyId(tx);
  return { settings: await getRetentionSettings(tx, id), runs: await listRetentionRuns(tx, id) };
}

/** Sets the rule under If-Match (the settings' version; 0 before the first save); audited by field name. */
export async function changeRetention(tx: Tx, actorId: string, expectedVersion: number, months: number | null, now: Date): Promise<RetentionState> {
  const id = await companyId(tx);
  const current = await getRetentionSettings(tx, id);
  const stale = () => new DomainError('PRECONDITION_FAILED', 'The retention rule changed since you read it. Reload and try again.', 'If-Match');
  if (current.version !== expectedVersion) throw stale();
  if (!(await saveRetentionSettings(tx, id, expectedVersion, months, actorId, now))) throw stale();
  await recordAudit(tx, { actorId, action: 'retention.update', entity: 'retention_settings', entityId: id, fields: ['rejectedAfterMonths'], at: now });
  return readRetention(tx);
}

/**
 * Applies one company's rule at `now`: erases every candidate it covers (each in its own transaction, the row locked
 * first on PostgreSQL so two servers never erase the same person twice), then records the run (counts only) and
 * audits it. Candidates with files in a files directory this process lacks are skipped and left for a run that has it.
 */
async function applyRule(ctx: JobContext, company: string, months: number, trigger: 'schedule' | 'manual', actorId: string | null, files: FileDirectory | undefined, now: Date): Promise<RetentionRun> {
  const cutoff = monthsBefore(now, months).toISOString();
  const { due, consented } = await listRetentionCandidates(ctx.store.db, cutoff);
  let candidatesErased = 0;
  let applicationsErased = 0;
  for (const id of due) {
    try {
      const report = await inTransaction(ctx.store.db, async (tx) => {
        if (!(await lockCandidate(tx, id, ctx.store.dialect))) return undefined;
        return erasePerson(tx, actorId, id, now, files, 'retention');
      });
      if (report) {
        candidatesErased += report.candidateIds.length;
        applicationsErased += report.applicationIds.length;
      }
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'FILE_STORE_UNAVAILABLE')) throw error;
    }
  }
  if (candidatesErased > 0) await afterErasure(ctx.store);
  const run: RetentionRun = { id: randomUUID(), companyId: company, ranAt: now.toISOString(), trigger, rejectedAfterMonths: months, cutoff, candidatesErased, applicationsErased, keptForConsent: consented.length };
  await inTransaction(ctx.store.db, async (tx) => {
    await insertRetentionRun(tx, run);
    await recordAudit(tx, { actorId, action: 'retention.run', entity: 'retention_run', entityId: run.id, fields: ['candidatesErased', 'applicationsErased', 'keptForConsent'], at: now });
  });
  return run;
}

/** The background job: every company with a rule switched on. A rerun with nothing due erases nothing. */
export async function runRetention(ctx: JobContext, opts: { now?: Date; files?: FileDirectory } = {}): Promise<RetentionRun[]> {
  const now = opts.now ?? ctx.now();
  const runs: RetentionRun[] = [];
  for (const rule of await listActiveRetentionRules(ctx.store.db)) runs.push(await applyRule(ctx, rule.companyId, rule.months, 'schedule', null, opts.files, now));
  return runs;
}

/** "Run now" from the settings page: the company's rule, at once; refused while no rule is set. */
export async function runRetentionNow(ctx: JobContext, actorId: string, files: FileDirectory | undefined, now: Date): Promise<RetentionRun> {
  const { settings } = await readRetention(ctx.store.db);
  if (settings.rejectedAfterMonths === null) throw new DomainError('CONFLICT', 'Set how many months to keep rejected candidates first.', 'rejectedAfterMonths');
  return applyRule(ctx, settings.companyId, settings.rejectedAfterMonths, 'manual', actorId, files, now);
}
