import { can } from '../../../domain/access/policy.js';
import type { SourceMix } from '../../../domain/pipeline/index.js';
import type { Board } from '../../services/pipeline-views.js';
import type { RoleRecord } from '../../services/records.js';
import type { BoardView, RoleView, SourceMixView } from '../../../api/roles.js';

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

/** A role's board: its columns and the applications leading each, as computed at the request's time. */
export function presentBoard(board: Board): BoardView {
  return { role: { id: board.role.id, title: board.role.title, status: board.role.status as 'open' | 'closed' }, targetDays: board.targetDays, columns: board.columns, leading: board.leading };
}

/** Where a role's candidates come from, with the findings counted by severity. */
export function presentSourceMix({ role, mix }: { role: RoleRecord; mix: SourceMix }): SourceMixView {
  return {
    roleId: role.id,
    total: mix.total,
    counts: mix.counts,
    shares: mix.shares,
    referralOnlyShare: mix.referralOnlyShare,
    findings: mix.findings,
    errors: mix.findings.filter((f) => f.severity === 'error').length,
    warnings: mix.findings.filter((f) => f.severity === 'warning').length,
  };
}
