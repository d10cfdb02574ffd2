// A Closer full export (`closer export --out DIR`, or the Settings download split per entity) read back into an
// ImportBatch, so moving to another Closer, or restoring into an empty one, goes through the same import as any other
// source. Reads the export's API shapes (version 2: `applications.json` with each application's events,
// `interviews.json`, `scorecards.json`, `offers.json`, `offerVersions.json`, and `importedOffers.json`: offers the
// exporting Closer had imported from another system, which come back as offers of the batch keeping their origin) and the raw table rows of version 1
// (`application_events.json`, snake_case columns). Stage history comes from the `stage.changed` events with their
// real times; the other events of an application travel whole (`ImportedApplication.events`) so the clocks and risks
// after the import are the ones before it. Pure.
import { ClockSettingsOverride, RiskSettingsOverride } from '../pipeline/index.js';
import {
  emptyBatch,
  type CarriedLink,
  type ImportBatch,
  type ImportedApplication,
  type ImportedApplicationStatus,
  type ImportedEvent,
  type ImportedFeedback,
  type ImportedOffer,
  type ImportedOfferVersion,
  type ImportedRecommendation,
  type ImportedStageChange,
  type ImportFile,
  type ImportParser,
  type ImportedRole,
} from './canonical.js';
import type { CloserStage } from './registry.js';
import { arr, forEachVendorRecord, idOf, isObj, num, orderHistory, ProblemLog, str, toDate, toIso, type Obj } from './read-helpers.js';

const SYSTEM = 'closer' as const;
/** Export file stem -> what the parser reads it as (v2 entity names first, then v1 table names). */
const RESOURCES: Readonly<Record<string, string>> = {
  users: 'users',
  roles: 'roles',
  candidates: 'candidates',
  applications: 'applications',
  application_events: 'application_events',
  interviews: 'interviews',
  scorecards: 'scorecards',
  offers: 'offers',
  offerversions: 'offerVersions',
  importedoffers: 'importedOffers',
  importedfeedback: 'importedFeedback',
  importlinks: 'importLinks',
  pipelinesettings: 'pipelineSettings',
  company: 'company',
  offer_versions: 'skip',
};
const SKIPPED = new Set([
  'companies', 'rolebands', 'role_bands', 'pools', 'prospects', 'postings', 'auditlog', 'audit_log', 'interview_interviewers', 'offer_approvals',
  'candidate_files', 'company_scoping', 'retention_settings', 'export', 'manifest',
]);

/** The export entity a file holds (`candidates.json` -> candidates; `auditLog.json` -> skip). */
export function closerResource(name: string): string | undefined {
  const n = name.toLowerCase();
  return RESOURCES[n] ?? (SKIPPED.has(n) ? 'skip' : undefined);
}

/** A field under its v2 (camelCase) or v1 (snake_case) name. */
function field(v: Obj, camel: string, snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)): unknown {
  return v[camel] !== undefined ? v[camel] : v[snake];
}

function parseJsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

const RECOMMENDATIONS: ReadonlySet<string> = new Set<ImportedRecommendation>(['strong_no', 'no', 'mixed', 'yes', 'strong_yes', 'no_decision']);
const RECOMMENDATION: Readonly<Record<string, ImportedRecommendation>> = { 'strong-no': 'strong_no', no: 'no', yes: 'yes', 'strong-yes': 'strong_yes' };

/** Closer's offer status in the canonical words: anything before it went out is a draft; expired or withdrawn is deprecated. */
function offerStatus(s: string | undefined): ImportedOffer['status'] {
  if (s === 'extended') return 'sent';
  if (s === 'accepted' || s === 'declined') return s;
  if (s === 'expired' || s === 'withdrawn') return 'deprecated';
  return 'draft';
}

function offerVersionOf(v: Obj): ImportedOfferVersion | undefined {
  const version = num(v.version);
  const createdAt = toIso(v.createdAt);
  if (version === undefined || !createdAt) return undefined;
  const terms = isObj(v.terms) ? v.terms : v;
  const currency = str(terms.currency);
  const base = num(terms.base);
  const equity = isObj(terms.equity) ? terms.equity : {};
  const otherTerms: Record<string, string> = {};
  const keep = (k: string, x: unknown) => {
    if (typeof x === 'number' || (typeof x === 'string' && x !== '')) otherTerms[k] = String(x);
  };
  keep('bonusTarget', terms.bonusTarget);
  keep('signOn', terms.signOn);
  keep('equityKind', equity.kind);
  keep('equityShares', equity.shares ?? v.equityShares);
  keep('fullyDilutedShares', equity.fullyDilutedShares);
  keep('strike', equity.strike);
  keep('startDate', terms.startDate);
  return {
    version,
    createdAt,
    ...(toIso(v.submittedAt) ? { sentAt: toIso(v.submittedAt) } : {}),
    ...(toDate(terms.startDate) ? { startDate: toDate(terms.startDate) } : {}),
    ...(base !== undefined && currency ? { base: { amount: Math.round(base), currency } } : {}),
    otherTerms,
  };
}

const SOURCE_STATUSES: ReadonlySet<string> = new Set<ImportedOffer['status']>(['draft', 'sent', 'accepted', 'declined', 'deprecated']);

/** A version of an imported offer (`importedOffers[].versions`) back in the canonical shape. */
function importedVersionOf(v: Obj): ImportedOfferVersion | undefined {
  const version = num(v.version);
  const createdAt = toIso(v.createdAt);
  if (version === undefined || !createdAt) return undefined;
  const base = num(v.base);
  const currency = str(v.currency);
  const terms = parseJsonText(v.otherTerms);
  const otherTerms: Record<string, string> = {};
  if (isObj(terms)) for (const [k, x] of Object.entries(terms)) if (typeof x === 'string') otherTerms[k] = x;
  return {
    version,
    createdAt,
    ...(toIso(v.sentAt) ? { sentAt: toIso(v.sentAt) } : {}),
    ...(toDate(v.startDate) ? { startDate: toDate(v.startDate) } : {}),
    ...(base !== undefined && currency ? { base: { amount: base, currency } } : {}),
    otherTerms,
  };
}

/**
 * An offer the exporting Closer had imported from another system, back in the canonical shape: its source status,
 * versions and approvals as they were stored, and where it first came from.
 */
function importedOfferOf(o: Obj, id: string, appId: string): ImportedOffer {
  const sourceStatus = str(field(o, 'sourceStatus')) ?? '';
  const resolvedAt = toIso(field(o, 'resolvedAt'));
  const system = str(o.system);
  const externalId = idOf(field(o, 'externalId'));
  return {
    externalSystem: SYSTEM,
    externalId: id,
    applicationExternalId: appId,
    status: SOURCE_STATUSES.has(sourceStatus) ? (sourceStatus as ImportedOffer['status']) : offerStatus(str(o.status)),
    ...(resolvedAt ? { resolvedAt } : {}),
    versions: arr(parseJsonText(o.versions)).filter(isObj).map(importedVersionOf).filter((v): v is ImportedOfferVersion => v !== undefined).sort((x, y) => x.version - y.version),
    approvals: arr(parseJsonText(o.approvals)).filter(isObj).map((a) => {
      const status = str(a.status);
      const decidedAt = toIso(a.resolvedAt);
      return { ...(idOf(a.approverExternalId) ? { approverExternalId: idOf(a.approverExternalId) } : {}), status: status === 'approved' || status === 'rejected' ? status : 'pending', ...(decidedAt ? { resolvedAt: decidedAt } : {}) };
    }),
    ...(system && externalId ? { origin: { system, externalId } } : {}),
  };
}

const STAGE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A role's own process plan as the roles route checks it (1 to 20 stages, unique slug ids, 0 to 90 planned days). */
function processPlanOf(v: unknown): ImportedRole['processPlan'] | undefined {
  const stages = isObj(v) ? arr(v.stages) : [];
  const out = stages.filter(isObj).map((x) => ({ id: str(x.id) ?? '', name: (str(x.name) ?? '').slice(0, 80), plannedDays: num(x.plannedDays) ?? -1 }));
  const ok = out.length >= 1 && out.length <= 20 && out.length === stages.length && new Set(out.map((x) => x.id)).size === out.length
    && out.every((x) => STAGE_ID.test(x.id) && x.name.trim() !== '' && x.plannedDays >= 0 && x.plannedDays <= 90);
  return ok ? { stages: out } : undefined;
}

/** Business hours without a time zone run on the company's: the exporting company's zone is written in, so the
 * clocks keep their hours in a Closer set up in another zone. */
function withZone(clocks: Record<string, unknown>, timeZone: string | undefined): Record<string, unknown> {
  const hours = clocks.hours;
  if (!timeZone || !isObj(hours) || hours.mode !== 'business' || hours.timeZone !== undefined) return clocks;
  return { ...clocks, hours: { ...hours, timeZone } };
}

/**
 * The stages an import of `batch` may map to: Closer's default stages, and for a Closer export the stages of its
 * roles' own process plans (so an application in a role's own stage stays there).
 */
export function importStagesOf(batch: Pick<ImportBatch, 'roles'>, defaults: readonly CloserStage[]): CloserStage[] {
  const out = [...defaults];
  const ids = new Set(out.map((s) => s.id));
  for (const r of batch.roles) {
    for (const s of r.processPlan?.stages ?? []) {
      if (ids.has(s.id)) continue;
      ids.add(s.id);
      out.push({ id: s.id, name: s.name });
    }
  }
  return out;
}

/** Reads a Closer export folder into one batch. */
export const parseCloser: ImportParser = async (files: readonly ImportFile[]): Promise<ImportBatch> => {
  const log = new ProblemLog();
  const batch = emptyBatch(SYSTEM);
  const ref = (id: string) => ({ externalSystem: SYSTEM, externalId: id });
  const apps: (Obj & { __file: string; __line: number })[] = [];
  const events = new Map<string, (ImportedEvent & { seq: number })[]>();
  const candidateIds = new Set<string>();
  const candidateSource = new Map<string, string>();
  const roleIds = new Set<string>();
  const interviewApp = new Map<string, { applicationId: string; name?: string }>();
  const cards: Obj[] = [];
  const offers: Obj[] = [];
  const importedOffers: Obj[] = [];
  const versionsOf = new Map<string, Obj[]>();
  const importedFeedback: Obj[] = [];
  const links: CarriedLink[] = [];
  let settings: Obj | undefined;
  let companyZone: string | undefined;

  const addEvent = (appId: string, e: Obj, seq: number) => {
    const at = toIso(field(e, 'occurredAt'));
    const type = str(e.type);
    if (!at || !type) return;
    const data = parseJsonText(e.data);
    const list = events.get(appId) ?? [];
    list.push({ type, at, data: isObj(data) ? data : {}, seq: num(e.seq) ?? seq });
    events.set(appId, list);
  };

  await forEachVendorRecord(files.filter((f) => f.name.endsWith('.json')), closerResource, log, (r) => {
    const v = r.value;
    const id = idOf(v.id);
    switch (r.resource) {
      case 'users':
        if (id) batch.users.push({ ...ref(id), name: str(v.name) ?? str(v.email) ?? id, ...(str(v.email) ? { email: str(v.email) } : {}) });
        return;
      case 'roles': {
        if (!id) return;
        const status = str(v.status);
        const openedAt = toIso(field(v, 'createdAt'));
        const plan = v.processPlan === undefined && v.process_plan === undefined ? undefined : processPlanOf(parseJsonText(field(v, 'processPlan')));
        const overrides = parseJsonText(field(v, 'clockOverrides'));
        const checked = isObj(overrides) && Object.keys(overrides).length > 0 ? ClockSettingsOverride.safeParse(overrides) : undefined;
        if ((v.processPlan !== undefined || v.process_plan !== undefined) && !plan) log.warn('bad-field', `Role ${id} has a process plan Closer cannot read; it gets the default plan.`, { file: r.file, line: r.line, recordId: id, field: 'processPlan' });
        if (checked && !checked.success) log.warn('bad-field', `Role ${id} has clock settings Closer cannot read; it uses the company's.`, { file: r.file, line: r.line, recordId: id, field: 'clockOverrides' });
        batch.roles.push({
          ...ref(id),
          title: str(v.title) ?? id,
          status: status === 'closed' || status === 'filled' || status === 'cancelled' ? 'closed' : status === 'draft' ? 'draft' : 'open',
          ...(openedAt ? { openedAt } : {}),
          ...(plan ? { processPlan: plan } : {}),
          ...(checked?.success ? { clockOverrides: checked.data as Record<string, unknown> } : {}),
        });
        roleIds.add(id);
        return;
      }
      case 'company':
        companyZone ??= str(field(v, 'timeZone'));
        return;
      case 'pipelineSettings':
        settings ??= isObj(v.overrides) ? v.overrides : undefined;
        return;
      case 'importedFeedback':
        importedFeedback.push(v);
        return;
      case 'importLinks': {
        const system = str(v.system);
        const entity = str(v.entity);
        const externalId = idOf(field(v, 'externalId'));
        const closerId = idOf(field(v, 'closerId'));
        if (system && entity && externalId && closerId) links.push({ system, entity, externalId, closerId });
        return;
      }
      case 'candidates': {
        if (!id || str(field(v, 'mergedIntoId'))) return; // a merged record lives on in the one it was merged into
        const createdAt = toIso(field(v, 'createdAt'));
        if (!createdAt) return log.warn('missing-field', `Candidate ${id} has no creation date and was skipped.`, { file: r.file, line: r.line, recordId: id });
        const links = parseJsonText(v.links);
        const employer = str(field(v, 'currentEmployer'));
        batch.candidates.push({
          ...ref(id),
          name: str(v.name) ?? id,
          ...(str(v.email) ? { email: str(v.email) } : {}),
          otherEmails: [],
          ...(str(v.phone) ? { phone: str(v.phone) } : {}),
          links: Array.isArray(links) ? links.filter((l): l is string => typeof l === 'string') : [],
          ...(str(v.location) ? { location: str(v.location) } : {}),
          ...(employer ? { currentEmployer: employer } : {}),
          tags: [],
          createdAt,
          ...(toIso(field(v, 'archivedAt')) ? { archivedAt: toIso(field(v, 'archivedAt')) } : {}),
          ...(str(v.source) ? { sourceName: str(v.source) } : {}),
        });
        candidateIds.add(id);
        if (str(v.source)) candidateSource.set(id, str(v.source)!);
        return;
      }
      case 'applications':
        apps.push(Object.assign(v, { __file: r.file, __line: r.line }));
        if (id) arr(v.events).forEach((e, i) => isObj(e) && addEvent(id, e, i + 1));
        return;
      case 'application_events': {
        const appId = idOf(v.application_id);
        if (appId) addEvent(appId, v, events.get(appId)?.length ?? 0);
        return;
      }
      case 'interviews': {
        const appId = idOf(field(v, 'applicationId'));
        if (!id || !appId) return;
        const scheduledAt = toIso(field(v, 'scheduledAt'));
        const endsAt = toIso(field(v, 'endsAt'));
        const name = str(v.stageName) ?? str(v.kind);
        interviewApp.set(id, { applicationId: appId, ...(name ? { name } : {}) });
        batch.interviews.push({
          ...ref(id),
          applicationExternalId: appId,
          ...(name ? { name } : {}),
          ...(scheduledAt ? { startsAt: scheduledAt } : {}),
          ...(endsAt ? { endsAt } : {}),
          ...(str(v.status) ? { status: str(v.status) } : {}),
          interviewerExternalIds: arr(v.interviewers).map(idOf).filter((x): x is string => x !== undefined),
        });
        return;
      }
      case 'scorecards':
        cards.push(v);
        return;
      case 'offers':
        offers.push(v);
        return;
      case 'importedOffers':
        importedOffers.push(v);
        return;
      case 'offerVersions': {
        const offerId = idOf(v.offerId);
        if (offerId) versionsOf.set(offerId, [...(versionsOf.get(offerId) ?? []), v]);
        return;
      }
      default:
        return;
    }
  });

  const stageOrder = new Map<string, number>();
  const stage = (s: string): string => {
    if (!stageOrder.has(s)) stageOrder.set(s, stageOrder.size);
    return s;
  };
  const appIds = new Set<string>();
  for (const a of apps) {
    const id = idOf(a.id);
    const candidateId = idOf(field(a, 'candidateId'));
    const recorded = toIso(field(a, 'createdAt'));
    const where = { file: a.__file, line: a.__line, recordId: id };
    if (!id || !recorded) continue;
    // An event logged with an earlier time than the record (a back-dated note or stage change) starts the history.
    const mine = (events.get(id) ?? []).sort((x, y) => x.seq - y.seq);
    const createdAt = mine.reduce((min, e) => (e.at < min ? e.at : min), recorded);
    if (!candidateId || !candidateIds.has(candidateId)) {
      log.warn('missing-reference', `Application ${id} refers to candidate ${candidateId ?? '(none)'}, which is not in the export; it was skipped.`, where);
      continue;
    }
    const changes: ImportedStageChange[] = [];
    for (const e of mine) {
      if (e.type === 'stage.changed' && typeof e.data.to === 'string') {
        if (changes.length === 0 && typeof e.data.from === 'string') changes.push({ stageExternalId: stage(e.data.from), at: createdAt });
        changes.push({ stageExternalId: stage(e.data.to), at: e.at });
      } else if (e.type === 'application.reopened' && typeof e.data.stage === 'string') {
        changes.push({ stageExternalId: stage(e.data.stage), at: e.at });
      }
    }
    const current = str(a.stage);
    if (changes.length === 0 && current) changes.push({ stageExternalId: stage(current), at: createdAt });
    const raw = str(a.status);
    const status: ImportedApplicationStatus = raw === 'hired' || raw === 'withdrawn' ? raw : raw === 'rejected' || raw === 'lost' ? 'rejected' : 'active';
    const app: ImportedApplication = {
      ...ref(id),
      candidateExternalId: candidateId,
      createdAt,
      stageHistory: orderHistory(changes, SYSTEM, id, createdAt, log, a.__file),
      status,
      prospect: false,
      events: mine.map(({ type, at, data }) => ({ type, at, data })),
    };
    const source = candidateSource.get(candidateId);
    if (source) app.sourceName = source;
    const roleId = idOf(field(a, 'roleId'));
    if (roleId && roleIds.has(roleId)) app.roleExternalId = roleId;
    if (current) app.currentStageExternalId = stage(current);
    const closedAt = toIso(field(a, 'closedAt'));
    if (closedAt) app.closedAt = closedAt;
    const lossReason = str(field(a, 'lossReason'));
    if (lossReason) app.rejectionReason = lossReason;
    batch.applications.push(app);
    appIds.add(id);
  }
  // Stages go by their ids (events name them so); the review shows the names the roles' plans give them.
  const labels = new Map(batch.roles.flatMap((r) => r.processPlan?.stages ?? []).map((s) => [s.id, s.name]));
  batch.stages = [...stageOrder.entries()].map(([s, order]) => ({ ...ref(s), name: s, order, ...(labels.has(s) ? { label: labels.get(s)! } : {}) }));

  batch.interviews = batch.interviews.filter((i) => appIds.has(i.applicationExternalId));
  // Submitted scorecards are feedback; a draft is nobody's opinion yet.
  for (const c of cards) {
    const id = idOf(c.id);
    const interview = interviewApp.get(idOf(field(c, 'interviewId')) ?? '');
    if (!id || !interview || str(c.status) !== 'submitted') continue;
    const recommendation = RECOMMENDATION[str(c.recommendation) ?? ''];
    const submittedAt = toIso(field(c, 'submittedAt'));
    const feedback: ImportedFeedback = {
      ...ref(id),
      applicationExternalId: interview.applicationId,
      interviewExternalId: idOf(field(c, 'interviewId')),
      ...(interview.name ? { interviewName: interview.name } : {}),
      ...(idOf(field(c, 'interviewerId')) ? { authorExternalId: idOf(field(c, 'interviewerId')) } : {}),
      ...(str(c.interviewerName) ? { authorName: str(c.interviewerName) } : {}),
      ...(submittedAt ? { submittedAt } : {}),
      ...(recommendation ? { recommendation } : {}),
      ratings: arr(c.ratings).filter(isObj).map((r) => ({ attribute: str(r.attributeId) ?? '', rating: num(r.rating) === undefined ? '' : String(num(r.rating)), ...(str(r.evidence) ? { note: str(r.evidence) } : {}) })).filter((r) => r.attribute !== '' && r.rating !== ''),
      answers: [],
      ...(str(c.notes) ? { notes: str(c.notes) } : {}),
    };
    batch.feedback.push(feedback);
  }

  for (const o of offers) {
    const id = idOf(o.id);
    const appId = idOf(field(o, 'applicationId'));
    if (!id || !appId) continue;
    if (!appIds.has(appId)) {
      log.warn('missing-reference', `Offer ${id} refers to application ${appId}, which is not in the export; it was skipped.`, { recordId: id });
      continue;
    }
    // Full versions from offerVersions.json; else the summaries the offer itself lists, and its current version.
    const full = (versionsOf.get(id) ?? []).map(offerVersionOf).filter((v): v is ImportedOfferVersion => v !== undefined);
    const summaries = arr(o.versions).filter(isObj).map((v) => offerVersionOf({ ...v, currency: o.currency })).filter((v): v is ImportedOfferVersion => v !== undefined);
    const versions = (full.length > 0 ? full : summaries).sort((x, y) => x.version - y.version);
    const current = isObj(o.current) ? o.current : (versionsOf.get(id) ?? []).find((v) => num(v.version) === num(o.currentVersion));
    const resolvedAt = toIso(field(o, 'respondedAt'));
    batch.offers.push({
      ...ref(id),
      applicationExternalId: appId,
      status: offerStatus(str(o.status)),
      ...(resolvedAt ? { resolvedAt } : {}),
      versions,
      approvals: arr(current?.approvers).filter(isObj).map((a) => {
        const decision = str(a.decision);
        const decidedAt = toIso(a.decidedAt);
        return { ...(idOf(a.id) ? { approverExternalId: idOf(a.id) } : {}), status: decision === 'approved' || decision === 'rejected' ? decision : 'pending', ...(decidedAt ? { resolvedAt: decidedAt } : {}) };
      }),
    });
  }
  // Offers the exporting Closer had imported from another system (their events are in the application's timeline).
  for (const o of importedOffers) {
    const id = idOf(o.id);
    const appId = idOf(field(o, 'applicationId'));
    if (!id || !appId) continue;
    if (!appIds.has(appId)) {
      log.warn('missing-reference', `Imported offer ${id} refers to application ${appId}, which is not in the export; it was skipped.`, { recordId: id });
      continue;
    }
    batch.offers.push(importedOfferOf(o, id, appId));
  }
  // Scorecards the exporting Closer had imported from another system: back as imported feedback, keeping their origin.
  for (const f of importedFeedback) {
    const id = idOf(f.id);
    const appId = idOf(field(f, 'applicationId'));
    if (!id || !appId || !appIds.has(appId)) continue;
    const rec = str(f.recommendation) as ImportedRecommendation | undefined;
    const system = str(f.system);
    const externalId = idOf(field(f, 'externalId'));
    batch.feedback.push({
      ...ref(id),
      applicationExternalId: appId,
      ...(str(field(f, 'interviewName')) ? { interviewName: str(field(f, 'interviewName')) } : {}),
      ...(str(field(f, 'authorName')) ? { authorName: str(field(f, 'authorName')) } : {}),
      ...(toIso(field(f, 'submittedAt')) ? { submittedAt: toIso(field(f, 'submittedAt')) } : {}),
      ...(rec && RECOMMENDATIONS.has(rec) ? { recommendation: rec } : {}),
      ratings: arr(parseJsonText(f.ratings)).filter(isObj).flatMap((x) => (typeof x.attribute === 'string' && typeof x.rating === 'string' ? [{ attribute: x.attribute, rating: x.rating, ...(typeof x.note === 'string' ? { note: x.note } : {}) }] : [])),
      answers: arr(parseJsonText(f.answers)).filter(isObj).flatMap((x) => (typeof x.question === 'string' && typeof x.answer === 'string' ? [{ question: x.question, answer: x.answer }] : [])),
      ...(str(f.notes) ? { notes: str(f.notes) } : {}),
      ...(system && externalId ? { origin: { system, externalId } } : {}),
    });
  }

  // The company's clock and risk settings, and the roles' clock settings, with the exporting company's time zone.
  for (const role of batch.roles) if (role.clockOverrides) role.clockOverrides = withZone(role.clockOverrides, companyZone);
  const pipelineSettings: NonNullable<ImportBatch['carried']>['pipelineSettings'] = {};
  if (settings && isObj(settings.clocks) && Object.keys(settings.clocks).length > 0) {
    const clocks = ClockSettingsOverride.safeParse(withZone(settings.clocks, companyZone));
    if (clocks.success) pipelineSettings.clocks = clocks.data as Record<string, unknown>;
    else log.warn('bad-field', "The company's clock settings in the export cannot be read; the clocks use this Closer's.", { field: 'pipelineSettings.clocks' });
  }
  if (settings && isObj(settings.risk) && Object.keys(settings.risk).length > 0) {
    const risk = RiskSettingsOverride.safeParse(settings.risk);
    if (risk.success) pipelineSettings.risk = risk.data as Record<string, unknown>;
    else log.warn('bad-field', "The company's risk settings in the export cannot be read; risks use this Closer's.", { field: 'pipelineSettings.risk' });
  }
  batch.carried = { links, ...(Object.keys(pipelineSettings).length > 0 ? { pipelineSettings } : {}) };
  batch.problems = log.done();
  return batch;
};
