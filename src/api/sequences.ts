import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';
import { AUDIENCES, ENROLLMENT_STATUSES, MERGE_FIELDS, STOP_REASONS, TASK_KINDS } from '../domain/outreach/index.js';

/*
 * Outreach sequences (issue 13, docs/sequences.md): templates, sequences and their steps, enrollments, manual task
 * steps, and the inbound e-mail secret. Interviewers see none of it (sourcing.read / sourcing.write); the
 * `{{base_range}}` merge field of a preview is filled in only for users with pay access (compensation.read).
 */

const Id = z.string().min(1).max(64);

/* ------------------------------------------------------------------ lint */

export const OutreachFindingView = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  fix: z.string(),
  /** `subject` or `body` */
  path: z.string(),
});
export type OutreachFindingView = z.infer<typeof OutreachFindingView>;

/** The `outreach.*` lint of a template's subject and body for one audience. */
export const TemplateLintView = z.object({
  audience: z.enum(AUDIENCES),
  findings: z.array(OutreachFindingView),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
});
export type TemplateLintView = z.infer<typeof TemplateLintView>;

export const AudienceQuery = z.strictObject({ audience: z.enum(AUDIENCES).optional() });
export type AudienceQuery = z.infer<typeof AudienceQuery>;

/* ------------------------------------------------------------------ templates */

export const TemplateCreateBody = z.strictObject({
  name: cleanText(120),
  subject: cleanText(300),
  body: cleanText(20_000),
});
export type TemplateCreateBody = z.infer<typeof TemplateCreateBody>;
/** PATCH /templates/:id with `If-Match`. */
export const TemplatePatchBody = TemplateCreateBody.partial();
export type TemplatePatchBody = z.infer<typeof TemplatePatchBody>;

export const TemplateView = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The merge fields the subject and body use, in order of first use. */
  mergeFields: z.array(z.string()),
  /** The lint for the audience asked (`?audience=`, passive when absent: the stricter one). */
  lint: TemplateLintView,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TemplateView = z.infer<typeof TemplateView>;
export const TemplateListView = z.object({ items: z.array(TemplateView) });
export type TemplateListView = z.infer<typeof TemplateListView>;

/** POST /templates/:id/preview: the template rendered for one prospect. */
export const TemplatePreviewBody = z.strictObject({
  prospectId: Id,
  /** The role whose title and band fill `{{role_title}}` and `{{base_range}}`. */
  roleId: Id.nullable().optional(),
  audience: z.enum(AUDIENCES).optional(),
});
export type TemplatePreviewBody = z.infer<typeof TemplatePreviewBody>;

export const TemplatePreviewView = z.object({
  templateId: z.string(),
  prospectId: z.string(),
  subject: z.string(),
  body: z.string(),
  /** Merge fields with no value yet (left as `{{name}}` in the text): a sequence using them cannot be activated. */
  missing: z.array(z.enum(MERGE_FIELDS)),
  /** Merge fields left as `{{name}}` because the viewer may not see them (`base_range` without pay access). */
  hidden: z.array(z.enum(MERGE_FIELDS)),
  lint: TemplateLintView,
});
export type TemplatePreviewView = z.infer<typeof TemplatePreviewView>;

/* ------------------------------------------------------------------ sequences */

export const SEQUENCE_STATUSES = ['draft', 'active', 'paused'] as const;
export type SequenceStatus = (typeof SEQUENCE_STATUSES)[number];

export const SequenceStepBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email'), templateId: Id }),
  z.strictObject({ kind: z.literal('wait'), businessDays: z.number().int().min(1).max(60) }),
  z.strictObject({ kind: z.literal('task'), task: z.enum(TASK_KINDS), note: cleanText(1_000).optional() }),
]);
export type SequenceStepBody = z.infer<typeof SequenceStepBody>;

export const SequenceCreateBody = z.strictObject({
  name: cleanText(120),
  audience: z.enum(AUDIENCES),
  /** The user whose address the e-mails go out from; the creator when absent. */
  senderId: Id.optional(),
  roleId: Id.nullable().optional(),
  steps: z.array(SequenceStepBody).min(1).max(30),
});
export type SequenceCreateBody = z.infer<typeof SequenceCreateBody>;

export const SequenceStepView = z.object({
  index: z.number().int(),
  kind: z.enum(['email', 'wait', 'task']),
  templateId: z.string().nullable(),
  templateName: z.string().nullable(),
  businessDays: z.number().int().nullable(),
  task: z.enum(TASK_KINDS).nullable(),
  note: z.string().nullable(),
});
export type SequenceStepView = z.infer<typeof SequenceStepView>;

export const SequenceView = z.object({
  id: z.string(),
  name: z.string(),
  audience: z.enum(AUDIENCES),
  status: z.enum(SEQUENCE_STATUSES),
  senderId: z.string(),
  roleId: z.string().nullable(),
  steps: z.array(SequenceStepView),
  /** Enrollments by status (active, waiting-task, stopped, finished). */
  enrollments: z.record(z.string(), z.number().int()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SequenceView = z.infer<typeof SequenceView>;
export const SequenceListView = z.object({ items: z.array(SequenceView) });
export type SequenceListView = z.infer<typeof SequenceListView>;

/** The lint of one e-mail step: the template's findings for the sequence's audience and merge fields with no value. */
export const SequenceStepLintView = z.object({
  index: z.number().int(),
  templateId: z.string(),
  templateName: z.string(),
  lint: TemplateLintView,
  missing: z.array(z.enum(MERGE_FIELDS)),
});
export type SequenceStepLintView = z.infer<typeof SequenceStepLintView>;

export const SequenceDetailView = SequenceView.extend({
  lint: z.array(SequenceStepLintView),
  /** No error finding and no missing merge field: POST /sequences/:id/activate would succeed. */
  canActivate: z.boolean(),
});
export type SequenceDetailView = z.infer<typeof SequenceDetailView>;

/* ------------------------------------------------------------------ enrollments */

export const EnrollBody = z.strictObject({
  prospectIds: z
    .array(Id)
    .min(1)
    .max(500)
    .refine((a) => new Set(a).size === a.length, { message: 'Prospect ids must be unique' }),
});
export type EnrollBody = z.infer<typeof EnrollBody>;

export const ENROLL_OUTCOMES = ['enrolled', 'already', 'suppressed', 'not-eligible'] as const;
export type EnrollOutcome = (typeof ENROLL_OUTCOMES)[number];

export const EnrollResultView = z.object({
  sequenceId: z.string(),
  results: z.array(
    z.object({
      prospectId: z.string(),
      outcome: z.enum(ENROLL_OUTCOMES),
      /** Why, when not enrolled: `already-enrolled`, `opted-out`, `bounced`, `closed` (converted or not interested). */
      reason: z.string().nullable(),
    }),
  ),
  enrolled: z.number().int(),
});
export type EnrollResultView = z.infer<typeof EnrollResultView>;

export const EnrollmentView = z.object({
  id: z.string(),
  sequenceId: z.string(),
  sequenceName: z.string(),
  prospectId: z.string(),
  prospectName: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  /** The next step to do (0-based); equal to `stepCount` once every step is done. */
  stepIndex: z.number().int(),
  stepCount: z.number().int(),
  currentStep: SequenceStepView.nullable(),
  dueAt: z.string(),
  stopReason: z.enum(STOP_REASONS).nullable(),
  enrolledBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EnrollmentView = z.infer<typeof EnrollmentView>;
export const EnrollmentListView = z.object({ items: z.array(EnrollmentView) });
export type EnrollmentListView = z.infer<typeof EnrollmentListView>;

/** POST /enrollments/:id/complete-task (with `If-Match`): the manual task step is done, the sequence moves on. */
export const TaskCompleteBody = z.strictObject({ note: cleanText(1_000).optional() }).nullish();
export type TaskCompleteBody = z.infer<typeof TaskCompleteBody>;

/* ------------------------------------------------------------------ inbound e-mail */

/** The inbound e-mail webhook's shared secret (owners only; readable again by owners, rotation audited). */
export const InboundSecretView = z.object({
  secret: z.string(),
  /** `X-Closer-Signature` */
  header: z.string(),
  /** How the header value is made: `sha256=` + hex HMAC-SHA256 of the raw body with the secret. */
  scheme: z.string(),
  /** The path the mail provider posts to. */
  path: z.string(),
});
export type InboundSecretView = z.infer<typeof InboundSecretView>;

/** POST /inbound/email answers 200 with what happened; 401 on a bad signature, 400 on a bad body. */
export const InboundResultView = z.object({ outcome: z.enum(['recorded', 'unmatched']) });
export type InboundResultView = z.infer<typeof InboundResultView>;
