import { withoutRetracted } from '../../domain/pipeline/index.js';
import { getApplicationOrThrow, listApplications, listEventsOfApplication, type ApplicationEventRecord, type ApplicationRecord, type Tx } from '../../storage/index.js';
import { namesOfPeople } from './people.js';
import { getApplicationDetail, type ApplicationDetail } from './pipeline-views.js';

/** Reads of applications for the API; writes are in pipeline.ts (create, change, append and retract events). */
export function findApplications(db: Tx, filter: { roleId?: string; candidateId?: string; status?: string; limit: number; offset: number }): Promise<ApplicationRecord[]> {
  return listApplications(db, filter);
}

/** One application with its timeline, clocks and risk at `now`, and the names of the people its events name. */
export async function readApplicationDetail(db: Tx, id: string, now: Date): Promise<{ detail: ApplicationDetail; names: Record<string, string> }> {
  const [detail, people] = await Promise.all([getApplicationDetail(db, id, now), namesOfPeople(db)]);
  return { detail, names: Object.fromEntries(people) };
}

/** The events of an application as the rules read them: retracted events (Undo on Today) and their retractions are left out. */
export async function listApplicationEvents(db: Tx, applicationId: string): Promise<ApplicationEventRecord[]> {
  await getApplicationOrThrow(db, applicationId);
  return withoutRetracted(await listEventsOfApplication(db, applicationId));
}

/** 404 APPLICATION_NOT_FOUND unless the application exists. */
export async function requireApplication(db: Tx, id: string): Promise<void> {
  await getApplicationOrThrow(db, id);
}
