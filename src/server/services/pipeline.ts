import { randomUUID } from 'node:crypto';
import processPlanData from '../../../data/pipeline/process-plan.json' with { type: 'json' };
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import {
  DEFAULT_CLOCK_SETTINGS,
  DEFAULT_RISK_SETTINGS,
  companyPipelineSettings,
  findDuplicateCandidates,
  parseEventInput,
  projectApplication,
  resolveClockSettings,
  resolveRiskSettings,
  type EventInput,
  type StoredTimedEvent,
  withZone,
} from '../../domain/pipeline/index.js';
import {
  getApplicationOrThrow,
  getCandidateOrThrow,
  getCompany,
  getRoleOrThrow,
  getUser,
  insertApplication,
  insertCandidate,
  insertEvent,
  insertRole,
  isUniqueViolation,
  listApplications,
  moveCandidateFiles,
  listCandidateIdentities,
  listCandidatesByIds,
  listEventsOfApplication,
  listRoles,
  lockApplication,
  nextEventSeq,
  recordAudit,
  updateApplication,
  updateCandidate,
  updateCompany,
  updateRole,
  type ApplicationEventRecord,
  type ApplicationPatch,
  type ApplicationRecord,
  type StoredCandidateIdentity,
  type CandidatePatch,
  type CandidateRecord,
  type Company,
  type CompensationRecord,
  type RoleBandRecord,
  type RolePatch,
  type RoleRecord,
  type RoleStageRecord,
  type Tx,
} from '../../storage/index.js';
import { projectAppendedEvent, projectApplicationFromEvents, reprojectForSettings } from './projections.js';

/** Who is writing: the signed-in user. */
export interface PipelineActor {
  /** Null for the public: an applicant through the job board (issue 16). */
  id: string | null;
  role: string;
}

export const DEFAULT_PROCESS_STAGES: readonly RoleStageRecord[] = processPlanData.stages.value;

/* ------------------------------------------------------------------ roles */

export interface RoleInput {
  title: string;
  description?: string | null;
  specializations?: string[];
  seniority: string;
  hiringManagerId?: string | null;
  recruiterId?: string | null;
  processPlan?: { stages: RoleStageRecord[] };
  clockOverrides?: Record<string, unknown>;
  band?: RoleBandRecord | null;
  pedigreeBlind?: boolean;
  status?: 'open' | 'closed';
}

function checkBand(band: RoleBandRecord | null | undefined): void {
  if (!band) return;
  if (band.baseMin > band.baseMax) throw new DomainError('MONEY_INVALID', 'The band minimum base is above its maximum.', 'band.baseMin');
  if (band.equityPctMin > band.equityPctMax) throw new DomainError('EQUITY_OUT_OF_RANGE', 'The band minimum equity is above its maximum.', 'band.equityPctMin');
}

async function checkRolePerson(tx: Tx, id: string | null | undefined, field: 'hiringManagerId' | 'recruiterId'): Promise<void> {
  if (id === undefined || id === null) return;
  const user = await getUser(tx, id);
  const who = field === 'hiringManagerId' ? 'hiring manager' : 'recruiter';
  if (!user || user.disabled) throw new DomainError('VALIDATION_FAILED', `The ${who} must be an active user of the workspace.`, field);
}

/** Role clock overrides must resolve over the company's settings (warning at or before critical, a time zone for business hours). */
async function checkClockOverrides(tx: Tx, overrides: Record<string, unknown> | undefined): Promise<void> {
  if (overrides === undefined) return;
  const company = await getCompany(tx);
  try {
    const companySettings = companyPipelineSettings(company?.settings);
    resolveClockSettings(DEFAULT_CLOCK_SETTINGS, withZone(companySettings.clocks, company?.timeZone), withZone(overrides, company?.timeZone));
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, error.field ? `clockOverrides.${error.field}` : 'clockOverrides');
    throw error;
  }
}

export async function createRole(tx: Tx, actor: PipelineActor, input: RoleInput, now: Date): Promise<RoleRecord> {
  checkBand(input.band);
  await checkRolePerson(tx, input.hiringManagerId, 'hiringManagerId');
  await checkRolePerson(tx, input.recruiterId, 'recruiterId');
  await checkClockOverrides(tx, input.clockOverrides);
  const role = await insertRole(
    tx,
    {
      id: randomUUID(),
      title: input.title,
      description: input.description ?? null,
      specializations: input.specializations ?? [],
      seniority: input.seniority,
      hiringManagerId: input.hiringManagerId ?? null,
      recruiterId: input.recruiterId ?? null,
      processPlan: input.processPlan ?? { stages: DEFAULT_PROCESS_STAGES.map((s) => ({ ...s })) },
      clockOverrides: input.clockOverrides ?? {},
      band: input.band ?? null,
      pedigreeBlind: input.pedigreeBlind ?? true,
      status: input.status ?? 'open',
      createdBy: actor.id,
    },
    now,
  );
  await recordAudit(tx, { actorId: actor.id, action: 'role.create', entity: 'role', entityId: role.id, fields: Object.keys(input), at: now });
  return role;
}

export async function changeRole(tx: Tx, actor: PipelineActor, id: string, expectedVersion: number, patch: RolePatch, now: Date): Promise<RoleRecord> {
  const current = await getRoleOrThrow(tx, id);
  if (current.version !== expectedVersion) throw staleVersion();
  checkBand(patch.band);
  await checkRolePerson(tx, patch.hiringManagerId, 'hiringManagerId');
  await checkRolePerson(tx, patch.recruiterId, 'recruiterId');
  await checkClockOverrides(tx, patch.clockOverrides);
  if (patch.processPlan) {
    const planned = new Set(patch.processPlan.stages.map((s) => s.id));
    const stranded = (await listApplications(tx, { roleId: id, status: 'active' })).filter((a) => !planned.has(a.stage));
    if (stranded.length > 0) {
      const stage = stranded[0]!.stage;
      const name = current.processPlan.stages.find((s) => s.id === stage)?.name ?? stage;
      const count = stranded.filter((a) => a.stage === stage).length;
      throw new DomainError(
        'VALIDATION_FAILED',
        `Stage "${name}" still has ${count === 1 ? '1 active application' : `${count} active applications`}: move ${count === 1 ? 'it' : 'them'} to another stage on the board first, then remove the stage.`,
        'processPlan.stages',
      );
    }
  }
  const changed = changedFields(current, patch);
  if (changed.length === 0) return current;
  const updated = await updateRole(tx, id, expectedVersion, patch, now, actor.id);
  if (!updated) throw staleVersion();
  // New clock targets move when the role's applications need attention (their folded states stay).
  if (changed.includes('clockOverrides')) await reprojectForSettings(tx, now, { roleId: id });
  await recordAudit(tx, { actorId: actor.id, action: 'role.update', entity: 'role', entityId: id, fields: changed, at: now });
  return updated;
}

/* ------------------------------------------------------------- candidates */

export interface CandidateInput {
  name: string;
  email: string;
  phone?: string | null;
  links?: string[];
  location?: string | null;
  currentEmployer?: string | null;
  source: string;
  passive?: boolean;
  specializations?: string[];
  productionMlYears?: number | null;
  currentCompensation?: CompensationRecord | null;
  allowDuplicate?: boolean;
}

/** A create refused because the person may already be in Closer; the route answers 409 CONFLICT with the matches. */
export class DuplicateCandidateError extends DomainError {
  constructor(
    readonly matches: CandidateRecord[],
    readonly reasons: Record<string, string[]>,
  ) {
    super('CONFLICT', 'This candidate may already exist. Merge, or send allowDuplicate: true to create anyway.', Object.values(reasons)[0]?.[0] === 'email' ? 'email' : 'name');
  }
}

export async function createCandidate(tx: Tx, actor: PipelineActor, input: CandidateInput, now: Date): Promise<CandidateRecord> {
  if (!input.allowDuplicate) {
    const existing = await listCandidateIdentities(tx);
    const matches = findDuplicates({ name: input.name, email: input.email, currentEmployer: input.currentEmployer ?? null }, existing);
    if (matches.length > 0) {
      const records = await listCandidatesByIds(tx, matches.map((m) => m.id));
      const order = new Map(matches.map((m, i) => [m.id, i]));
      records.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      throw new DuplicateCandidateError(records, Object.fromEntries(matches.map((m) => [m.id, m.reasons])));
    }
  }
  const candidate = await insertCandidate(
    tx,
    {
      id: randomUUID(),
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      links: input.links ?? [],
      location: input.location ?? null,
      currentEmployer: input.currentEmployer ?? null,
      source: input.source,
      passive: input.passive ?? false,
      specializations: input.specializations ?? [],
      productionMlYears: input.productionMlYears ?? null,
      currentCompensation: input.currentCompensation ?? null,
      createdBy: actor.id,
    },
    now,
  );
  const fields = Object.keys(input).filter((k) => k !== 'allowDuplicate');
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.create', entity: 'candidate', entityId: candidate.id, fields, at: now });
  return candidate;
}

/** The domain's duplicate rule over the stored identities: ids with the reasons each matched. */
function findDuplicates(probe: Omit<StoredCandidateIdentity, 'id'>, existing: readonly StoredCandidateIdentity[]): Array<{ id: string; reasons: string[] }> {
  const found = findDuplicateCandidates(probe, existing);
  return found.map((m) => ({ id: m.candidate.id, reasons: [...m.reasons] }));
}

export async function changeCandidate(tx: Tx, actor: PipelineActor, id: string, expectedVersion: number, patch: CandidatePatch, now: Date): Promise<CandidateRecord> {
  const current = await getCandidateOrThrow(tx, id);
  if (current.version !== expectedVersion) throw staleVersion();
  if (current.mergedIntoId) throw new DomainError('CONFLICT', `This candidate was merged into ${current.mergedIntoId}; change that record instead.`, 'id');
  const changed = changedFields(current, patch);
  if (changed.length === 0) return current;
  const updated = await updateCandidate(tx, id, expectedVersion, patch, now);
  if (!updated) throw staleVersion();
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.update', entity: 'candidate', entityId: id, fields: changed, at: now });
  return updated;
}

/**
 * Merges a duplicate into another candidate without losing history: its applications (and so their
 * events) move over, empty fields of the target are filled from it, links and specializations are
 * joined, and the duplicate stays as a record that points at the target. Refused (409
 * DUPLICATE_APPLICATION) when both have an active application for the same role: close one first.
 */
export async function mergeCandidates(tx: Tx, actor: PipelineActor, sourceId: string, intoId: string, now: Date): Promise<{ candidate: CandidateRecord; movedApplicationIds: string[] }> {
  if (sourceId === intoId) throw new DomainError('VALIDATION_FAILED', 'A candidate cannot be merged into itself.', 'intoId');
  const source = await getCandidateOrThrow(tx, sourceId);
  const target = await getCandidate404(tx, intoId);
  if (source.mergedIntoId) throw new DomainError('CONFLICT', `This candidate was already merged into ${source.mergedIntoId}.`, 'id');
  if (target.mergedIntoId) throw new DomainError('CONFLICT', `The target was merged into ${target.mergedIntoId}; merge into that one.`, 'intoId');
  if (target.archivedAt) throw new DomainError('CANDIDATE_ARCHIVED', `${target.name} is archived. Unarchive them first, then merge.`, 'intoId');

  const moving = await listApplications(tx, { candidateId: sourceId });
  const targetActiveRoles = new Set((await listApplications(tx, { candidateId: intoId, status: 'active' })).map((a) => a.roleId));
  const clash = moving.find((a) => a.status === 'active' && targetActiveRoles.has(a.roleId));
  if (clash) {
    throw new DomainError('DUPLICATE_APPLICATION', `Both candidates have an active application for role ${clash.roleId}; close one of them, then merge.`, 'intoId');
  }
  for (const app of moving) {
    const moved = await updateApplication(tx, app.id, app.version, { candidateId: intoId }, now);
    if (!moved) throw staleVersion();
    await recordAudit(tx, { actorId: actor.id, action: 'application.update', entity: 'application', entityId: app.id, fields: ['candidateId'], at: now });
  }

  const fill: CandidatePatch = {};
  if (target.phone === null && source.phone !== null) fill.phone = source.phone;
  if (target.location === null && source.location !== null) fill.location = source.location;
  if (target.currentEmployer === null && source.currentEmployer !== null) fill.currentEmployer = source.currentEmployer;
  if (target.productionMlYears === null && source.productionMlYears !== null) fill.productionMlYears = source.productionMlYears;
  if (target.currentCompensation === null && source.currentCompensation !== null) fill.currentCompensation = source.currentCompensation;
  const links = union(target.links, source.links);
  if (links.length !== target.links.length) fill.links = links;
  const specializations = union(target.specializations, source.specializations);
  if (specializations.length !== target.specializations.length) fill.specializations = specializations;
  const merged = await updateCandidate(tx, intoId, target.version, fill, now);
  if (!merged) throw staleVersion();
  const retired = await updateCandidate(tx, sourceId, source.version, { mergedIntoId: intoId }, now);
  if (!retired) throw staleVersion();
  // Their CVs belong to the person, so they follow the history to the record that stays.
  const movedFiles = await moveCandidateFiles(tx, sourceId, intoId);

  const targetFields = [...Object.keys(fill), ...(moving.length > 0 ? ['applications'] : []), ...(movedFiles > 0 ? ['files'] : []), 'mergedFrom'];
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.merge', entity: 'candidate', entityId: intoId, fields: targetFields, at: now });
  await recordAudit(tx, { actorId: actor.id, action: 'candidate.merge', entity: 'candidate', entityId: sourceId, fields: ['mergedIntoId', ...(moving.length > 0 ? ['applications'] : [])], at: now });
  return { candidate: merged, movedApplicationIds: moving.map((a) => a.id) };
}

async function getCandidate404(tx: Tx, id: string): Promise<CandidateRecord> {
  try {
    return await getCandidateOrThrow(tx, id);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('CANDIDATE_NOT_FOUND', 'No such candidate to merge into.', 'intoId');
    throw error;
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/* ----------------------------------------------------------- applications */

export interface ApplicationInput {
  candidateId: string;
  roleId: string;
  stage?: string;
  labels?: string[];
}

function checkStage(role: RoleRecord, stage: string, field: string): void {
  if (!role.processPlan.stages.some((s) => s.id === stage)) {
    throw new DomainError('VALIDATION_FAILED', `"${stage}" is not a stage of this role's process (${role.processPlan.stages.map((s) => s.id).join(', ')}).`, field);
  }
}

export async function createApplication(tx: Tx, actor: PipelineActor, input: ApplicationInput, now: Date): Promise<ApplicationRecord> {
  const candidate = await getCandidateOrThrow(tx, input.candidateId).catch(asField('candidateId'));
  const role = await getRoleOrThrow(tx, input.roleId).catch(asField('roleId'));
  if (candidate.mergedIntoId) throw new DomainError('CONFLICT', `This candidate was merged into ${candidate.mergedIntoId}; use that record.`, 'candidateId');
  if (candidate.archivedAt) throw candidateArchived(candidate);
  if (role.status !== 'open') throw new DomainError('CONFLICT', 'This role is closed; reopen it to add applications.', 'roleId');
  const stage = input.stage ?? role.processPlan.stages[0]!.id;
  checkStage(role, stage, 'stage');
  const existing = await listApplications(tx, { candidateId: candidate.id, roleId: role.id, status: 'active' });
  if (existing.length > 0) throw duplicateApplication();
  let app: ApplicationRecord;
  try {
    app = await insertApplication(
      tx,
      { id: randomUUID(), candidateId: candidate.id, roleId: role.id, stage, status: 'active', lossReason: null, labels: input.labels ?? [], closedAt: null, createdBy: actor.id },
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateApplication();
    throw error;
  }
  await projectApplicationFromEvents(tx, app.id, now);
  await recordAudit(tx, { actorId: actor.id, action: 'application.create', entity: 'application', entityId: app.id, fields: Object.keys(input), at: now });
  return app;
}

function candidateArchived(candidate: Pick<CandidateRecord, 'name'>): DomainError {
  return new DomainError('CANDIDATE_ARCHIVED', `${candidate.name} is archived. Unarchive them first.`, 'candidateId');
}

/** A reopened application is active again: its role must be open and its candidate not archived. */
async function checkReopen(tx: Tx, app: ApplicationRecord, role: RoleRecord): Promise<void> {
  if (role.status !== 'open') throw new DomainError('CONFLICT', 'This role is closed; reopen the role first.', 'status');
  const candidate = await getCandidateOrThrow(tx, app.candidateId);
  if (candidate.archivedAt) throw new DomainError('CANDIDATE_ARCHIVED', `${candidate.name} is archived. Unarchive them first.`, 'status');
}

function duplicateApplication(): DomainError {
  return new DomainError('DUPLICATE_APPLICATION', 'This candidate already has an active application for this role.', 'candidateId');
}

function asField(field: string) {
  return (error: unknown): never => {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, field);
    throw error;
  };
}

export interface ApplicationChange {
  stage?: string;
  status?: 'active' | 'hired' | 'lost' | 'withdrawn';
  lossReason?: string | null;
  labels?: string[];
  /** Why it was closed or reopened: goes into the application.closed / application.reopened event. */
  note?: string;
}

/**
 * PATCH of an application under If-Match. Stage and status are projections of the history, so a change
 * to them is also appended as an event (stage.changed, application.closed, application.reopened), and the
 * clocks see it. Reopening (status `active` on a closed application, optionally at another stage) needs an
 * open role and a candidate who is not archived; a closed application's stage changes only by reopening it.
 */
export async function changeApplication(
  tx: Tx,
  actor: PipelineActor,
  id: string,
  expectedVersion: number,
  change: ApplicationChange,
  now: Date,
): Promise<ApplicationRecord> {
  const current = await getApplicationOrThrow(tx, id);
  if (current.version !== expectedVersion) throw staleVersion();
  const role = await getRoleOrThrow(tx, current.roleId);
  const patch: ApplicationPatch = {};
  const events: unknown[] = [];
  const note = change.note !== undefined ? { note: change.note } : {};
  const nextStage = change.stage ?? current.stage;
  if (change.stage !== undefined) checkStage(role, change.stage, 'stage');
  const nextStatus = change.status ?? current.status;
  const reopening = current.status !== 'active' && nextStatus === 'active';
  if (reopening) {
    await checkReopen(tx, current, role);
    checkStage(role, nextStage, 'stage');
    if (nextStage !== current.stage) patch.stage = nextStage;
    Object.assign(patch, { status: 'active', lossReason: null, closedAt: null });
    events.push({ type: 'application.reopened', data: { stage: nextStage, ...note } });
  } else if (nextStage !== current.stage) {
    if (current.status !== 'active') throw new DomainError('CONFLICT', 'This application is closed. Reopen it to change its stage.', 'stage');
    patch.stage = nextStage;
    events.push({ type: 'stage.changed', data: { from: current.stage, to: nextStage } });
  }
  if (nextStatus !== 'active') {
    const lossReason = change.lossReason !== undefined ? change.lossReason : nextStatus === current.status ? current.lossReason : null;
    if (nextStatus !== current.status || lossReason !== current.lossReason) {
      const data: Record<string, unknown> = { status: nextStatus, ...note };
      if (lossReason !== null && nextStatus !== 'hired') data.lossReason = lossReason;
      if (lossReason !== null && nextStatus === 'hired') throw new DomainError('VALIDATION_FAILED', 'A hired application has no loss reason.', 'lossReason');
      events.push({ type: 'application.closed', data });
      Object.assign(patch, { status: nextStatus, lossReason, closedAt: nextStatus !== current.status ? now.toISOString() : current.closedAt });
    }
  } else if (change.lossReason !== undefined && change.lossReason !== null) {
    throw new DomainError('VALIDATION_FAILED', 'Only a lost or withdrawn application has a loss reason.', 'lossReason');
  }
  if (change.note !== undefined && !events.some((e) => ['application.closed', 'application.reopened'].includes((e as { type: string }).type))) {
    throw new DomainError('VALIDATION_FAILED', 'A note goes with closing or reopening the application.', 'note');
  }
  if (change.labels !== undefined && !sameList(change.labels, current.labels)) patch.labels = change.labels;
  // Validate every event before anything is written: the domain's rules, with field names of this body.
  const parsed = events.map((e) => {
    try {
      return parseEventInput(e, now);
    } catch (error) {
      if (error instanceof DomainError && error.field?.startsWith('data.')) throw new DomainError(error.code, error.message, error.field.slice(5));
      throw error;
    }
  });
  const changed = Object.keys(patch).filter((k) => k !== 'closedAt');
  if (changed.length === 0) return current;
  let updated: ApplicationRecord | undefined;
  try {
    updated = await updateApplication(tx, id, expectedVersion, patch, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateApplication();
    throw error;
  }
  if (!updated) throw staleVersion();
  for (const e of parsed) await appendParsedEvent(tx, actor, id, e, now);
  await recordAudit(tx, { actorId: actor.id, action: 'application.update', entity: 'application', entityId: id, fields: changed, at: now });
  return updated;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/* ----------------------------------------------------------------- events */

/** Event types that can change an application's stage or status. */
const PROJECTED_TYPES = new Set(['stage.changed', 'application.closed', 'application.reopened', 'offer.accepted', 'candidate.withdrew']);

async function appendParsedEvent(tx: Tx, actor: PipelineActor, applicationId: string, input: EventInput, now: Date): Promise<ApplicationEventRecord> {
  const event = await insertEvent(tx, {
    id: randomUUID(),
    applicationId,
    seq: await nextEventSeq(tx, applicationId),
    type: input.type,
    occurredAt: input.occurredAt,
    recordedAt: now.toISOString(),
    actorId: actor.id,
    data: input.data,
  });
  await projectAppendedEvent(tx, event, now);
  const fields = ['type', 'occurredAt', ...Object.keys(input.data as object).map((k) => `data.${k}`)];
  await recordAudit(tx, { actorId: actor.id, action: 'event.append', entity: 'application_event', entityId: event.id, fields, at: now });
  return event;
}

/**
 * Appends one event to an application's history (validated by the domain: known type, not in the future,
 * data matching the type). Stage and status are then re-derived from the whole history, so a back-dated
 * event does not override a later one. Appends to one application are serialised by its row lock.
 */
export async function appendEvent(
  tx: Tx,
  actor: PipelineActor,
  applicationId: string,
  body: unknown,
  now: Date,
): Promise<{ event: ApplicationEventRecord; application: ApplicationRecord }> {
  if (!(await lockApplication(tx, applicationId))) throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', 'id');
  const input = parseEventInput(body, now);
  if (input.type === 'event.retracted') {
    throw new DomainError('EVENT_TYPE_INVALID', 'event.retracted is recorded by Undo on Today; it cannot be appended directly.', 'type');
  }
  const app = await getApplicationOrThrow(tx, applicationId);
  if (input.type === 'stage.changed') {
    const role = await getRoleOrThrow(tx, app.roleId);
    checkStage(role, input.data.to, 'data.to');
    // A stage change on a closed application reopens it (older clients do this): the same checks as a reopening.
    if (app.status !== 'active') await checkReopen(tx, app, role);
  }
  if (input.type === 'application.reopened') {
    if (app.status === 'active') throw new DomainError('APPLICATION_NOT_CLOSED', 'This application is open; only a closed application can be reopened.', 'type');
    const role = await getRoleOrThrow(tx, app.roleId);
    checkStage(role, input.data.stage, 'data.stage');
    await checkReopen(tx, app, role);
  }
  const event = await appendParsedEvent(tx, actor, applicationId, input, now);
  if (!PROJECTED_TYPES.has(input.type)) return { event, application: app };
  const history = await listEventsOfApplication(tx, applicationId);
  const projection = projectApplication(app, history as readonly StoredTimedEvent[], new Date(Math.max(now.getTime(), Date.parse(input.occurredAt))));
  const patch: ApplicationPatch = {};
  for (const k of ['stage', 'status', 'lossReason', 'closedAt'] as const) if (projection[k] !== app[k]) (patch as Record<string, unknown>)[k] = projection[k];
  const changed = Object.keys(patch);
  if (changed.length === 0) return { event, application: app };
  let updated: ApplicationRecord | undefined;
  try {
    updated = await updateApplication(tx, applicationId, app.version, patch, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateApplication();
    throw error;
  }
  if (!updated) throw staleVersion();
  await recordAudit(tx, { actorId: actor.id, action: 'application.update', entity: 'application', entityId: applicationId, fields: changed.filter((k) => k !== 'closedAt'), at: now });
  return { event, application: updated };
}

/**
 * Takes back one event of an application by appending event.retracted (events are never edited or deleted); the
 * rules then read the history as if that event had never been recorded. Used by Undo on Today. Refused (409
 * CONFLICT) for a retraction, for an event already taken back, and for events that project onto the
 * application's stage or status (those are changed with a PATCH, which records its own event).
 */
export async function retractEvent(tx: Tx, actor: PipelineActor, applicationId: string, eventId: string, now: Date): Promise<ApplicationEventRecord> {
  if (!(await lockApplication(tx, applicationId))) throw new DomainError('APPLICATION_NOT_FOUND', 'No such application.', 'applicationId');
  const history = await listEventsOfApplication(tx, applicationId);
  const target = history.find((e) => e.id === eventId);
  if (!target) throw new DomainError('EVENT_NOT_FOUND', 'No such event on this application.', 'eventId');
  if (target.type === 'event.retracted' || PROJECTED_TYPES.has(target.type)) {
    throw new DomainError('CONFLICT', `A ${target.type} event cannot be taken back; change the application instead.`, 'eventId');
  }
  if (history.some((e) => e.type === 'event.retracted' && e.data.eventId === eventId)) throw new DomainError('CONFLICT', 'This event was already taken back.', 'eventId');
  return appendParsedEvent(tx, actor, applicationId, parseEventInput({ type: 'event.retracted', data: { eventId } }, now), now);
}

/* --------------------------------------------------------------- settings */

export interface PipelineSettingsInput {
  clocks?: Record<string, unknown>;
  risk?: Record<string, unknown>;
}

/**
 * Replaces the company's pipeline settings (`companies.settings.pipeline`: clock and risk overrides) after
 * checking that they resolve, and that every role's clock overrides still resolve over them. Optimistic on
 * the company version: a concurrent change answers 409 CONFLICT instead of losing either write.
 */
export async function putPipelineSettings(tx: Tx, actor: PipelineActor, input: PipelineSettingsInput, now: Date): Promise<Company> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_SET_UP', 'Set up the workspace first.');
  const prefixed = (prefix: string, run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, error.field ? `${prefix}.${error.field}` : prefix);
      throw error;
    }
  };
  const clocks = withZone(input.clocks, company.timeZone);
  prefixed('clocks', () => resolveClockSettings(DEFAULT_CLOCK_SETTINGS, clocks));
  prefixed('risk', () => resolveRiskSettings(DEFAULT_RISK_SETTINGS, input.risk));
  for (const role of await listRoles(tx)) {
    if (Object.keys(role.clockOverrides).length === 0) continue;
    prefixed('clocks', () => resolveClockSettings(DEFAULT_CLOCK_SETTINGS, clocks, withZone(role.clockOverrides, company.timeZone)));
  }
  const value: Record<string, unknown> = {};
  if (input.clocks !== undefined) value.clocks = input.clocks;
  if (input.risk !== undefined) value.risk = input.risk;
  const updated = await updateCompany(tx, company.id, company.version, { settings: { ...company.settings, pipeline: value } }, now);
  if (!updated) throw new DomainError('CONFLICT', 'The company settings changed meanwhile. Try again.');
  await reprojectForSettings(tx, now);
  await recordAudit(tx, { actorId: actor.id, action: 'company.update', entity: 'company', entityId: company.id, fields: ['settings.pipeline'], at: now });
  return updated;
}

/* ----------------------------------------------------------------- shared */

function staleVersion(): DomainError {
  return preconditionFailed();
}

/** Names of the fields a patch really changes (for the audit log: names, never values). */
function changedFields<T extends object>(current: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter((k) => {
    const next = (patch as Record<string, unknown>)[k];
    return next !== undefined && JSON.stringify(next) !== JSON.stringify((current as Record<string, unknown>)[k]);
  });
}

