import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import { getCompany, recordAudit, updateCompany, type Company, type CompanyPatch, type Tx } from '../../storage/index.js';
import { reprojectForSettings } from './projections.js';

export interface CompanyActor {
  id: string;
}

function notSetUp(): DomainError {
  return new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
}

const stale = () => preconditionFailed('The company profile changed since you read it. Reload and try again.');

/** The workspace's company profile; 409 NOT_SET_UP before setup. */
export async function readCompany(db: Tx): Promise<Company> {
  const company = await getCompany(db);
  if (!company) throw notSetUp();
  return company;
}

/**
 * Changes the company profile under If-Match (412 when `expectedVersion` is not the current one, also when
 * another write wins the race), re-projected when the time zone changes, audited with the names of the fields that changed, in the caller's transaction.
 */
export async function changeCompany(tx: Tx, actor: CompanyActor, expectedVersion: number, patch: CompanyPatch, now: Date): Promise<Company> {
  const current = await readCompany(tx);
  if (current.version !== expectedVersion) throw stale();
  const changed = (Object.keys(patch) as Array<keyof CompanyPatch>).filter((k) => patch[k] !== current[k]);
  const updated = await updateCompany(tx, current.id, expectedVersion, patch, now);
  if (!updated) throw stale();
  // Business hours count in the company's time zone: a new zone moves when applications need attention.
  if (changed.includes('timeZone')) await reprojectForSettings(tx, now);
  await recordAudit(tx, { actorId: actor.id, action: 'company.update', entity: 'company', entityId: current.id, fields: changed, at: now });
  return updated;
}
