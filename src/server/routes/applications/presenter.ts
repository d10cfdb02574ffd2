import { z } from 'zod';
import { can } from '../../../domain/access/policy.js';
import { nextActionForClock } from '../../../domain/pipeline/index.js';
import type { ApplicationRecord } from '../../services/records.js';
import { presentEvent } from '../shared/event-presenter.js';
import type { ApplicationDetail } from '../../services/pipeline-views.js';
import { APPLICATION_STATUSES, ClockView, EventView, RiskView } from './schema.js';

export const ApplicationView = z.object({
  id: z.string(),
  candidateId: z.string(),
  roleId: z.string(),
  stage: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  lossReason: z.string().nullable(),
  labels: z.array(z.string()),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationDetailView = ApplicationView.extend({
  candidateName: z.string(),
  roleTitle: z.string(),
  firstContactAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  daysSinceFirstContact: z.number().nullable(),
  targetDays: z.number(),
  overTarget: z.boolean(),
  events: z.array(EventView),
  clocks: z.array(ClockView),
  risk: RiskView,
});
export type ApplicationDetailView = z.infer<typeof ApplicationDetailView>;

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
