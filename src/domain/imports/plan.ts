// What an import will do, decided before anything is written: which records are created, which merge into an
// existing candidate (same e-mail), which are skipped (already imported: same system and external id), the events
// each application's history becomes, and every problem. The dry run shows this plan; the real run writes it. Pure:
// the service passes in what the database already holds.
import { CLOCK_SKEW_TOLERANCE_MS, parseEventInput, safeParseEventInput, type EventInput } from '../pipeline/events.js';
import type { CandidateSource, LossReason } from '../pipeline/lists.js';
import type { OfferStatus } from '../offers/lists.js';
import { sourcePlaceOf, type ImportBatch, type ImportProblem, type ImportedApplication, type ImportedCandidate, type ImportedFeedback, type ImportedInterview, type ImportedOffer, type ImportedOfferApproval, type ImportedRole, type ImportSystem } from './canonical.js';
import { isWithdrawalReason, mapCandidateSource, mapLossReason, stageKey, stageNamesOf, type CloserStage, type StageMapping } from './registry.js';

export const IMPORT_ENTITIES = ['roles', 'candidates', 'applications', 'stageChanges', 'feedback', 'notes', 'interviews', 'offers', 'users'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export interface ImportCounts {
  create: number;
  merge: number;
  skip: number;
}

/** The dry run's answer, and (with the counts of what was written) the final report. */
export interface ImportReport {
  system: ImportSystem;
  counts: Record<ImportEntity, ImportCounts>;
  /** Every stage name of the source with the Closer stage it maps to (null: the user must choose). */
  /** Each imported stage (with its on-screen name when its name is an id) and the Closer stage it goes to. */
  stages: Array<{ name: string; label?: string; mappedTo: string | null }>;
  problems: ImportProblem[];
  errors: number;
  warnings: number;
}

/** What the database holds already: the links of earlier imports and the candidates by normalised e-mail. */
export interface ImportLookups {
  links: Record<'roles' | 'candidates' | 'applications' | 'feedback' | 'notes' | 'interviews' | 'offers', ReadonlyMap<string, string>>;
  candidatesByEmail: ReadonlyMap<string, string>;
}

export interface PlannedRole {
  id: string;
  source: ImportedRole;
  status: 'open' | 'closed';
}

export interface PlannedCandidate {
  id: string;
  source: ImportedCandidate;
  candidateSource: CandidateSource;
}

export interface PlannedApplication {
  id: string;
  source: ImportedApplication;
  candidateId: string;
  roleId: string;
  stage: string;
  status: 'active' | 'hired' | 'lost' | 'withdrawn';
  lossReason: LossReason | null;
  closedAt: string | null;
  /** When its first event happened (its creation, or the first event of its own timeline), epoch ms. */
  firstAt: number;
}

export interface PlannedFeedback {
  id: string;
  source: ImportedFeedback;
  applicationId: string;
}

/** An interview of another system as a Closer interview (without interviewers: theirs are not Closer's users). */
export interface PlannedInterview {
  id: string;
  source: ImportedInterview;
  applicationId: string;
  kind: string;
  scheduledAt: string;
  durationMinutes: number | null;
  status: 'scheduled' | 'completed' | 'cancelled';
  completedAt: string | null;
}

export interface PlannedOfferVersion {
  version: number;
  createdAt: string;
  sentAt: string | null;
  startDate: string | null;
  /** Whole units of `currency`; both null when the source had no amount Closer can keep as money. */
  base: number | null;
  currency: string | null;
  otherTerms: Record<string, string>;
}

/** An offer of another system with its versions and approvals, in Closer's offer words. */
export interface PlannedOffer {
  id: string;
  source: ImportedOffer;
  applicationId: string;
  status: OfferStatus;
  draftedAt: string;
  sentAt: string | null;
  resolvedAt: string | null;
  versions: PlannedOfferVersion[];
  approvals: ImportedOfferApproval[];
}

export interface ImportPlan {
  report: ImportReport;
  roles: PlannedRole[];
  candidates: PlannedCandidate[];
  /** Imported candidates that are existing Closer candidates (same e-mail): linked, never overwritten. */
  merges: Array<{ externalId: string; candidateId: string }>;
  applications: PlannedApplication[];
  feedback: PlannedFeedback[];
  /** Note external ids written as note events (their links). */
  notes: Array<{ externalId: string; applicationId: string }>;
  interviews: PlannedInterview[];
  offers: PlannedOffer[];
  /** How many events the planned applications will be written with, in all (for progress). */
  eventCount: number;
  /**
   * An application's events, oldest first, validated by the pipeline domain: its history, its notes, interviews and
   * offers. Built when asked (the writer asks chunk by chunk), so the events of all applications are never held at
   * once; the same application always gives the same events.
   */
  eventsOf: (application: PlannedApplication) => EventInput[];
}

export interface PlanOptions {
  stages: readonly CloserStage[];
  mapping: StageMapping;
  now: Date;
  newId: () => string;
}

const NOTE_MAX = 10_000;

function zeroCounts(): Record<ImportEntity, ImportCounts> {
  return Object.fromEntries(IMPORT_ENTITIES.map((e) => [e, { create: 0, merge: 0, skip: 0 }])) as Record<ImportEntity, ImportCounts>;
}

/** The plan of an import; never throws on bad input (every fault is a problem in its report). */
export function planImport(batch: ImportBatch, lookups: ImportLookups, options: PlanOptions): ImportPlan {
  const { stages, mapping, now, newId } = options;
  const counts = zeroCounts();
  const problems: ImportProblem[] = [...batch.problems];
  const warn = (p: Omit<ImportProblem, 'severity'>) => problems.push({ severity: 'warning', ...p });
  const stageIds = new Set(stages.map((s) => s.id));
  const firstStage = stages[0]?.id ?? 'sourced';
  // Events of notes, interviews and offers, per planned application id (only applications that have any).
  const extras = new Map<string, EventInput[]>();
  const addEvent = (target: PlannedApplication, event: EventInput) => {
    const list = extras.get(target.id);
    if (list) list.push(event);
    else extras.set(target.id, [event]);
    plan.eventCount++;
  };
  const plan: ImportPlan = { report: undefined as unknown as ImportReport, roles: [], candidates: [], merges: [], applications: [], feedback: [], notes: [], interviews: [], offers: [], eventCount: 0, eventsOf: () => [] };

  // Roles.
  const roleIds = new Map<string, string>();
  for (const role of batch.roles) {
    if (roleIds.has(role.externalId)) continue;
    const linked = lookups.links.roles.get(role.externalId);
    if (linked !== undefined) {
      roleIds.set(role.externalId, linked);
      counts.roles.skip++;
      continue;
    }
    const id = newId();
    roleIds.set(role.externalId, id);
    plan.roles.push({ id, source: role, status: role.status === 'closed' ? 'closed' : 'open' });
    counts.roles.create++;
  }

  // Candidates: skipped when imported before, merged when the e-mail is already in Closer (or earlier in this batch).
  const firstApplication = new Map<string, ImportedApplication>();
  for (const a of batch.applications) if (!firstApplication.has(a.candidateExternalId)) firstApplication.set(a.candidateExternalId, a);
  const candidateIds = new Map<string, string>();
  const newByEmail = new Map<string, string>();
  for (const c of batch.candidates) {
    if (candidateIds.has(c.externalId)) continue;
    const linked = lookups.links.candidates.get(c.externalId);
    if (linked !== undefined) {
      candidateIds.set(c.externalId, linked);
      counts.candidates.skip++;
      continue;
    }
    const email = c.email?.trim().toLowerCase();
    const existing = email ? (lookups.candidatesByEmail.get(email) ?? newByEmail.get(email)) : undefined;
    if (existing !== undefined) {
      candidateIds.set(c.externalId, existing);
      plan.merges.push({ externalId: c.externalId, candidateId: existing });
      counts.candidates.merge++;
      continue;
    }
    const id = newId();
    candidateIds.set(c.externalId, id);
    if (email) newByEmail.set(email, id);
    const first = firstApplication.get(c.externalId);
    plan.candidates.push({ id, source: c, candidateSource: mapCandidateSource(first?.sourceName ?? c.sourceName, first?.referrerName) });
    counts.candidates.create++;
  }

  // Applications and their histories.
  const stageNameOf = new Map(batch.stages.map((s) => [s.externalId, s.name]));
  const applicationIds = new Map<string, string>();
  const activePairs = new Set<string>();
  const latest = now.getTime() + CLOCK_SKEW_TOLERANCE_MS;
  const historyContext = { stageNameOf, mapping, stageIds, firstStage, latest, now };
  for (const a of batch.applications) {
    const at = { recordId: a.externalId };
    if (applicationIds.has(a.externalId)) continue;
    const linked = lookups.links.applications.get(a.externalId);
    if (linked !== undefined) {
      applicationIds.set(a.externalId, linked);
      counts.applications.skip++;
      continue;
    }
    if (a.roleExternalId === undefined) {
      warn({ code: a.prospect ? 'prospect-without-job' : 'missing-reference', message: `Application ${a.externalId} has no job; ${a.prospect ? 'prospects without a job are' : 'it is'} not imported.`, ...at, field: 'roleExternalId' });
      counts.applications.skip++;
      continue;
    }
    const roleId = roleIds.get(a.roleExternalId) ?? lookups.links.roles.get(a.roleExternalId);
    const candidateId = candidateIds.get(a.candidateExternalId) ?? lookups.links.candidates.get(a.candidateExternalId);
    if (roleId === undefined || candidateId === undefined) {
      const what = roleId === undefined ? `job ${a.roleExternalId}` : `candidate ${a.candidateExternalId}`;
      warn({ code: 'missing-reference', message: `Application ${a.externalId} refers to ${what}, which is not in the files; it is not imported.`, ...at, field: roleId === undefined ? 'roleExternalId' : 'candidateExternalId' });
      counts.applications.skip++;
      continue;
    }
    const built = withOwnTimeline(a, buildHistory(a, { ...historyContext, warn }), mapping, now, NO_RENAMES);
    if (!built) {
      counts.applications.skip++;
      continue;
    }
    const pair = `${candidateId}|${roleId}`;
    if (built.status === 'active') {
      if (activePairs.has(pair)) {
        warn({ code: 'duplicate-application', message: `Application ${a.externalId} is a second open application of the same candidate for the same job; it is not imported.`, ...at });
        counts.applications.skip++;
        continue;
      }
      activePairs.add(pair);
    }
    const id = newId();
    applicationIds.set(a.externalId, id);
    const { events, ...decided } = built;
    plan.applications.push({ id, source: a, candidateId, roleId, ...decided, firstAt: Date.parse(events[0]!.occurredAt) });
    plan.eventCount += events.length;
    counts.applications.create++;
    counts.stageChanges.create += events.filter((e) => e.type === 'stage.changed').length;
  }

  // Notes become note events of their application; notes about a person only have no place in Closer yet.
  const planned = new Map(plan.applications.map((p) => [p.id, p]));
  for (const n of batch.notes) {
    if (lookups.links.notes.has(n.externalId)) {
      counts.notes.skip++;
      continue;
    }
    const applicationId = n.applicationExternalId !== undefined ? applicationIds.get(n.applicationExternalId) : undefined;
    const target = applicationId !== undefined ? planned.get(applicationId) : undefined;
    const text = n.body.trim().slice(0, NOTE_MAX);
    if (!target || text === '' || Date.parse(n.createdAt) > latest || Number.isNaN(Date.parse(n.createdAt))) {
      counts.notes.skip++;
      if (!target && n.applicationExternalId === undefined) continue;
      warn({ code: target ? 'bad-note' : 'missing-reference', message: target ? `Note ${n.externalId} is empty or has a time Closer cannot use; it is not imported.` : `Note ${n.externalId} refers to application ${n.applicationExternalId ?? ''}, which is not imported now.`, recordId: n.externalId });
      continue;
    }
    addEvent(target, parseEventInput({ type: 'note', occurredAt: n.createdAt, data: { text } }, now));
    plan.notes.push({ externalId: n.externalId, applicationId: target.id });
    counts.notes.create++;
  }
  const personNotes = batch.notes.filter((n) => n.applicationExternalId === undefined && !lookups.links.notes.has(n.externalId)).length;
  if (personNotes > 0) warn({ code: 'notes-not-imported', message: `${personNotes} notes about a person rather than an application are not imported: Closer keeps notes on applications.` });

  // Interviews and offers join the application they belong to, with the events Closer's own record, at their times.
  const ownerOf = (kind: string, r: ImportedInterview | ImportedOffer, counted: ImportCounts): PlannedApplication | undefined => {
    const applicationId = applicationIds.get(r.applicationExternalId);
    const target = applicationId !== undefined ? planned.get(applicationId) : undefined;
    if (target) return target;
    counted.skip++;
    const why = applicationId === undefined ? 'which is not imported now' : 'which was imported before; interviews and offers come in with their application';
    warn({ code: 'missing-reference', message: `${kind} ${r.externalId} belongs to application ${r.applicationExternalId}, ${why}; it is not imported.`, ...placeOf(r), field: 'applicationExternalId' });
    return undefined;
  };
  const interviewSeen = new Set<string>();
  for (const i of batch.interviews) {
    if (lookups.links.interviews.has(i.externalId) || interviewSeen.has(i.externalId)) {
      counts.interviews.skip++;
      continue;
    }
    interviewSeen.add(i.externalId);
    const target = ownerOf('Interview', i, counts.interviews);
    if (!target) continue;
    const planned = planInterview(i, target, { newId, now, latest, warn, addEvent });
    if (!planned) {
      counts.interviews.skip++;
      continue;
    }
    plan.interviews.push(planned);
    counts.interviews.create++;
  }
  const offerSeen = new Set<string>();
  for (const o of batch.offers) {
    if (lookups.links.offers.has(o.externalId) || offerSeen.has(o.externalId)) {
      counts.offers.skip++;
      continue;
    }
    offerSeen.add(o.externalId);
    const target = ownerOf('Offer', o, counts.offers);
    if (!target) continue;
    const planned = planOffer(o, target, { newId, now, latest, warn, addEvent });
    if (!planned) {
      counts.offers.skip++;
      continue;
    }
    plan.offers.push(planned);
    counts.offers.create++;
  }
  // The events are built again when written: the same history (its problems were reported above), then the notes',
  // interviews' and offers' events in the order they were planned, all in time order (a stable sort).
  // A Closer export's timelines name its interviews and offers by their old ids: they are renamed to the new records.
  const renamed = new Map<string, string>();
  if (batch.applications.some((a) => (a.events?.length ?? 0) > 0)) for (const r of [...plan.interviews, ...plan.offers]) renamed.set(r.source.externalId, r.id);
  plan.eventsOf = eventsBuilder(historyContext, extras, renamed);

  // Imported feedback: kept as it was written, apart from Closer's own scores.
  for (const f of batch.feedback) {
    if (lookups.links.feedback.has(f.externalId)) {
      counts.feedback.skip++;
      continue;
    }
    const applicationId = applicationIds.get(f.applicationExternalId);
    if (applicationId === undefined || !planned.has(applicationId)) {
      counts.feedback.skip++;
      if (applicationId === undefined) warn({ code: 'missing-reference', message: `Feedback ${f.externalId} refers to application ${f.applicationExternalId}, which is not imported now.`, recordId: f.externalId, field: 'applicationExternalId' });
      continue;
    }
    plan.feedback.push({ id: newId(), source: f, applicationId });
    counts.feedback.create++;
  }

  // Users of the other system are not made Closer users: people are invited, never imported.
  counts.users.skip = batch.users.length;

  const names = stageNamesOf(batch);
  const labels = new Map(batch.stages.filter((s) => s.label !== undefined).map((s) => [stageKey(s.name), s.label!]));
  const errors = problems.filter((p) => p.severity === 'error').length;
  plan.report = {
    system: batch.system,
    counts,
    stages: names.map((name) => {
      const id = mapping[stageKey(name)];
      const label = labels.get(stageKey(name));
      return { name, ...(label !== undefined ? { label } : {}), mappedTo: id !== undefined && stageIds.has(id) ? id : null };
    }),
    problems,
    errors,
    warnings: problems.length - errors,
  };
  return plan;
}

/** While planning, only the stages and the count of an application's events matter, not the ids they name. */
const NO_RENAMES: ReadonlyMap<string, string> = new Map();

/**
 * The plan's `eventsOf`, made outside `planImport` so that it keeps only what it needs alive (a closure made inside
 * would keep the plan's id maps too, for as long as the plan is being written).
 */
function eventsBuilder(context: Omit<HistoryContext, 'warn'>, extras: ReadonlyMap<string, EventInput[]>, renamed: ReadonlyMap<string, string>): (p: PlannedApplication) => EventInput[] {
  const quiet = () => {};
  return (p) => {
    const built = withOwnTimeline(p.source, buildHistory(p.source, { ...context, warn: quiet }), context.mapping, context.now, renamed);
    const events = [...(built?.events ?? []), ...(extras.get(p.id) ?? [])];
    return events.sort((x, y) => Date.parse(x.occurredAt) - Date.parse(y.occurredAt));
  };
}

interface HistoryContext {
  stageNameOf: ReadonlyMap<string, string>;
  mapping: StageMapping;
  stageIds: ReadonlySet<string>;
  firstStage: string;
  latest: number;
  now: Date;
  warn: (p: Omit<ImportProblem, 'severity'>) => void;
}

type BuiltHistory = Pick<PlannedApplication, 'stage' | 'status' | 'lossReason' | 'closedAt'> & { events: EventInput[] };

/**
 * An application's history as Closer events: received at its creation, each stage it entered at the time it entered
 * it (mapped; repeats of the same Closer stage dropped), closed when it was rejected, withdrawn or hired. Times out of
 * order are put in order and said so; a time in the future or unreadable skips the application.
 */
function buildHistory(a: ImportedApplication, ctx: HistoryContext): BuiltHistory | undefined {
  const at = { recordId: a.externalId };
  const created = Date.parse(a.createdAt);
  if (Number.isNaN(created) || created > ctx.latest) {
    ctx.warn({ code: 'bad-time', message: `Application ${a.externalId} was created at "${a.createdAt}", which is not a past time; it is not imported.`, ...at, field: 'createdAt' });
    return undefined;
  }
  const changes: Array<{ t: number; stage: string }> = [];
  let outOfOrder = false;
  let early = false;
  let previous = -Infinity;
  for (const change of a.stageHistory) {
    const t = Date.parse(change.at);
    if (Number.isNaN(t) || t > ctx.latest) {
      ctx.warn({ code: 'bad-time', message: `Application ${a.externalId} entered a stage at "${change.at}", which is not a past time; it is not imported.`, ...at, field: 'stageHistory' });
      return undefined;
    }
    const name = ctx.stageNameOf.get(change.stageExternalId);
    if (name === undefined) {
      ctx.warn({ code: 'missing-reference', message: `Application ${a.externalId} entered stage ${change.stageExternalId}, which is not among the stages in the files; that step is left out.`, ...at, field: 'stageHistory' });
      continue;
    }
    const stage = ctx.mapping[stageKey(name)];
    if (stage === undefined || !ctx.stageIds.has(stage)) continue; // unmapped: the report lists the stage for the review
    if (t < previous) outOfOrder = true;
    previous = Math.max(previous, t);
    if (t < created) early = true;
    changes.push({ t: Math.max(t, created), stage });
  }
  if (outOfOrder) ctx.warn({ code: 'out-of-order', message: `Application ${a.externalId} has stage changes out of time order; they are imported in time order.`, ...at, field: 'stageHistory' });
  if (early) {
    ctx.warn({ code: 'out-of-order', message: `Application ${a.externalId} entered a stage before it was created; that stage counts from its creation.`, ...at, field: 'stageHistory' });
  }
  changes.sort((x, y) => x.t - y.t);

  const events: EventInput[] = [];
  const iso = (t: number) => new Date(t).toISOString();
  const source = mapCandidateSource(a.sourceName, a.referrerName);
  events.push(parseEventInput({ type: 'application.received', occurredAt: iso(created), data: { source } }, ctx.now));
  let stage = ctx.firstStage;
  let last = created;
  for (const c of changes) {
    if (c.stage === stage) continue;
    events.push(parseEventInput({ type: 'stage.changed', occurredAt: iso(c.t), data: { from: stage, to: c.stage } }, ctx.now));
    stage = c.stage;
    last = c.t;
  }
  if (a.status === 'active') return { stage, status: 'active', lossReason: null, closedAt: null, events };

  let closed = a.closedAt !== undefined ? Date.parse(a.closedAt) : last;
  if (Number.isNaN(closed) || closed > ctx.latest) {
    ctx.warn({ code: 'bad-time', message: `Application ${a.externalId} was closed at "${a.closedAt ?? ''}", which is not a past time; it is not imported.`, ...at, field: 'closedAt' });
    return undefined;
  }
  if (closed < last) {
    ctx.warn({ code: 'out-of-order', message: `Application ${a.externalId} was closed before its last stage change; it is closed at that change instead.`, ...at, field: 'closedAt' });
    closed = last;
  }
  const status: 'hired' | 'lost' | 'withdrawn' = a.status === 'hired' ? 'hired' : a.status === 'withdrawn' || isWithdrawalReason(a.rejectionReason) ? 'withdrawn' : 'lost';
  const lossReason: LossReason | null = status === 'hired' ? null : mapLossReason(a.rejectionReason);
  const data = status === 'hired' ? { status } : { status, lossReason };
  events.push(parseEventInput({ type: 'application.closed', occurredAt: iso(closed), data }, ctx.now));
  return { stage, status, lossReason, closedAt: iso(closed), events };
}

/**
 * A Closer export's application keeps its own timeline (notes, contacts, interviews, offers' events), its stages
 * renamed through the mapping, so clocks and risks read the same history after the import as before it. Events
 * Closer would refuse are left out; the stage, status and close come from the history built from the stage changes.
 */
function withOwnTimeline(a: ImportedApplication, built: BuiltHistory | undefined, mapping: StageMapping, now: Date, renamed: ReadonlyMap<string, string>): BuiltHistory | undefined {
  if (!built || !a.events || a.events.length === 0) return built;
  const mapStage = (v: unknown) => (typeof v === 'string' ? (mapping[stageKey(v)] ?? v) : v);
  const events: EventInput[] = [];
  for (const e of a.events) {
    if (e.type === 'event.retracted') continue;
    const data: Record<string, unknown> = { ...e.data };
    for (const k of ['from', 'to', 'stage']) if (k in data) data[k] = mapStage(data[k]);
    for (const k of ['interviewId', 'offerId']) if (typeof data[k] === 'string') data[k] = renamed.get(data[k]) ?? data[k];
    const parsed = safeParseEventInput({ type: e.type, occurredAt: e.at, data }, now);
    if (parsed.ok) events.push(parsed.value);
  }
  return events.length > 0 ? { ...built, events } : built;
}

/* ------------------------------------------------------------------------------------- interviews and offers */

interface ChildContext {
  newId: () => string;
  now: Date;
  latest: number;
  warn: (p: Omit<ImportProblem, 'severity'>) => void;
  addEvent: (target: PlannedApplication, event: EventInput) => void;
}

function placeOf(r: ImportedInterview | ImportedOffer): Pick<ImportProblem, 'file' | 'line' | 'recordId'> {
  return { ...sourcePlaceOf(r), recordId: r.externalId };
}

/** The application's creation (its application.received event): nothing of it happened before. */
function createdOf(target: PlannedApplication): number {
  return target.firstAt;
}

/**
 * An application that brings its own timeline (a Closer export) already holds the events of its interviews and
 * offers; recording them again from the records would count each twice in the clocks and risks.
 */
const keepsOwnTimeline = (target: PlannedApplication) => (target.source.events?.length ?? 0) > 0;

const KIND_MAX = 120;
const DAY_MINUTES = 24 * 60;

/**
 * A Closer interview: at its start time, as long as it lasted, completed or cancelled as the source says. Its event is
 * `interview.scheduled` (as when Closer schedules one), recorded when it was held, or now for one still ahead; the
 * source's interviewers are not Closer users, so no `interview.completed` is recorded (it would start scorecard
 * clocks that no imported scorecard can stop). Without a start time it is not imported.
 */
function planInterview(i: ImportedInterview, target: PlannedApplication, ctx: ChildContext): PlannedInterview | undefined {
  const start = i.startsAt !== undefined ? Date.parse(i.startsAt) : NaN;
  if (Number.isNaN(start)) {
    ctx.warn({ code: 'missing-field', message: `Interview ${i.externalId} has no start time; Closer keeps interviews at their time, so it is not imported.`, ...placeOf(i), field: 'startsAt' });
    return undefined;
  }
  const end = i.endsAt !== undefined ? Date.parse(i.endsAt) : NaN;
  const minutes = Number.isNaN(end) ? null : Math.round((end - start) / 60_000);
  const word = (i.status ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  const status: PlannedInterview['status'] = /cancel|skip|no_show/.test(word) ? 'cancelled' : /complete|awaiting_feedback|feedback|done/.test(word) ? 'completed' : 'scheduled';
  const scheduledAt = new Date(start).toISOString();
  const id = ctx.newId();
  const occurred = Math.max(createdOf(target), Math.min(start, ctx.now.getTime()));
  if (!keepsOwnTimeline(target)) ctx.addEvent(target, parseEventInput({ type: 'interview.scheduled', occurredAt: new Date(occurred).toISOString(), data: { interviewId: id, at: scheduledAt } }, ctx.now));
  return {
    id,
    source: i,
    applicationId: target.id,
    kind: (i.name ?? '').trim().slice(0, KIND_MAX) || 'other',
    scheduledAt,
    durationMinutes: minutes !== null && minutes > 0 && minutes <= DAY_MINUTES ? minutes : null,
    status,
    completedAt: status === 'completed' ? new Date(Number.isNaN(end) || end < start ? start : end).toISOString() : null,
  };
}

/** A currency code of three capital letters and an amount that is a positive whole number Closer can store exactly. */
function moneyFits(m: { amount: number; currency: string }): boolean {
  return Number.isSafeInteger(m.amount) && m.amount >= 1 && /^[A-Z]{3}$/.test(m.currency);
}

/**
 * An offer with its versions and approvals, and the events Closer's own offers record, at the source's times:
 * `offer.drafted` per version, `offer.approval-requested` then `offer.approved` or `offer.rejected` when it went
 * through approvals, `offer.extended` when it was sent, `offer.accepted` or `offer.declined` when the candidate
 * answered. A time that cannot be read or lies ahead skips the offer; an amount that is not a whole number of units
 * of a currency is not kept as money (the report says so, and the figure stays as the source's text).
 */
function planOffer(o: ImportedOffer, target: PlannedApplication, ctx: ChildContext): PlannedOffer | undefined {
  const at = placeOf(o);
  const created = createdOf(target);
  const badTime = (field: string, value: string) => {
    ctx.warn({ code: 'bad-time', message: `Offer ${o.externalId} has ${field} "${value}", which is not a past time; it is not imported.`, ...at, field });
  };
  const timeOf = (value: string | undefined, field: string): number | null | undefined => {
    if (value === undefined) return null;
    const t = Date.parse(value);
    if (Number.isNaN(t) || t > ctx.latest) {
      badTime(field, value);
      return undefined;
    }
    return Math.max(t, created);
  };
  if (o.versions.length === 0) {
    ctx.warn({ code: 'missing-field', message: `Offer ${o.externalId} has no version with a date; it is not imported.`, ...at, field: 'versions' });
    return undefined;
  }
  const id = ctx.newId();
  const events: Array<{ t: number; input: { type: string; data: Record<string, unknown> } }> = [];
  const versions: PlannedOfferVersion[] = [];
  let lastSent: number | null = null;
  for (const [k, v] of o.versions.entries()) {
    const t = timeOf(v.createdAt, 'versions.createdAt');
    const sent = timeOf(v.sentAt, 'versions.sentAt');
    if (t === undefined || t === null || sent === undefined) return undefined;
    events.push({ t, input: { type: 'offer.drafted', data: { offerId: id } } });
    if (sent !== null) lastSent = Math.max(lastSent ?? sent, sent);
    const number = v.version > 0 && Number.isSafeInteger(v.version) ? v.version : k + 1;
    const planned: PlannedOfferVersion = { version: number, createdAt: new Date(t).toISOString(), sentAt: sent === null ? null : new Date(sent).toISOString(), startDate: v.startDate ?? null, base: null, currency: null, otherTerms: { ...v.otherTerms } };
    if (v.base) {
      if (moneyFits(v.base)) {
        planned.base = v.base.amount;
        planned.currency = v.base.currency;
      } else {
        ctx.warn({ code: 'bad-amount', message: `Offer ${o.externalId} (version ${number}) has a base of ${v.base.amount} ${v.base.currency}, which is not a positive whole number of units of a currency; it is kept as text, not as an amount.`, ...at, field: 'versions.base' });
        planned.otherTerms['Base (as in the file)'] = `${v.base.amount} ${v.base.currency}`;
      }
    }
    versions.push(planned);
  }
  // Version numbers are unique per offer: repeated or missing numbers of the source are numbered in order.
  if (new Set(versions.map((v) => v.version)).size !== versions.length) versions.forEach((v, k) => (v.version = k + 1));
  const drafted = Math.min(...events.map((e) => e.t));
  const current = events[events.length - 1]!.t;

  let approval: 'approved' | 'rejected' | 'pending' | null = null;
  if (o.approvals.length > 0) {
    events.push({ t: current, input: { type: 'offer.approval-requested', data: { offerId: id } } });
    const rejected = o.approvals.find((a) => a.status === 'rejected');
    const decided = rejected ? [rejected] : o.approvals.every((a) => a.status === 'approved') ? o.approvals : [];
    if (decided.length > 0) {
      let t = current;
      for (const a of decided) {
        const r = timeOf(a.resolvedAt, 'approvals.resolvedAt');
        if (r === undefined) return undefined;
        if (r !== null) t = Math.max(t, r);
      }
      approval = rejected ? 'rejected' : 'approved';
      events.push({ t, input: { type: rejected ? 'offer.rejected' : 'offer.approved', data: { offerId: id } } });
    } else approval = 'pending';
  }

  const answered = o.status === 'accepted' || o.status === 'declined';
  if ((o.status === 'sent' || answered) && lastSent === null) {
    ctx.warn({ code: 'missing-field', message: `Offer ${o.externalId} was sent but the file does not say when; the time it went out is not recorded.`, ...at, field: 'sentAt' });
  }
  if (lastSent !== null && o.status !== 'deprecated') events.push({ t: lastSent, input: { type: 'offer.extended', data: { offerId: id } } });
  let resolved: number | null = null;
  if (answered) {
    const r = timeOf(o.resolvedAt, 'resolvedAt');
    if (r === undefined) return undefined;
    if (r === null) ctx.warn({ code: 'missing-field', message: `Offer ${o.externalId} was ${o.status} but the file does not say when; the answer is not recorded on the timeline.`, ...at, field: 'resolvedAt' });
    else {
      resolved = Math.max(r, lastSent ?? r);
      events.push({ t: resolved, input: { type: o.status === 'accepted' ? 'offer.accepted' : 'offer.declined', data: { offerId: id } } });
    }
  }
  if (!keepsOwnTimeline(target)) for (const e of events) ctx.addEvent(target, parseEventInput({ ...e.input, occurredAt: new Date(e.t).toISOString() }, ctx.now));

  const status: OfferStatus =
    o.status === 'accepted' ? 'accepted'
    : o.status === 'declined' ? 'declined'
    : o.status === 'deprecated' ? 'withdrawn'
    : o.status === 'sent' ? 'extended'
    : approval === 'approved' ? 'approved'
    : approval === 'pending' ? 'pending-approval'
    : 'draft';
  return {
    id,
    source: o,
    applicationId: target.id,
    status,
    draftedAt: new Date(drafted).toISOString(),
    sentAt: lastSent === null ? null : new Date(lastSent).toISOString(),
    resolvedAt: resolved === null ? null : new Date(resolved).toISOString(),
    versions,
    approvals: o.approvals,
  };
}
