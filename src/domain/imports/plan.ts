// What an import will do, decided before anything is written: which records are created, which merge into an
// existing candidate (same e-mail), which are skipped (already imported: same system and external id), the events
// each application's history becomes, and every problem. The dry run shows this plan; the real run writes it. Pure:
// the service passes in what the database already holds.
import { CLOCK_SKEW_TOLERANCE_MS, parseEventInput, safeParseEventInput, type EventInput } from '../pipeline/events.js';
import type { CandidateSource, LossReason } from '../pipeline/lists.js';
import type { ImportBatch, ImportProblem, ImportedApplication, ImportedCandidate, ImportedFeedback, ImportedRole, ImportSystem } from './canonical.js';
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
  stages: Array<{ name: string; mappedTo: string | null }>;
  problems: ImportProblem[];
  errors: number;
  warnings: number;
}

/** What the database holds already: the links of earlier imports and the candidates by normalised e-mail. */
export interface ImportLookups {
  links: Record<'roles' | 'candidates' | 'applications' | 'feedback' | 'notes', ReadonlyMap<string, string>>;
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
  /** The history as events, oldest first, validated by the pipeline domain. */
  events: EventInput[];
}

export interface PlannedFeedback {
  id: string;
  source: ImportedFeedback;
  applicationId: string;
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
  const plan: ImportPlan = { report: undefined as unknown as ImportReport, roles: [], candidates: [], merges: [], applications: [], feedback: [], notes: [] };

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
    plan.candidates.push({ id, source: c, candidateSource: mapCandidateSource(first?.sourceName, first?.referrerName) });
    counts.candidates.create++;
  }

  // Applications and their histories.
  const stageNameOf = new Map(batch.stages.map((s) => [s.externalId, s.name]));
  const applicationIds = new Map<string, string>();
  const activePairs = new Set<string>();
  const latest = now.getTime() + CLOCK_SKEW_TOLERANCE_MS;
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
    const built = withOwnTimeline(a, buildHistory(a, { stageNameOf, mapping, stageIds, firstStage, latest, now, warn }), mapping, now);
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
    plan.applications.push({ id, source: a, candidateId, roleId, ...built });
    counts.applications.create++;
    counts.stageChanges.create += built.events.filter((e) => e.type === 'stage.changed').length;
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
    target.events.push(parseEventInput({ type: 'note', occurredAt: n.createdAt, data: { text } }, now));
    plan.notes.push({ externalId: n.externalId, applicationId: target.id });
    counts.notes.create++;
  }
  const personNotes = batch.notes.filter((n) => n.applicationExternalId === undefined && !lookups.links.notes.has(n.externalId)).length;
  if (personNotes > 0) warn({ code: 'notes-not-imported', message: `${personNotes} notes about a person rather than an application are not imported: Closer keeps notes on applications.` });
  for (const p of plan.applications) p.events.sort((x, y) => Date.parse(x.occurredAt) - Date.parse(y.occurredAt));

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

  // Closer's interviews need its users as interviewers and its offers its own terms: the report says they stay behind.
  counts.interviews.skip = batch.interviews.length;
  counts.offers.skip = batch.offers.length;
  counts.users.skip = batch.users.length;
  if (batch.interviews.length + batch.offers.length > 0) {
    warn({ code: 'not-imported', message: `${batch.interviews.length} interviews and ${batch.offers.length} offers are read but not imported: their feedback and history are.` });
  }

  const names = stageNamesOf(batch);
  const errors = problems.filter((p) => p.severity === 'error').length;
  plan.report = {
    system: batch.system,
    counts,
    stages: names.map((name) => {
      const id = mapping[stageKey(name)];
      return { name, mappedTo: id !== undefined && stageIds.has(id) ? id : null };
    }),
    problems,
    errors,
    warnings: problems.length - errors,
  };
  return plan;
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

type BuiltHistory = Pick<PlannedApplication, 'stage' | 'status' | 'lossReason' | 'closedAt' | 'events'>;

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
function withOwnTimeline(a: ImportedApplication, built: BuiltHistory | undefined, mapping: StageMapping, now: Date): BuiltHistory | undefined {
  if (!built || !a.events || a.events.length === 0) return built;
  const mapStage = (v: unknown) => (typeof v === 'string' ? (mapping[stageKey(v)] ?? v) : v);
  const events: EventInput[] = [];
  for (const e of a.events) {
    if (e.type === 'event.retracted') continue;
    const data: Record<string, unknown> = { ...e.data };
    for (const k of ['from', 'to', 'stage']) if (k in data) data[k] = mapStage(data[k]);
    const parsed = safeParseEventInput({ type: e.type, occurredAt: e.at, data }, now);
    if (parsed.ok) events.push(parsed.value);
  }
  return events.length > 0 ? { ...built, events } : built;
}
