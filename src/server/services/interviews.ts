import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/policy.js';
import {
  applyDraft,
  assertInterviewTransition,
  buildDecisionView,
  buildScorecardTemplate,
  canSeeScorecard,
  defaultPedigreeBlind,
  emptyScorecardContent,
  hasSubmittedAllOwn,
  isAssigned,
  parseScorecardForSubmit,
  pedigreeHidden,
  redactPedigree,
  type DecisionView,
  type InterviewCandidate,
  type InterviewCreateInput,
  type InterviewPatchInput,
  type ScorecardContent,
  type ScorecardDraftInput,
  type ScorecardTemplate,
} from '../../domain/interviews/index.js';
import { DomainError, NotFoundError, ValidationError } from '../../domain/shared/errors.js';
import {
  getApplication,
  getApplicationOrThrow,
  getCandidate,
  getInterview,
  getRole,
  getRoleOrThrow,
  getScorecard,
  getScorecardOf,
  getUser,
  insertInterview,
  insertScorecard,
  isUniqueViolation,
  listInterviews,
  listScorecards,
  listUsers,
  recordAudit,
  submitScorecardRecord,
  updateInterview,
  updateScorecardDraft,
  type ApplicationRecord,
  type CandidateRecord,
  type InterviewRecord,
  type RoleRecord,
  type ScorecardRecord,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { appendEvent } from './pipeline.js';

/** The signed-in user as the interview rules see them. */
export type Viewer = Pick<UserRecord, 'id' | 'role'>;

export function readsAllInterviews(viewer: Viewer): boolean {
  return can(viewer.role, 'interviews.read-all');
}

function interviewNotFound(): NotFoundError {
  return new NotFoundError('INTERVIEW_NOT_FOUND', 'No such interview.', 'id');
}

/** The interview if this viewer may see it: everyone with read-all, else only its interviewers (others get 404). */
export async function getVisibleInterview(tx: Tx, viewer: Viewer, id: string): Promise<InterviewRecord> {
  const interview = await getInterview(tx, id);
  if (!interview || (!readsAllInterviews(viewer) && !isAssigned(interview, viewer.id))) throw interviewNotFound();
  return interview;
}

async function checkInterviewers(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const user = await getUser(tx, id);
    if (!user || user.disabled || !can(user.role, 'scorecards.write-own')) {
      throw new ValidationError('INTERVIEWER_INVALID', 'An interviewer must be an active user whose role may write scorecards.', `interviewerIds[${i}]`);
    }
  }
}

/** Scorecard template of a role: the rubric attributes its specializations call for. */
export function templateForRole(role: Pick<RoleRecord, 'specializations'>): ScorecardTemplate {
  return buildScorecardTemplate(role.specializations);
}

export async function getRoleTemplate(tx: Tx, roleId: string): Promise<{ role: RoleRecord; template: ScorecardTemplate }> {
  const role = await getRoleOrThrow(tx, roleId);
  return { role, template: templateForRole(role) };
}

/* ------------------------------------------------------------- interviews */

/** Puts an interview on an application; pedigree-blind by default for screening kinds of a blind role. */
export async function createInterview(tx: Tx, actor: Viewer, applicationId: string, input: InterviewCreateInput, now: Date): Promise<InterviewRecord> {
  const app = await getApplicationOrThrow(tx, applicationId);
  if (app.status !== 'active') throw new DomainError('CONFLICT', 'The application is closed; reopen it to schedule interviews.', 'id');
  const role = await getRoleOrThrow(tx, app.roleId);
  await checkInterviewers(tx, input.interviewerIds);
  const interview = await insertInterview(
    tx,
    {
      id: randomUUID(),
      applicationId,
      kind: input.kind,
      scheduledAt: new Date(input.scheduledAt).toISOString(),
      final: input.final ?? false,
      pedigreeBlind: input.pedigreeBlind ?? defaultPedigreeBlind(input.kind, role.pedigreeBlind),
      interviewerIds: [...input.interviewerIds],
      createdBy: actor.id,
    },
    now,
  );
  await recordAudit(tx, { actorId: actor.id, action: 'interview.create', entity: 'interview', entityId: interview.id, fields: Object.keys(input), at: now });
  await appendEvent(tx, actor, applicationId, { type: 'interview.scheduled', data: { interviewId: interview.id, at: interview.scheduledAt } }, now);
  return interview;
}

/** Changes a scheduled interview under If-Match; a new time is appended as interview.scheduled. */
export async function changeInterview(tx: Tx, actor: Viewer, id: string, expectedVersion: number, patch: InterviewPatchInput, now: Date): Promise<InterviewRecord> {
  const current = await getVisibleInterview(tx, actor, id);
  if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The interview changed since you read it. Reload and try again.', 'If-Match');
  assertInterviewTransition(current.status, 'edit');
  if (patch.interviewerIds) await checkInterviewers(tx, patch.interviewerIds);
  const scheduledAt = patch.scheduledAt !== undefined ? new Date(patch.scheduledAt).toISOString() : undefined;
  const changes = {
    kind: patch.kind,
    scheduledAt,
    final: patch.final,
    pedigreeBlind: patch.pedigreeBlind,
    interviewerIds: patch.interviewerIds ? [...patch.interviewerIds] : undefined,
  };
  const changed = Object.entries(changes)
    .filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify((current as unknown as Record<string, unknown>)[k]))
    .map(([k]) => k);
  if (changed.length === 0) return current;
  const updated = await updateInterview(tx, id, expectedVersion, changes, now);
  if (!updated) throw new DomainError('PRECONDITION_FAILED', 'The interview changed since you read it. Reload and try again.', 'If-Match');
  await recordAudit(tx, { actorId: actor.id, action: 'interview.update', entity: 'interview', entityId: id, fields: changed, at: now });
  if (changed.includes('scheduledAt')) await appendEvent(tx, actor, current.applicationId, { type: 'interview.scheduled', data: { interviewId: id, at: updated.scheduledAt } }, now);
  return updated;
}

/**
 * Marks an interview held: appends interview.completed (with `final` and the interviewers), which starts each
 * interviewer's scorecard.due clock and, for a final interview, offer.after-final. People with interviews.write
 * and the interview's own interviewers may do this.
 */
export async function completeInterview(tx: Tx, actor: Viewer, id: string, now: Date, occurredAt?: string): Promise<InterviewRecord> {
  const current = await getVisibleInterview(tx, actor, id);
  if (!can(actor.role, 'interviews.write') && !isAssigned(current, actor.id)) throw interviewNotFound();
  const status = assertInterviewTransition(current.status, 'complete');
  const at = occurredAt ? new Date(occurredAt) : now;
  if (at.getTime() > now.getTime() + 60_000) throw new ValidationError('EVENT_IN_FUTURE', 'An interview cannot be completed in the future.', 'occurredAt');
  const updated = await updateInterview(tx, id, current.version, { status, completedAt: at.toISOString() }, now);
  if (!updated) throw new DomainError('CONFLICT', 'The interview changed meanwhile. Try again.');
  await recordAudit(tx, { actorId: actor.id, action: 'interview.complete', entity: 'interview', entityId: id, fields: ['status', 'completedAt'], at: now });
  await appendEvent(
    tx,
    actor,
    current.applicationId,
    { type: 'interview.completed', occurredAt: at.toISOString(), data: { interviewId: id, final: current.final, interviewerIds: current.interviewerIds } },
    now,
  );
  return updated;
}

export async function cancelInterview(tx: Tx, actor: Viewer, id: string, now: Date): Promise<InterviewRecord> {
  const current = await getVisibleInterview(tx, actor, id);
  const status = assertInterviewTransition(current.status, 'cancel');
  const updated = await updateInterview(tx, id, current.version, { status, cancelledAt: now.toISOString() }, now);
  if (!updated) throw new DomainError('CONFLICT', 'The interview changed meanwhile. Try again.');
  await recordAudit(tx, { actorId: actor.id, action: 'interview.cancel', entity: 'interview', entityId: id, fields: ['status', 'cancelledAt'], at: now });
  await appendEvent(tx, actor, current.applicationId, { type: 'note', data: { text: `Interview (${current.kind}) cancelled.` } }, now);
  return updated;
}

/* ------------------------------------------------------------------ views */


export interface InterviewDetail {
  interview: InterviewRecord;
  application: ApplicationRecord;
  role: RoleRecord;
  candidate: InterviewCandidate;
  interviewers: Array<{ id: string; name: string }>;
  pedigreeHidden: boolean;
  hiddenFields: string[];
  /** The viewer's own card on this interview, when they are on it. */
  myScorecard: { id: string | null; status: 'not-started' | 'draft' | 'submitted' } | null;
  template: ScorecardTemplate;
}

/** Detail views of interviews for one viewer, loading each application, role and candidate once. */
export async function describeInterviews(tx: Tx, viewer: Viewer, interviews: readonly InterviewRecord[]): Promise<InterviewDetail[]> {
  const apps = new Map<string, ApplicationRecord | undefined>();
  const roles = new Map<string, RoleRecord | undefined>();
  const candidates = new Map<string, CandidateRecord | undefined>();
  const names = new Map((await listUsers(tx)).map((u) => [u.id, u.name]));
  const mine = new Map(
    (await listScorecards(tx, { interviewIds: interviews.map((i) => i.id), interviewerId: viewer.id })).map((s) => [s.interviewId, s]),
  );
  const out: InterviewDetail[] = [];
  for (const interview of interviews) {
    if (!apps.has(interview.applicationId)) apps.set(interview.applicationId, await getApplication(tx, interview.applicationId));
    const application = apps.get(interview.applicationId);
    if (!application) continue;
    if (!roles.has(application.roleId)) roles.set(application.roleId, await getRole(tx, application.roleId));
    if (!candidates.has(application.candidateId)) candidates.set(application.candidateId, await getCandidate(tx, application.candidateId));
    const role = roles.get(application.roleId);
    const c = candidates.get(application.candidateId);
    if (!role || !c) continue;
    const assigned = isAssigned(interview, viewer.id);
    const card = mine.get(interview.id);
    const hidden = pedigreeHidden({ blind: interview.pedigreeBlind, viewerAssigned: assigned, viewerSubmitted: card?.status === 'submitted' });
    const full: InterviewCandidate = {
      id: c.id,
      name: c.name,
      specializations: c.specializations,
      productionMlYears: c.productionMlYears,
      location: c.location,
      currentEmployer: c.currentEmployer,
      links: c.links,
    };
    const { candidate, hiddenFields } = hidden ? redactPedigree(full) : { candidate: full, hiddenFields: [] as string[] };
    out.push({
      interview,
      application,
      role,
      candidate: candidate as InterviewCandidate,
      interviewers: interview.interviewerIds.map((id) => ({ id, name: names.get(id) ?? id })),
      pedigreeHidden: hidden,
      hiddenFields,
      myScorecard: assigned ? { id: card?.id ?? null, status: card?.status ?? 'not-started' } : null,
      template: templateForRole(role),
    });
  }
  return out;
}

export async function getInterviewDetail(tx: Tx, viewer: Viewer, id: string): Promise<InterviewDetail> {
  const interview = await getVisibleInterview(tx, viewer, id);
  const [detail] = await describeInterviews(tx, viewer, [interview]);
  if (!detail) throw interviewNotFound();
  return detail;
}

/** Interviews a viewer may see: all (filtered) with read-all, else only the ones they are on. */
export async function listVisibleInterviews(
  tx: Tx,
  viewer: Viewer,
  filter: { applicationId?: string; status?: InterviewRecord['status']; mine?: boolean; limit: number; offset: number },
): Promise<InterviewDetail[]> {
  const onlyMine = filter.mine || !readsAllInterviews(viewer);
  const items = await listInterviews(tx, {
    applicationId: filter.applicationId,
    status: filter.status,
    interviewerId: onlyMine ? viewer.id : undefined,
    limit: filter.limit,
    offset: filter.offset,
  });
  return describeInterviews(tx, viewer, items);
}

/* ------------------------------------------------------------- scorecards */

/** The viewer's own card on an interview they are on; 404 for anyone else. */
async function assignedInterview(tx: Tx, viewer: Viewer, interviewId: string): Promise<InterviewRecord> {
  const interview = await getInterview(tx, interviewId);
  if (!interview || !isAssigned(interview, viewer.id)) throw interviewNotFound();
  return interview;
}

async function templateOfInterview(tx: Tx, interview: InterviewRecord): Promise<ScorecardTemplate> {
  const app = await getApplicationOrThrow(tx, interview.applicationId);
  return templateForRole(await getRoleOrThrow(tx, app.roleId));
}

export interface MyScorecard {
  interview: InterviewRecord;
  template: ScorecardTemplate;
  card: ScorecardRecord | null;
  content: ScorecardContent;
}

export async function getMyScorecard(tx: Tx, viewer: Viewer, interviewId: string): Promise<MyScorecard> {
  const interview = await assignedInterview(tx, viewer, interviewId);
  const template = await templateOfInterview(tx, interview);
  const card = (await getScorecardOf(tx, interviewId, viewer.id)) ?? null;
  return { interview, template, card, content: card?.content ?? emptyScorecardContent() };
}

/** Autosave of the viewer's draft (created on first save). A submitted card answers 409 SCORECARD_SUBMITTED. */
export async function saveScorecardDraft(tx: Tx, viewer: Viewer, interviewId: string, input: ScorecardDraftInput, now: Date): Promise<MyScorecard> {
  const interview = await assignedInterview(tx, viewer, interviewId);
  if (interview.status === 'cancelled') throw new DomainError('INTERVIEW_STATE_INVALID', 'The interview was cancelled.', 'status');
  const template = await templateOfInterview(tx, interview);
  // Autosave is last-write-wins: a save that lost a race re-reads the card and applies its change on top.
  for (let attempt = 0; attempt < 25; attempt++) {
    const existing = await getScorecardOf(tx, interviewId, viewer.id);
    if (existing?.status === 'submitted') throw new DomainError('SCORECARD_SUBMITTED', 'This scorecard is already submitted and cannot change.');
    const content = applyDraft(existing?.content ?? emptyScorecardContent(), input, template);
    if (!existing) {
      const card = await insertScorecard(tx, { id: randomUUID(), interviewId, interviewerId: viewer.id, content }, now);
      await recordAudit(tx, { actorId: viewer.id, action: 'scorecard.create', entity: 'scorecard', entityId: card.id, fields: Object.keys(input), at: now });
      return { interview, template, card, content: card.content };
    }
    const card = await updateScorecardDraft(tx, existing.id, existing.version, content, now);
    if (card) {
      await recordAudit(tx, { actorId: viewer.id, action: 'scorecard.save-draft', entity: 'scorecard', entityId: card.id, fields: Object.keys(input), at: now });
      return { interview, template, card, content: card.content };
    }
  }
  throw new DomainError('CONFLICT', 'The scorecard is being saved elsewhere at the same time. Try again.');
}

/**
 * Submits the viewer's card (after merging a last draft change, if sent): complete ratings with evidence and a
 * recommendation, immutable afterwards; appends scorecard.submitted, which stops that interviewer's clock.
 */
export async function submitScorecard(tx: Tx, viewer: Viewer, interviewId: string, input: ScorecardDraftInput | undefined, now: Date): Promise<MyScorecard> {
  const interview = await assignedInterview(tx, viewer, interviewId);
  if (interview.status === 'cancelled') throw new DomainError('INTERVIEW_STATE_INVALID', 'The interview was cancelled.', 'status');
  if (interview.status === 'scheduled' && interview.scheduledAt > now.toISOString()) {
    throw new DomainError('INTERVIEW_STATE_INVALID', 'The interview has not taken place yet.', 'status');
  }
  const template = await templateOfInterview(tx, interview);
  let existing = await getScorecardOf(tx, interviewId, viewer.id);
  if (existing?.status === 'submitted') throw new DomainError('SCORECARD_SUBMITTED', 'This scorecard is already submitted and cannot change.');
  const merged = applyDraft(existing?.content ?? emptyScorecardContent(), input ?? {}, template);
  const final = parseScorecardForSubmit(merged, template);
  const content: ScorecardContent = { ratings: final.ratings, recommendation: final.recommendation, notes: final.notes };
  if (!existing) existing = await insertScorecard(tx, { id: randomUUID(), interviewId, interviewerId: viewer.id, content }, now);
  const card = await submitScorecardRecord(tx, existing.id, existing.version, content, now);
  if (!card) throw new DomainError('SCORECARD_SUBMITTED', 'This scorecard is already submitted and cannot change.');
  await recordAudit(tx, { actorId: viewer.id, action: 'scorecard.submit', entity: 'scorecard', entityId: card.id, fields: ['ratings', 'recommendation', 'notes', 'status'], at: now });
  await appendEvent(tx, viewer, interview.applicationId, { type: 'scorecard.submitted', data: { interviewId, interviewerId: viewer.id } }, now);
  return { interview, template, card, content: card.content };
}

/** Whether any unique-constraint race on a first autosave should simply be retried (the card now exists). */
export function isScorecardRace(error: unknown): boolean {
  return isUniqueViolation(error);
}

/** The viewer's scorecard duties on an application: one per completed interview they are on. */
async function dutiesOf(tx: Tx, viewerId: string, applicationId: string): Promise<Array<{ interviewId: string; submitted: boolean }>> {
  const interviews = (await listInterviews(tx, { applicationId, interviewerId: viewerId })).filter((i) => i.status === 'completed');
  const cards = await listScorecards(tx, { interviewIds: interviews.map((i) => i.id), interviewerId: viewerId });
  const submitted = new Set(cards.filter((c) => c.status === 'submitted').map((c) => c.interviewId));
  return interviews.map((i) => ({ interviewId: i.id, submitted: submitted.has(i.id) }));
}

/** Cards of one interview this viewer may see (their own always; others only submitted, and for an interviewer only once theirs are in). */
export async function listVisibleScorecards(tx: Tx, viewer: Viewer, interviewId: string): Promise<{ interview: InterviewRecord; cards: ScorecardRecord[]; names: Map<string, string> }> {
  const interview = await getVisibleInterview(tx, viewer, interviewId);
  const readsAll = readsAllInterviews(viewer);
  const owes = readsAll ? [] : await dutiesOf(tx, viewer.id, interview.applicationId);
  const cards = (await listScorecards(tx, { interviewIds: [interviewId] })).filter((card) => canSeeScorecard({ viewerId: viewer.id, viewerReadsAll: readsAll, viewerOwes: owes, card }));
  const names = new Map((await listUsers(tx)).map((u) => [u.id, u.name]));
  return { interview, cards, names };
}

/** One card by id, or 404 SCORECARD_NOT_FOUND when it does not exist or the viewer may not see it. */
export async function getVisibleScorecard(tx: Tx, viewer: Viewer, id: string): Promise<{ card: ScorecardRecord; interview: InterviewRecord }> {
  const notFound = () => new NotFoundError('SCORECARD_NOT_FOUND', 'No such scorecard.', 'id');
  const card = await getScorecard(tx, id);
  if (!card) throw notFound();
  const interview = await getInterview(tx, card.interviewId);
  if (!interview) throw notFound();
  const readsAll = readsAllInterviews(viewer);
  if (!readsAll && card.interviewerId !== viewer.id) {
    const owes = await dutiesOf(tx, viewer.id, interview.applicationId);
    if (!canSeeScorecard({ viewerId: viewer.id, viewerReadsAll: false, viewerOwes: owes, card })) throw notFound();
  } else if (!canSeeScorecard({ viewerId: viewer.id, viewerReadsAll: readsAll, viewerOwes: [], card })) {
    throw notFound();
  }
  return { card, interview };
}

/**
 * The decision view of an application: ratings per attribute side by side with evidence, uncovered attributes
 * and strong disagreement. For people with read-all; an interviewer sees it only once every card they owe on
 * the application is in (404 before, so nothing leaks).
 */
export async function getDecisionView(tx: Tx, viewer: Viewer, applicationId: string): Promise<{ application: ApplicationRecord; role: RoleRecord; template: ScorecardTemplate; view: DecisionView }> {
  const application = await getApplicationOrThrow(tx, applicationId);
  if (!readsAllInterviews(viewer) && !hasSubmittedAllOwn(await dutiesOf(tx, viewer.id, applicationId))) {
    throw new NotFoundError('NOT_FOUND', 'No decision view is available to you for this application yet.', 'id');
  }
  const role = await getRoleOrThrow(tx, application.roleId);
  const template = templateForRole(role);
  const interviews = await listInterviews(tx, { applicationId });
  const byId = new Map(interviews.map((i) => [i.id, i]));
  const cards = await listScorecards(tx, { interviewIds: interviews.map((i) => i.id) });
  const names = new Map((await listUsers(tx)).map((u) => [u.id, u.name]));
  const position = (c: ScorecardRecord) => {
    const i = byId.get(c.interviewId);
    return [interviews.indexOf(i!), i?.interviewerIds.indexOf(c.interviewerId) ?? 0];
  };
  const submitted = cards
    .filter((c) => c.status === 'submitted')
    .sort((a, b) => {
      const [ia, pa] = position(a);
      const [ib, pb] = position(b);
      return ia! - ib! || pa! - pb!;
    });
  const done = new Set(submitted.map((c) => `${c.interviewId}|${c.interviewerId}`));
  const pending = interviews
    .filter((i) => i.status === 'completed')
    .flatMap((i) => i.interviewerIds.filter((u) => !done.has(`${i.id}|${u}`)).map((u) => ({ interviewId: i.id, interviewerId: u, interviewerName: names.get(u) ?? u })));
  const view = buildDecisionView(
    template,
    submitted.map((c) => ({
      scorecardId: c.id,
      interviewId: c.interviewId,
      interviewKind: byId.get(c.interviewId)?.kind ?? 'interview',
      interviewerId: c.interviewerId,
      interviewerName: names.get(c.interviewerId) ?? c.interviewerId,
      ratings: c.content.ratings.filter((r): r is { attributeId: string; rating: 1 | 2 | 3 | 4; evidence: string } => r.rating !== null),
      recommendation: c.content.recommendation!,
      submittedAt: c.submittedAt!,
    })),
    pending,
  );
  return { application, role, template, view };
}
