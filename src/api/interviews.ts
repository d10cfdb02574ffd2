import { z } from 'zod';
import { INTERVIEW_STATUSES, InterviewCreateInput, InterviewPatchInput, OnsiteCreateInput } from '../domain/interviews/index.js';
import { listOf, PageQuery } from './shared.js';

export const InterviewCreateBody = InterviewCreateInput;
export type InterviewCreateBody = z.infer<typeof InterviewCreateBody>;
export const InterviewPatchBody = InterviewPatchInput;
export type InterviewPatchBody = z.infer<typeof InterviewPatchBody>;
export const OnsiteCreateBody = OnsiteCreateInput;
export type OnsiteCreateBody = z.infer<typeof OnsiteCreateBody>;
/** Whose invite: `candidate`, an interviewer's user id, or absent for your own. */
export const InviteQuery = z.strictObject({ for: z.string().min(1).max(64).optional() });
export type InviteQuery = z.infer<typeof InviteQuery>;
export const InterviewCompleteBody = z.strictObject({ occurredAt: z.iso.datetime({ offset: true }).optional() }).nullish();
export type InterviewCompleteBody = z.infer<typeof InterviewCompleteBody>;

/** Query strings arrive as strings and are parsed explicitly (no coercion). */
export const InterviewListQuery = z.strictObject({
  applicationId: z.string().min(1).max(64).optional(),
  status: z.enum(INTERVIEW_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  ...PageQuery.shape,
});
export type InterviewListQuery = z.infer<typeof InterviewListQuery>;


const Anchors = z.object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string() });

export const TemplateView = z.object({
  rubricId: z.string(),
  rubricVersion: z.string(),
  scale: Anchors,
  specializations: z.array(z.string()),
  attributes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), anchors: Anchors })),
  fallback: z.boolean(),
});

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
export type TemplateView = z.infer<typeof TemplateView>;
export type InterviewCandidateView = z.infer<typeof InterviewCandidateView>;
export type InterviewDetailView = z.infer<typeof InterviewDetailView>;

export const InterviewListView = listOf(InterviewView);
export type InterviewListView = z.infer<typeof InterviewListView>;
/** POST /applications/:id/onsite: the onsite's id and its interviews. */
export const OnsiteCreatedView = z.object({ onsiteId: z.string(), interviews: z.array(InterviewDetailView) });
export type OnsiteCreatedView = z.infer<typeof OnsiteCreatedView>;
/** GET /roles/:id/scorecard-template. */
export const RoleTemplateView = z.object({ roleId: z.string(), template: TemplateView });
export type RoleTemplateView = z.infer<typeof RoleTemplateView>;
