import type { ApplicationRecord, ProspectEventRecord, ProspectWithPerson, TalentPoolSummary } from '../../services/records.js';
import type { ApplicationView } from '../../../api/applications.js';
import type { PoolView, ProspectEventView, ProspectView } from '../../../api/sourcing.js';

/** The fields of a pool that leave the server (pools hold no pay figures). */
export function presentPool(p: TalentPoolSummary): PoolView {
  return { id: p.id, name: p.name, ownerId: p.ownerId, specializations: p.specializations, cadenceDays: p.cadenceDays, prospects: p.prospects, byStatus: p.byStatus, lastTouchAt: p.lastTouchAt, createdAt: p.createdAt, updatedAt: p.updatedAt, version: p.version };
}

/** A prospect with its person's name and e-mail (null when none is known). */
export function presentProspect(p: ProspectWithPerson): ProspectView {
  return {
    id: p.id,
    poolId: p.poolId,
    candidateId: p.candidateId,
    name: p.name,
    email: p.email === '' ? null : p.email,
    status: p.status as ProspectView['status'],
    foundBy: p.foundBy,
    foundHow: p.foundHow as ProspectView['foundHow'],
    foundDetail: p.foundDetail,
    currentEmployer: p.currentEmployer,
    lab: p.lab,
    links: p.links,
    lawfulBasis: p.lawfulBasis,
    timeZone: p.timeZone,
    touches: p.touches,
    lastTouchAt: p.lastTouchAt,
    lastReplyAt: p.lastReplyAt,
    convertedApplicationId: p.convertedApplicationId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

export function presentProspectEvent(e: ProspectEventRecord): ProspectEventView {
  return { id: e.id, prospectId: e.prospectId, seq: e.seq, type: e.type, occurredAt: e.occurredAt, recordedAt: e.recordedAt, actorId: e.actorId, data: e.data };
}

/** The application a conversion made (the fields of GET /applications/:id without its timeline). */
export function presentConvertedApplication(a: ApplicationRecord): ApplicationView {
  return { id: a.id, candidateId: a.candidateId, roleId: a.roleId, stage: a.stage, status: a.status as ApplicationView['status'], lossReason: a.lossReason, labels: a.labels, closedAt: a.closedAt, createdAt: a.createdAt, updatedAt: a.updatedAt, version: a.version };
}
