import { z } from 'zod';
import { INTERVIEW_STATUSES } from '../../../domain/interviews/index.js';
import { TemplateView, presentTemplate } from '../shared/template-presenter.js';
import { durationOf, type InterviewDetail } from '../../services/interviews.js';

/** The candidate as an interview shows them. No compensation, no e-mail or phone; employer and links only when not pedigree-blind. */
export const InterviewCandidateView = z.object({
  id: z.string(),
  name: z.string(),
  specializations: z.array(z.string()),
  productionMlYears: z.number().nullable(),
  location: z.string().nullable(),
  currentEmployer: z.string().nullable().optional(),
  links: z.array(z.string()).optional(),
});

export const InterviewView = z.object({
  id: z.string(),
  applicationId: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  candidate: InterviewCandidateView,
  kind: z.string(),
  scheduledAt: z.string(),
  /** Length in minutes (the default for interviews from before lengths were recorded). */
  durationMinutes: z.number().int(),
  endsAt: z.string(),
  /** Stage of the role's process plan; null for interviews from before stages were recorded. */
  stageId: z.string().nullable(),
  stageName: z.string().nullable(),
  location: z.string().nullable(),
  /** As scheduled: null means every attribute of the role's template. */
  focusAttributeIds: z.array(z.string()).nullable(),
  /** The attributes this interview covers now, in template order. */
  focus: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Internal notes for the interviewers. */
  notes: z.string(),
  /** Interviews scheduled together as one onsite share this id. */
  onsiteId: z.string().nullable(),
  final: z.boolean(),
  pedigreeBlind: z.boolean(),
  /** True when this viewer's view hides pedigree (blind interview, their card not in yet). */
  pedigreeHidden: z.boolean(),
  hiddenFields: z.array(z.string()),
  status: z.enum(INTERVIEW_STATUSES),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  interviewers: z.array(z.object({ id: z.string(), name: z.string() })),
  myScorecard: z.object({ id: z.string().nullable(), status: z.enum(['not-started', 'draft', 'submitted']) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type InterviewView = z.infer<typeof InterviewView>;

export const InterviewDetailView = InterviewView.extend({ template: TemplateView });

/** The fields of an interview that leave the server (listed, so nothing else can). */
export function presentInterview(d: InterviewDetail): InterviewView {
  const c = d.candidate;
  const candidate: z.infer<typeof InterviewCandidateView> = { id: c.id, name: c.name, specializations: c.specializations, productionMlYears: c.productionMlYears, location: c.location };
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

export function presentInterviewDetail(d: InterviewDetail): z.infer<typeof InterviewDetailView> {
  return { ...presentInterview(d), template: presentTemplate(d.template) };
}
