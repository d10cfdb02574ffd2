import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/policy.js';
import {
  applyDraft,
  assertInterviewTransition,
  buildDecisionView,
  assertOnsiteSlots,
  buildScorecardTemplate,
  canSeeScorecard,
  checkFocus,
  DEFAULT_DURATION_MINUTES,
  defaultPedigreeBlind,
  findOverlap,
  focusAttributes,
  interviewKindName,
  interviewTemplate,
  localDate,
  writeInvite,
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
  type InviteAudience,
  type InviteContext,
  type InviteInterview,
  type OnsiteCreateInput,
  type ScorecardContent,
  type ScorecardDraftInput,
  type ScorecardTemplate,
} from '../../domain/interviews/index.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  getApplication,
  getApplicationOrThrow,
  getCandidate,
  getCompany,
  getInterview,
  getRole,
  getRoleOrThrow,
  getScorecard,
  getScorecardOf,
  getUser,
  inTransaction,
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
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { deliverySettingsOf } from './notifications.js';
import { appendEvent } from './pipeline.js';

/** The signed-in user as the interview rules see them. */
export type Viewer = Pick<UserRecord, 'id' | 'role'>;

export function readsAllInterviews(viewer: Viewer): boolean {
  return can(viewer.role, 'interviews.read-all');
}

function interviewNotFound(): DomainError {
  return new DomainError('INTERVIEW_NOT_FOUND', 'No such interview.', 'id');
}

/** The interview if this viewer may see it: everyone with read-all, else only its interviewers (others get 404). */
export async function getVisibleInterview(tx: Tx, viewer: Viewer, id: string): Promise<InterviewRecord> {
  const interview = await getInterview(tx, id);
  if (!interview || (!readsAllInterviews(viewer) && !isAssigned(interview, viewer.id))) throw interviewNotFound();
  return interview;
}

async function checkInterviewers(tx: Tx, ids: readonly string[], fieldPrefix = ''): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const user = await getUser(tx, id);
    if (!user || user.disabled || !can(user.role, 'scorecards.write-own')) {
      throw new DomainError('INTERVIEWER_INVALID', 'An interviewer must be an active user whose role may write scorecards.', `${fieldPrefix}interviewerIds[${i}]`);
    }
  }
}

/** A stage of the role's process plan; VALIDATION_FAILED naming the plan's stages otherwise. */
function checkStage(role: RoleRecord, stageId: string, field = 'stageId'): string {
  if (!role.processPlan.stages.some((s) => s.id === stageId)) {
    const names = role.processPlan.stages.map((s) => `${s.name} (${s.id})`).join(', ');
    throw new DomainError('VALIDATION_FAILED', `"${stageId}" is not a stage of this role's process: ${names}.`, field);
  }
  return stageId;
}

/** Length of an interview: stored, or the default for interviews from before lengths were recorded. */
export function durationOf(interview: Pick<InterviewRecord, 'durationMinutes'>): number {
  return interview.durationMinutes ?? DEFAULT_DURATION_MINUTES;
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
  const stageId = checkStage(role, input.stageId ?? app.stage);
  checkFocus(input.focusAttributeIds, templateForRole(role));
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
      stageId,
      durationMinutes: input.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      location: input.location ?? null,
      focusAttributeIds: input.focusAttributeIds ? [...input.focusAttributeIds] : null,
      notes: input.notes?.trim() ?? '',
      createdBy: actor.id,
    },
    now,
  );
  await recordAudit(tx, { actorId: actor.id, action: 'interview.create', entity: 'interview', entityId: interview.id, fields: Object.keys(input), at: now });
  await appendEvent(tx, actor, applicationId, { type: 'interview.scheduled', data: { interviewId: interview.id, at: interview.scheduledAt } }, now);
  return interview;
}

/**
 * Schedules a one-day onsite: several interviews for one application in one transaction (all or nothing), each
 * with its own time, length, interviewers and focus, sharing a stage, a location and an onsite id. Every slot
 * starts on the same day in the company's time zone and no two slots overlap (409 INTERVIEW_OVERLAP: an
 * interviewer cannot be in two places, nor the candidate). One audit entry and one interview.scheduled each.
 */
export async function scheduleOnsite(tx: Tx, actor: Viewer, applicationId: string, input: OnsiteCreateInput, now: Date): Promise<{ onsiteId: string; interviews: InterviewRecord[] }> {
  const app = await getApplicationOrThrow(tx, applicationId);
  if (app.status !== 'active') throw new DomainError('CONFLICT', 'The application is closed; reopen it to schedule interviews.', 'id');
  const role = await getRoleOrThrow(tx, app.roleId);
  const stageId = checkStage(role, input.stageId ?? app.stage);
  const template = templateForRole(role);
  for (const [i, slot] of input.slots.entries()) {
    checkFocus(slot.focusAttributeIds, template, `slots[${i}].`);
    await checkInterviewers(tx, slot.interviewerIds, `slots[${i}].`);
  }
  const names = new Map((await listUsers(tx)).map((u) => [u.id, u.name]));
  const timeZone = (await getCompany(tx))?.timeZone ?? 'UTC';
  assertOnsiteSlots(
    input.slots.map((s) => ({ start: Date.parse(s.scheduledAt), durationMinutes: s.durationMinutes ?? DEFAULT_DURATION_MINUTES, interviewerIds: s.interviewerIds })),
    timeZone,
    (id) => names.get(id) ?? id,
  );
  const onsiteId = randomUUID();
  const interviews: InterviewRecord[] = [];
  for (const slot of input.slots) {
    const interview = await insertInterview(
      tx,
      {
        id: randomUUID(),
        applicationId,
        kind: slot.kind,
        scheduledAt: new Date(slot.scheduledAt).toISOString(),
        final: slot.final ?? false,
        pedigreeBlind: slot.pedigreeBlind ?? defaultPedigreeBlind(slot.kind, role.pedigreeBlind),
        interviewerIds: [...slot.interviewerIds],
        stageId,
        durationMinutes: slot.durationMinutes ?? DEFAULT_DURATION_MINUTES,
        location: input.location ?? null,
        focusAttributeIds: slot.focusAttributeIds ? [...slot.focusAttributeIds] : null,
        notes: slot.notes?.trim() ?? '',
        onsiteId,
        createdBy: actor.id,
      },
      now,
    );
    const fields = [...new Set([...Object.keys(slot), ...Object.keys(input).filter((k) => k !== 'slots'), 'onsiteId'])];
    await recordAudit(tx, { actorId: actor.id, action: 'interview.create', entity: 'interview', entityId: interview.id, fields, at: now });
    await appendEvent(tx, actor, applicationId, { type: 'interview.scheduled', data: { interviewId: interview.id, at: interview.scheduledAt } }, now);
    interviews.push(interview);
  }
  return { onsiteId, interviews };
}

function stale(): DomainError {
  return preconditionFailed('Someone changed this interview since you read it. Reload it and try again.');
}

/**
 * An onsite's interviews still do not overlap after one of them moves: 409 INTERVIEW_OVERLAP naming the
 * interviewer booked twice, or the other interview the candidate would have to be in at the same time.
 */
async function checkOnsiteAfterChange(tx: Tx, moved: InterviewRecord): Promise<void> {
  if (!moved.onsiteId) return;
  const others = (await listInterviews(tx, { onsiteId: moved.onsiteId })).filter((i) => i.id !== moved.id && i.status !== 'cancelled');
  const slot = (i: InterviewRecord) => ({ start: Date.parse(i.scheduledAt), durationMinutes: durationOf(i), interviewerIds: i.interviewerIds });
  for (const other of others) {
    const overlap = findOverlap([slot(moved), slot(other)]);
    if (!overlap) continue;
    const when = `${interviewKindName(other.kind)} at ${other.scheduledAt.slice(11, 16)} UTC`;
    if (overlap.interviewerId !== null) {
      const name = (await getUser(tx, overlap.interviewerId))?.name ?? 'An interviewer';
      throw new DomainError('INTERVIEW_OVERLAP', `${name} is also in the ${when} of this onsite. Pick another time or someone else.`, 'scheduledAt');
    }
    throw new DomainError('INTERVIEW_OVERLAP', `This would overlap the ${when} of the same onsite, and the candidate cannot be in both.`, 'scheduledAt');
  }
}

/**
 * Changes a scheduled interview under If-Match (reschedule, other people, stage, length, place, focus, notes).
 * A new time is appended as interview.scheduled again; any change raises the version, which is the invite's
 * SEQUENCE, so calendars take the new copy.
 */
export async function changeInterview(tx: Tx, actor: Viewer, id: string, expectedVersion: number, patch: InterviewPatchInput, now: Date): Promise<InterviewRecord> {
  const current = await getVisibleInterview(tx, actor, id);
  if (current.version !== expectedVersion) throw stale();
  assertInterviewTransition(current.status, 'edit');
  if (patch.stageId !== undefined || patch.focusAttributeIds) {
    const role = await getRoleOrThrow(tx, (await getApplicationOrThrow(tx, current.applicationId)).roleId);
    if (patch.stageId !== undefined) checkStage(role, patch.stageId);
    checkFocus(patch.focusAttributeIds, templateForRole(role));
  }
  if (patch.interviewerIds) await checkInterviewers(tx, patch.interviewerIds);
  const scheduledAt = patch.scheduledAt !== undefined ? new Date(patch.scheduledAt).toISOString() : undefined;
  const changes = {
    kind: patch.kind,
    scheduledAt,
    final: patch.final,
    pedigreeBlind: patch.pedigreeBlind,
    interviewerIds: patch.interviewerIds ? [...patch.interviewerIds] : undefined,
    stageId: patch.stageId,
    durationMinutes: patch.durationMinutes,
    location: patch.location,
    focusAttributeIds: patch.focusAttributeIds === undefined ? undefined : patch.focusAttributeIds ? [...patch.focusAttributeIds] : null,
    notes: patch.notes?.trim(),
  };
  const changed = Object.entries(changes)
    .filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify((current as unknown as Record<string, unknown>)[k]))
    .map(([k]) => k);
  if (changed.length === 0) return current;
  const updated = await updateInterview(tx, id, expectedVersion, changes, now);
  if (!updated) throw stale();
  if (changed.some((k) => k === 'scheduledAt' || k === 'durationMinutes' || k === 'interviewerIds')) await checkOnsiteAfterChange(tx, updated);
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
  if (at.getTime() > now.getTime() + 60_000) throw new DomainError('EVENT_IN_FUTURE', 'An interview cannot be completed in the future.', 'occurredAt');
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

/** Cancels a scheduled interview under If-Match; its invites then carry STATUS:CANCELLED with a higher SEQUENCE. */
export async function cancelInterview(tx: Tx, actor: Viewer, id: string, expectedVersion: number, now: Date): Promise<InterviewRecord> {
  const current = await getVisibleInterview(tx, actor, id);
  if (current.version !== expectedVersion) throw stale();
  const status = assertInterviewTransition(current.status, 'cancel');
  const updated = await updateInterview(tx, id, current.version, { status, cancelledAt: now.toISOString() }, now);
  if (!updated) throw stale();
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
  /** The interview's scorecard template: the role's, narrowed to the interview's focus. */
  template: ScorecardTemplate;
  /** The role's whole template (the focus is a subset of it). */
  roleTemplate: ScorecardTemplate;
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
      template: interviewTemplate(templateForRole(role), interview.focusAttributeIds),
      roleTemplate: templateForRole(role),
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

/** The template a scorecard of this interview covers: only the interview's focus attributes (evaluation.md). */
async function templateOfInterview(tx: Tx, interview: InterviewRecord): Promise<ScorecardTemplate> {
  const app = await getApplicationOrThrow(tx, interview.applicationId);
  return interviewTemplate(templateForRole(await getRoleOrThrow(tx, app.roleId)), interview.focusAttributeIds);
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

/**
 * Runs a scorecard write in a transaction; a first autosave racing another (both inserting the one card) loses on
 * the unique constraint and is simply run again, now as an update.
 */
export async function writeScorecard(store: Store, work: (tx: Tx) => Promise<MyScorecard>): Promise<MyScorecard> {
  try {
    return await inTransaction(store.db, work);
  } catch (error) {
    if (!isScorecardRace(error)) throw error;
    return inTransaction(store.db, work);
  }
}

/** One card the viewer may see with its author's name (the id when the author is no longer a user). */
export async function readScorecard(tx: Tx, viewer: Viewer, id: string): Promise<{ card: ScorecardRecord; authorName: string }> {
  const { card } = await getVisibleScorecard(tx, viewer, id);
  const author = await getUser(tx, card.interviewerId);
  return { card, authorName: author?.name ?? card.interviewerId };
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
  const notFound = () => new DomainError('SCORECARD_NOT_FOUND', 'No such scorecard.', 'id');
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
    throw new DomainError('NOT_FOUND', 'No decision view is available to you for this application yet.', 'id');
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

/* ---------------------------------------------------------------- invites */

/** An .ics file: its text, a file name and the iTIP method (for the media type). */
export interface InviteFile {
  text: string;
  fileName: string;
  method: 'REQUEST' | 'CANCEL';
}

/**
 * Who sends an invite and receives the replies: the person who scheduled the interview; for interviews whose
 * scheduler is gone, the role's recruiter, then its hiring manager, then the first active owner.
 */
async function organizerOf(tx: Tx, interview: InterviewRecord, role: RoleRecord): Promise<{ name: string; email: string }> {
  for (const id of [interview.createdBy, role.recruiterId, role.hiringManagerId]) {
    const user = id ? await getUser(tx, id) : undefined;
    if (user && !user.disabled) return { name: user.name, email: user.email };
  }
  const owner = (await listUsers(tx)).find((u) => u.role === 'owner' && !u.disabled);
  if (!owner) throw new DomainError('CONFLICT', 'Nobody can organise this interview: the workspace has no active owner.');
  return { name: owner.name, email: owner.email };
}

async function inviteMaterial(tx: Tx, interviews: readonly InterviewRecord[]): Promise<{ items: InviteInterview[]; ctxOf: (i: InviteInterview) => InviteContext; timeZone: string }> {
  const company = await getCompany(tx);
  const appUrl = deliverySettingsOf(company).appUrl?.replace(/\/$/, '');
  const users = new Map((await listUsers(tx)).map((u) => [u.id, u]));
  const contexts = new Map<string, InviteContext>();
  const items: InviteInterview[] = [];
  for (const interview of interviews) {
    const app = await getApplicationOrThrow(tx, interview.applicationId);
    const role = await getRoleOrThrow(tx, app.roleId);
    const candidate = await getCandidate(tx, app.candidateId);
    if (!candidate) throw interviewNotFound();
    const template = templateForRole(role);
    items.push({
      id: interview.id,
      kind: interview.kind,
      status: interview.status,
      scheduledAt: interview.scheduledAt,
      durationMinutes: durationOf(interview),
      version: interview.version,
      updatedAt: interview.updatedAt,
      final: interview.final,
      location: interview.location,
      notes: interview.notes,
      stageName: role.processPlan.stages.find((s) => s.id === interview.stageId)?.name ?? null,
      focus: focusAttributes(template, interview.focusAttributeIds).map((a) => ({ name: a.name })),
      interviewers: interview.interviewerIds.map((id) => ({ name: users.get(id)?.name ?? 'Interviewer', email: users.get(id)?.email ?? '' })),
    });
    contexts.set(interview.id, {
      companyName: company?.name ?? 'Closer',
      roleTitle: role.title,
      candidate: { name: candidate.name, email: candidate.email },
      organizer: await organizerOf(tx, interview, role),
      ...(appUrl ? { scorecardUrl: `${appUrl}/interviews/${encodeURIComponent(interview.id)}/scorecard` } : {}),
    });
  }
  return { items, ctxOf: (i) => contexts.get(i.id)!, timeZone: company?.timeZone ?? 'UTC' };
}

function inviteFile(text: string, name: string): InviteFile {
  return { text, fileName: `${name.replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.ics`, method: /\r\nMETHOD:CANCEL\r\n/.test(text) ? 'CANCEL' : 'REQUEST' };
}

/**
 * The .ics invite of one interview for one person: `forWhom` is 'candidate', an interviewer's user id, or absent
 * for the viewer's own. An interviewer gets only their own invite of interviews they are on (404 for others'
 * interviews, 403 for someone else's invite); people with interviews.read-all get anyone's. No invite carries
 * pay; the candidate's carries no internal notes, focus or stage.
 */
export async function getInterviewInvite(tx: Tx, viewer: Viewer, id: string, forWhom: string | undefined): Promise<InviteFile> {
  const interview = await getVisibleInterview(tx, viewer, id);
  const readsAll = readsAllInterviews(viewer);
  const target = forWhom ?? viewer.id;
  if (target !== viewer.id && !readsAll) {
    throw new DomainError('FORBIDDEN', 'You can download only your own invite. Recruiters and hiring managers send the others.', 'for');
  }
  const { items, ctxOf, timeZone } = await inviteMaterial(tx, [interview]);
  const day = localDate(Date.parse(interview.scheduledAt), timeZone);
  if (target === 'candidate') {
    return inviteFile(writeInvite(items, ctxOf, { kind: 'candidate' }), `interview-${day}-${interview.kind}-candidate`);
  }
  if (!isAssigned(interview, target)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      target === viewer.id ? 'You are not on this interview. Name whose invite you want: an interviewer, or the candidate.' : 'That person is not an interviewer of this interview.',
      'for',
    );
  }
  const user = await getUser(tx, target);
  const audience: InviteAudience = { kind: 'interviewer', interviewer: { name: user?.name ?? 'Interviewer', email: user?.email ?? '' } };
  return inviteFile(writeInvite(items, ctxOf, audience), `interview-${day}-${interview.kind}`);
}

/** The candidate's invite for a whole onsite: every interview of it, one calendar file. Staff only (route). */
export async function getOnsiteInvite(tx: Tx, viewer: Viewer, onsiteId: string): Promise<InviteFile> {
  const interviews = await listInterviews(tx, { onsiteId });
  if (interviews.length === 0 || !readsAllInterviews(viewer)) throw new DomainError('ONSITE_NOT_FOUND', 'No such onsite.', 'id');
  const { items, ctxOf, timeZone } = await inviteMaterial(tx, interviews);
  const day = localDate(Date.parse(interviews[0]!.scheduledAt), timeZone);
  return inviteFile(writeInvite(items, ctxOf, { kind: 'candidate' }), `onsite-${day}-candidate`);
}
