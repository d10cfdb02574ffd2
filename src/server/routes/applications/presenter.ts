import { can } from '../../../domain/access/policy.js';
import { nextActionForClock } from '../../../domain/pipeline/index.js';
import type { ApplicationRecord } from '../../services/records.js';
import { presentEvent } from '../shared/event-presenter.js';
import type { ApplicationDetail } from '../../services/pipeline-views.js';
import { ApplicationDetailView, ApplicationView } from '../../../api/applications.js';

export function presentApplication(a: ApplicationRecord): ApplicationView {
  return {
    id: a.id,
    candidateId: a.candidateId,
    roleId: a.roleId,
    stage: a.stage,
    status: a.status as ApplicationView['status'],
    lossReason: a.lossReason,
    labels: a.labels,
    closedAt: a.closedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

/** An application with its timeline, clocks (each running one with its next action) and risk. No compensation is part of it. */
export function presentApplicationDetail(d: ApplicationDetail, people: Readonly<Record<string, string>>, viewer: { role: string }): ApplicationDetailView {
  const s = d.summary;
  const seesNotes = can(viewer.role, 'compensation.read');
  return {
    ...presentApplication(d.application),
    candidateName: d.candidate.name,
    roleTitle: d.role.title,
    firstContactAt: s.firstContactAt ?? null,
    lastEventAt: s.lastEventAt ?? null,
    daysSinceFirstContact: s.daysSinceFirstContact ?? null,
    targetDays: s.targetDays,
    overTarget: s.overTarget,
    events: d.events.map((e) => presentEvent(e, viewer)),
    clocks: s.clocks.map((c) => {
      const action = nextActionForClock(c, { candidateName: d.candidate.name, people });
      return action === undefined ? c : { ...c, action };
    }),
    risk: seesNotes ? s.risk : { ...s.risk, signals: s.risk.signals.map(({ note: _note, ...signal }) => signal) },
  };
}
