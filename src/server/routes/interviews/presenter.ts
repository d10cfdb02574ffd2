import { presentTemplate } from '../shared/template-presenter.js';
import { durationOf, type InterviewDetail } from '../../services/interviews.js';
import { InterviewCandidateView, InterviewDetailView, InterviewView } from '../../../api/interviews.js';


/** The fields of an interview that leave the server (listed, so nothing else can). */
export function presentInterview(d: InterviewDetail): InterviewView {
  const c = d.candidate;
  const candidate: InterviewCandidateView = { id: c.id, name: c.name, specializations: c.specializations, productionMlYears: c.productionMlYears, location: c.location };
  if (!d.pedigreeHidden) {
    candidate.currentEmployer = c.currentEmployer ?? null;
    candidate.links = c.links ?? [];
  }
  const i = d.interview;
  return {
    id: i.id,
    applicationId: i.applicationId,
    role: { id: d.role.id, title: d.role.title },
    candidate,
    kind: i.kind,
    scheduledAt: i.scheduledAt,
    durationMinutes: durationOf(i),
    endsAt: new Date(Date.parse(i.scheduledAt) + durationOf(i) * 60_000).toISOString(),
    stageId: i.stageId,
    stageName: d.role.processPlan.stages.find((s) => s.id === i.stageId)?.name ?? null,
    location: i.location,
    focusAttributeIds: i.focusAttributeIds,
    focus: d.template.attributes.map((a) => ({ id: a.id, name: a.name })),
    notes: i.notes,
    onsiteId: i.onsiteId,
    final: i.final,
    pedigreeBlind: i.pedigreeBlind,
    pedigreeHidden: d.pedigreeHidden,
    hiddenFields: d.hiddenFields,
    status: i.status,
    completedAt: i.completedAt,
    cancelledAt: i.cancelledAt,
    interviewers: d.interviewers,
    myScorecard: d.myScorecard,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    version: i.version,
  };
}

export function presentInterviewDetail(d: InterviewDetail): InterviewDetailView {
  return { ...presentInterview(d), template: presentTemplate(d.template) };
}
