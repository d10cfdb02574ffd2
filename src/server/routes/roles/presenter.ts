import { can } from '../../../domain/access/policy.js';
import type { RoleRecord } from '../../services/records.js';
import { RoleView } from '../../../api/roles.js';

export interface Viewer {
  role: string;
}

/** The fields of a role that leave the server; the band only for viewers who may read compensation. */
export function presentRole(r: RoleRecord, viewer: Viewer): RoleView {
  const view: RoleView = {
    id: r.id,
    title: r.title,
    description: r.description,
    specializations: r.specializations,
    seniority: r.seniority as RoleView['seniority'],
    hiringManagerId: r.hiringManagerId,
    recruiterId: r.recruiterId,
    processPlan: { stages: r.processPlan.stages, plannedDays: r.processPlan.stages.reduce((n, s) => n + s.plannedDays, 0) },
    clockOverrides: r.clockOverrides,
    pedigreeBlind: r.pedigreeBlind,
    status: r.status as RoleView['status'],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
  if (can(viewer.role, 'compensation.read')) view.band = r.band;
  return view;
}
