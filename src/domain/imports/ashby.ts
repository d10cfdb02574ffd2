// Ashby API pages into an ImportBatch: candidates, applications with their history (`application.listHistory`
// records, or `applicationHistory` embedded in an application), feedback, offers with versions, jobs, interview
// stages, archive reasons, users, interviews, departments and locations. A page is the API's answer
// `{ success, results, moreDataAvailable, nextCursor }` (or a bare array); a page with `success: false` is an error.
import {
  emptyBatch,
  type ImportBatch,
  type ImportedApplication,
  type ImportedCandidate,
  type ImportedFeedback,
  type ImportedInterview,
  type ImportedNote,
  type ImportedOffer,
  type ImportedOfferApproval,
  type ImportedOfferVersion,
  type ImportedRecommendation,
  type ImportedRole,
  type ImportedStage,
  type ImportedStageChange,
  type ImportedUser,
  type ImportFile,
  type ImportParser,
  setSourcePlace,
} from './canonical.js';
import {
  arr,
  forEachVendorRecord,
  idOf,
  isCurrency,
  isObj,
  num,
  obj,
  orderHistory,
  personName,
  ProblemLog,
  RecordMap,
  str,
  text,
  toDate,
  toIso,
  wholeUnits,
  type Obj,
  type VendorRecord,
} from './read-helpers.js';

const SYSTEM = 'ashby' as const;

const RESOURCES: Record<string, string> = {
  candidate: 'candidates', application: 'applications', applicationhistory: 'history', history: 'history',
  applicationfeedback: 'feedback', feedback: 'feedback', offer: 'offers', job: 'jobs', interviewstage: 'stages', stage: 'stages',
  archivereason: 'archive_reasons', user: 'users', interview: 'interviews', department: 'departments', location: 'locations',
  candidatenote: 'notes', note: 'notes', source: 'sources',
  jobposting: 'skip', interviewplan: 'skip', interviewschedule: 'skip', feedbackformdefinition: 'skip', customfield: 'skip', opening: 'skip', approval: 'skip',
};

/** The Ashby resource a file or key names (`candidate.list.json`, `application.listHistory/page-2.json`, `offers.json`). */
export function ashbyResource(name: string): string | undefined {
  let n = name.toLowerCase().replace(/[^a-z]/g, '').replace(/list|info/g, '');
  if (RESOURCES[n]) return RESOURCES[n];
  n = n.replace(/(ie)s$/, 'y').replace(/s$/, '');
  return RESOURCES[n];
}

interface Where {
  file: string;
  line: number;
}

interface AppDraft extends Where {
  id: string;
  candidateId?: string;
  jobId?: string;
  createdAt?: string;
  updatedAt?: string;
  status: string;
  stageId?: string;
  sourceName?: string;
  referrerName?: string;
  archiveReasonId?: string;
  archiveReason?: string;
  archiveReasonType?: string;
  archivedAt?: string;
}

/** Reads Ashby API pages into one batch. */
export const parseAshby: ImportParser = async (files: readonly ImportFile[]): Promise<ImportBatch> => {
  const log = new ProblemLog();
  const batch = emptyBatch(SYSTEM);
  const ref = (id: string) => ({ externalSystem: SYSTEM, externalId: id });

  const users = new RecordMap<ImportedUser>();
  const departments = new Map<string, string>();
  const locations = new Map<string, string>();
  const archiveReasons = new Map<string, { text: string; type?: string }>();
  const jobs = new RecordMap<ImportedRole & { plans: string[]; departmentId?: string; locationId?: string }>();
  const stages = new RecordMap<ImportedStage & { planId?: string }>();
  const candidates = new RecordMap<ImportedCandidate & Where>();
  const apps = new RecordMap<AppDraft>();
  const history = new Map<string, (ImportedStageChange & Where)[]>();
  const feedback = new RecordMap<ImportedFeedback & Where>();
  const interviews = new RecordMap<ImportedInterview & Where>();
  const offers = new RecordMap<ImportedOffer & Where>();
  const notes = new RecordMap<ImportedNote & Where>();
  const interviewStageOf = new Map<string, string>();

  const addStage = (s: Obj, authoritative = false): void => {
    const id = idOf(s.id);
    if (!id) return;
    const stage: ImportedStage & { planId?: string } = { ...ref(id), name: str(s.title) ?? `Stage ${id}`, order: num(s.orderInInterviewPlan) ?? 0 };
    const plan = idOf(s.interviewPlanId);
    if (plan) stage.planId = plan;
    const known = stages.get(id);
    if (known && !authoritative && (known.planId || !plan)) return; // a stage seen inside another record adds nothing new
    stages.map.set(id, stage);
  };

  const addHistory = (h: Obj, appId: string | undefined, where: Where): void => {
    const app = idOf(h.applicationId) ?? appId;
    const stageId = idOf(h.stageId ?? h.interviewStageId);
    const at = toIso(h.enteredStageAt ?? h.enteredAt);
    if (!app || !stageId || !at) {
      log.warn('missing-field', 'An application history entry lacks its application, stage or time and was skipped.', { ...where, recordId: idOf(h.id) });
      return;
    }
    if (!stages.has(stageId) && str(h.title)) addStage({ id: stageId, title: h.title, orderInInterviewPlan: h.stageNumber });
    const list = history.get(app) ?? [];
    if (!list.some((x) => x.stageExternalId === stageId && x.at === at)) list.push({ stageExternalId: stageId, at, ...where });
    history.set(app, list);
  };

  const onRecord = (r: VendorRecord): void => {
    const v = r.value;
    const where = { file: r.file, line: r.line };
    const id = idOf(v.id);
    switch (r.resource) {
      case 'users':
        if (id) users.set(id, { ...ref(id), name: personName(v.firstName, v.lastName, v.name) ?? str(v.email) ?? `User ${id}`, ...(str(v.email) ? { email: str(v.email) } : {}) });
        return;
      case 'departments':
      case 'locations':
        if (id && str(v.name)) (r.resource === 'departments' ? departments : locations).set(id, str(v.name)!);
        return;
      case 'archive_reasons':
        if (id && str(v.text)) archiveReasons.set(id, { text: str(v.text)!, ...(str(v.reasonType) ? { type: str(v.reasonType) } : {}) });
        return;
      case 'stages':
        return addStage(v, true);
      case 'jobs': {
        if (!id) return log.warn('missing-field', 'A job has no id and was skipped.', where);
        const status = str(v.status)?.toLowerCase();
        const job: ImportedRole & { plans: string[]; departmentId?: string; locationId?: string } = {
          ...ref(id),
          title: str(v.title) ?? str(v.name) ?? `Job ${id}`,
          status: status === 'closed' || status === 'archived' ? 'closed' : status === 'draft' ? 'draft' : 'open',
          plans: [...new Set([idOf(v.defaultInterviewPlanId), ...arr(v.interviewPlanIds).map(idOf)].filter((x): x is string => !!x))],
        };
        const opened = toIso(v.openedAt);
        const closed = toIso(v.closedAt);
        if (opened) job.openedAt = opened;
        if (closed) job.closedAt = closed;
        const location = str(obj(v.location)?.name);
        if (location) job.location = location;
        if (idOf(v.departmentId)) job.departmentId = idOf(v.departmentId);
        if (idOf(v.locationId)) job.locationId = idOf(v.locationId);
        jobs.set(id, job);
        return;
      }
      case 'candidates': {
        if (!id) return log.warn('missing-field', 'A candidate has no id and was skipped.', where);
        const primary = str(obj(v.primaryEmailAddress)?.value);
        const emails = [primary, ...arr(v.emailAddresses).map((e) => (isObj(e) ? str(e.value) : str(e)))].filter((e): e is string => !!e);
        const unique = [...new Set(emails)];
        const candidate: ImportedCandidate & Where = {
          ...ref(id),
          ...where,
          name: str(v.name) ?? unique[0] ?? `Candidate ${id}`,
          otherEmails: unique.slice(1),
          links: arr(v.socialLinks).map((l) => (isObj(l) ? str(l.url) : str(l))).filter((l): l is string => !!l),
          tags: arr(v.tags).map((t) => (isObj(t) ? str(t.title) : str(t))).filter((t): t is string => !!t),
          createdAt: toIso(v.createdAt) ?? '',
        };
        if (unique[0]) candidate.email = unique[0];
        const phone = str(obj(v.primaryPhoneNumber)?.value) ?? arr(v.phoneNumbers).map((p) => (isObj(p) ? str(p.value) : str(p))).find(Boolean);
        if (phone) candidate.phone = phone;
        const location = str(obj(v.primaryLocation)?.locationSummary) ?? text(v.location);
        if (location) candidate.location = location;
        if (str(v.company)) candidate.currentEmployer = str(v.company);
        if (str(v.position)) candidate.title = str(v.position);
        if (!str(v.name)) log.warn('missing-field', `Candidate ${id} has no name; the e-mail address or id is used.`, { ...where, recordId: id, field: 'name' });
        candidates.set(id, candidate);
        return;
      }
      case 'applications': {
        if (!id) return log.warn('missing-field', 'An application has no id and was skipped.', where);
        const stage = obj(v.currentInterviewStage);
        if (stage) addStage(stage);
        const source = obj(v.source);
        const reason = obj(v.archiveReason);
        const draft: AppDraft = {
          id,
          ...where,
          candidateId: idOf(v.candidate) ?? idOf(v.candidateId),
          jobId: idOf(v.job) ?? idOf(v.jobId),
          createdAt: toIso(v.createdAt),
          updatedAt: toIso(v.updatedAt),
          status: (str(v.status) ?? 'Active').toLowerCase(),
          stageId: idOf(stage) ?? idOf(v.currentInterviewStageId),
          sourceName: str(source?.title),
          archiveReasonId: idOf(reason) ?? idOf(v.archiveReasonId),
          archiveReason: str(reason?.text),
          archiveReasonType: str(reason?.reasonType),
          archivedAt: toIso(v.archivedAt),
        };
        const credited = obj(v.creditedToUser);
        if (credited && /refer/i.test(`${draft.sourceName ?? ''} ${str(obj(source?.sourceType)?.title) ?? ''}`)) draft.referrerName = personName(credited.firstName, credited.lastName, credited.name);
        const candidate = obj(v.candidate);
        if (candidate && idOf(candidate) && !candidates.has(idOf(candidate)) && str(candidate.name) && toIso(candidate.createdAt)) {
          onRecord({ ...r, resource: 'candidates', value: candidate });
        }
        for (const h of arr(v.applicationHistory ?? v.history)) if (isObj(h)) addHistory(h, id, where);
        apps.set(id, draft);
        return;
      }
      case 'history':
        return addHistory(v, undefined, where);
      case 'feedback': {
        if (!id) return log.warn('missing-field', 'A feedback submission has no id and was skipped.', where);
        const app = idOf(v.applicationId) ?? idOf(v.application);
        if (!app) return log.warn('missing-reference', `Feedback ${id} does not say which application it belongs to; it was skipped.`, { ...where, recordId: id });
        const f: ImportedFeedback & Where = { ...ref(id), ...where, applicationExternalId: app, ratings: [], answers: [] };
        const author = obj(v.submittedByUser) ?? obj(v.user);
        if (idOf(author)) f.authorExternalId = idOf(author);
        const authorName = author ? personName(author.firstName, author.lastName, author.name) : undefined;
        if (authorName) f.authorName = authorName;
        if (toIso(v.submittedAt)) f.submittedAt = toIso(v.submittedAt);
        if (idOf(v.interviewId)) f.interviewExternalId = idOf(v.interviewId);
        const rec = recommendation(v.overallRecommendation);
        if (rec) f.recommendation = rec;
        readFeedbackFields(v, f);
        feedback.set(id, f);
        return;
      }
      case 'interviews': {
        if (!id) return;
        const app = idOf(v.applicationId);
        if (!app) return log.warn('missing-reference', `Interview ${id} does not say which application it belongs to; it was skipped.`, { ...where, recordId: id });
        const i: ImportedInterview & Where = { ...ref(id), ...where, applicationExternalId: app, interviewerExternalIds: [...arr(v.interviewerUserIds), ...arr(v.interviewers)].map(idOf).filter((x): x is string => !!x) };
        const name = str(v.title) ?? str(obj(v.interview)?.title);
        if (name) i.name = name;
        if (idOf(v.interviewStageId)) interviewStageOf.set(id, idOf(v.interviewStageId)!);
        if (toIso(v.startTime)) i.startsAt = toIso(v.startTime);
        if (toIso(v.endTime)) i.endsAt = toIso(v.endTime);
        const status = toIso(v.cancelledAt) ? 'cancelled' : str(v.status);
        if (status) i.status = status;
        interviews.set(id, i);
        return;
      }
      case 'offers': {
        if (!id) return log.warn('missing-field', 'An offer has no id and was skipped.', where);
        const app = idOf(v.applicationId);
        if (!app) return log.warn('missing-reference', `Offer ${id} does not say which application it belongs to; it was skipped.`, { ...where, recordId: id });
        const offer = readOffer(id, app, v, where, log);
        if (offer) offers.set(id, offer);
        return;
      }
      case 'notes': {
        if (!id) return;
        const body = str(v.content) ?? str(v.note) ?? str(v.text);
        const createdAt = toIso(v.createdAt);
        const candidateId = idOf(v.candidateId);
        if (!body || !createdAt || !candidateId) return log.warn('missing-field', `Note ${id} lacks its candidate, text or date; it was skipped.`, { ...where, recordId: id });
        const note: ImportedNote & Where = { ...ref(id), ...where, candidateExternalId: candidateId, body, createdAt };
        if (idOf(v.author)) note.authorExternalId = idOf(v.author);
        notes.set(id, note);
        return;
      }
      default:
        return;
    }
  };

  await forEachVendorRecord(files, ashbyResource, log, onRecord, (file, meta) => {
    if (meta.success === false) {
      const why = text(meta.errors) ?? text(meta.errorInfo) ?? 'no reason given';
      log.error('vendor-error', `This page is an error answer from Ashby (success: false: ${why}); fetch it again.`, { file });
    }
  });

  // ---- assemble ----------------------------------------------------------------------------------------------
  batch.users = users.values();
  const planJobs = new Map<string, string[]>();
  for (const job of jobs.values()) {
    const { plans, departmentId, locationId, ...role } = job;
    for (const p of plans) planJobs.set(p, [...(planJobs.get(p) ?? []), role.externalId]);
    if (departmentId && departments.has(departmentId)) role.department = departments.get(departmentId);
    if (!role.location && locationId && locations.has(locationId)) role.location = locations.get(locationId);
    batch.roles.push(role);
  }
  batch.stages = stages.values().map(({ planId, ...stage }) => {
    const owners = planId ? planJobs.get(planId) ?? [] : [];
    return owners.length === 1 ? { ...stage, roleExternalId: owners[0] } : stage; // a plan shared by jobs stays account-wide
  });

  const candidateIds = new Set<string>();
  for (const c of candidates.values()) {
    const { file, line, ...candidate } = c;
    if (!candidate.createdAt) {
      log.warn('missing-field', `Candidate ${candidate.externalId} has no creation date and was skipped.`, { file, line, recordId: candidate.externalId, field: 'createdAt' });
      continue;
    }
    candidateIds.add(candidate.externalId);
    batch.candidates.push(candidate);
  }

  for (const appId of history.keys()) {
    if (!apps.has(appId)) log.warn('missing-reference', `Stage history refers to application ${appId}, which is not in the files; it was skipped.`, { file: history.get(appId)![0].file, line: history.get(appId)![0].line, recordId: appId });
  }
  const appIds = new Set<string>();
  let noHistory = 0;
  for (const a of apps.values()) {
    const where = { file: a.file, line: a.line, recordId: a.id };
    if (!a.candidateId || !candidateIds.has(a.candidateId)) {
      log.warn('missing-reference', `Application ${a.id} refers to candidate ${a.candidateId ?? '(none)'}, which is not in the files; it was skipped.`, { ...where, field: 'candidateId' });
      continue;
    }
    if (!a.createdAt) {
      log.warn('missing-field', `Application ${a.id} has no creation date and was skipped.`, { ...where, field: 'createdAt' });
      continue;
    }
    const app: ImportedApplication = { ...ref(a.id), candidateExternalId: a.candidateId, createdAt: a.createdAt, stageHistory: [], status: 'active', prospect: a.status === 'lead' };
    if (a.jobId) {
      if (jobs.has(a.jobId)) app.roleExternalId = a.jobId;
      else log.warn('missing-reference', `Application ${a.id} refers to job ${a.jobId}, which is not in the files; it has no role.`, { ...where, field: 'job' });
    }
    if (a.sourceName) app.sourceName = a.sourceName;
    if (a.referrerName) app.referrerName = a.referrerName;
    let changes: ImportedStageChange[] = (history.get(a.id) ?? []).filter((h) => {
      if (stages.has(h.stageExternalId)) return true;
      log.tally('ashby:history-stage', { severity: 'warning', code: 'missing-reference', file: h.file, line: h.line, recordId: a.id, field: 'stageId' }, (n) => `${n} stage change(s) refer to an interview stage that is not in the files; they were skipped.`);
      return false;
    }).map(({ stageExternalId, at }) => ({ stageExternalId, at }));
    if (changes.length === 0 && a.stageId && stages.has(a.stageId)) {
      noHistory++;
      changes = [{ stageExternalId: a.stageId, at: a.createdAt }];
    }
    changes = orderHistory(changes, SYSTEM, a.id, a.createdAt, log, history.get(a.id)?.[0]?.file ?? a.file);
    app.stageHistory = changes;
    const current = a.stageId && stages.has(a.stageId) ? a.stageId : changes.at(-1)?.stageExternalId;
    if (current) app.currentStageExternalId = current;
    if (a.status === 'hired') {
      app.status = 'hired';
      const at = changes.at(-1)?.at ?? a.updatedAt;
      if (at) app.closedAt = at;
    } else if (a.status === 'archived') {
      const known = a.archiveReasonId ? archiveReasons.get(a.archiveReasonId) : undefined;
      const reason = a.archiveReason ?? known?.text;
      const type = a.archiveReasonType ?? known?.type;
      if (a.archiveReasonId && !reason) log.warn('missing-reference', `Application ${a.id} was archived for reason ${a.archiveReasonId}, which is not in the files; its loss reason is left empty.`, { ...where, field: 'archiveReason' });
      app.status = type === 'RejectedByCandidate' || /withdr/i.test(reason ?? '') ? 'withdrawn' : 'rejected';
      if (reason) app.rejectionReason = reason;
      const at = a.archivedAt ?? a.updatedAt;
      if (at) app.closedAt = at;
      if (at && changes.length && changes.at(-1)!.at > at) log.warn('out-of-order', `Application ${a.id} changed stage after it was archived; the stage times were kept.`, where);
    }
    appIds.add(a.id);
    batch.applications.push(app);
  }
  if (noHistory > 0) log.warn('no-stage-history', `${noHistory} application(s) have no history (application.listHistory); only their current stage is kept, entered when the application was created.`);

  const attached = <T extends { externalId: string } & Where>(list: T[], kind: string, owner: (x: T) => string | undefined, known: Set<string>): Omit<T, 'file' | 'line'>[] => {
    const kept: Omit<T, 'file' | 'line'>[] = [];
    for (const x of list) {
      const { file, line, ...rest } = x;
      const o = owner(x);
      if (!o || !known.has(o)) {
        log.warn('missing-reference', `${kind} ${x.externalId} belongs to ${o ?? '(none)'}, which is not imported; it was skipped.`, { file, line, recordId: x.externalId });
        continue;
      }
      setSourcePlace(rest, file, line);
      kept.push(rest);
    }
    return kept;
  };
  batch.interviews = attached(interviews.values(), 'Interview', (x) => x.applicationExternalId, appIds);
  for (const i of batch.interviews) if (!i.name && stages.get(interviewStageOf.get(i.externalId))) i.name = stages.get(interviewStageOf.get(i.externalId))!.name;
  batch.feedback = attached(feedback.values(), 'Feedback', (x) => x.applicationExternalId, appIds);
  for (const f of batch.feedback) if (!f.authorName && users.get(f.authorExternalId)) f.authorName = users.get(f.authorExternalId)!.name;
  batch.offers = attached(offers.values(), 'Offer', (x) => x.applicationExternalId, appIds);
  batch.notes = attached(notes.values(), 'Note', (x) => x.candidateExternalId, candidateIds);

  const duplicates = candidates.duplicates + apps.duplicates + feedback.duplicates + offers.duplicates + interviews.duplicates + jobs.duplicates;
  if (duplicates > 0) log.warn('duplicate-record', `${duplicates} record(s) appear more than once (pages fetched twice?); each was read once.`);
  batch.problems = log.done();
  return batch;
};

function recommendation(v: unknown): ImportedRecommendation | undefined {
  if (typeof v === 'number') return (['strong_no', 'no', 'yes', 'strong_yes'] as const)[Math.round(v) - 1];
  const t = (text(v) ?? '').toLowerCase().replace(/[^a-z0-9 ]/g, ' ');
  if (!t.trim()) return undefined;
  if (/^\s*4\b|strong(ly)? (yes|hire)|definitely yes/.test(t)) return 'strong_yes';
  if (/^\s*1\b|strong(ly)? no|definitely not/.test(t)) return 'strong_no';
  if (/^\s*2\b|\bno\b/.test(t)) return 'no';
  if (/^\s*3\b|\byes\b|\bhire\b/.test(t)) return 'yes';
  return undefined;
}

/** Feedback fields: a form definition gives titles and types for the submitted values; a Score becomes a rating, the
 * overall recommendation field the recommendation, everything else an answer. */
function readFeedbackFields(v: Obj, f: ImportedFeedback): void {
  const titles = new Map<string, { title: string; type?: string }>();
  for (const section of arr(obj(v.formDefinition)?.sections)) {
    for (const entry of arr(obj(section)?.fields)) {
      const field = obj(obj(entry)?.field) ?? obj(entry);
      const path = str(field?.path) ?? str(field?.id);
      if (path) titles.set(path, { title: str(field?.title) ?? path, ...(str(field?.type) ? { type: str(field?.type) } : {}) });
    }
  }
  const values = obj(v.submittedValues) ?? {};
  for (const [path, value] of Object.entries(values)) {
    const meta = titles.get(path) ?? { title: path };
    const isOverall = /overall|recommend/i.test(`${path} ${meta.title}`);
    if (isOverall && !f.recommendation) {
      const rec = recommendation(isObj(value) && 'score' in value ? value.score : value);
      if (rec) {
        f.recommendation = rec;
        continue;
      }
    }
    if (meta.type === 'Score' || (isObj(value) && typeof value.score === 'number')) {
      const rating = text(isObj(value) ? value.score : value);
      if (rating) f.ratings.push({ attribute: meta.title, rating });
      continue;
    }
    const answer = text(value);
    if (answer) f.answers.push({ question: meta.title, answer });
  }
  for (const s of arr(v.fieldSubmissions)) {
    if (!isObj(s)) continue;
    const question = str(s.title) ?? str(s.path);
    const answer = text(s.value);
    if (question && answer) f.answers.push({ question, answer });
  }
}

function readOffer(id: string, applicationId: string, v: Obj, where: Where, log: ProblemLog): (ImportedOffer & Where) | undefined {
  const raw = [obj(v.latestVersion), ...arr(v.versions)].filter(isObj);
  const seen = new Set<string>();
  const versions: ImportedOfferVersion[] = [];
  for (const x of raw) {
    const key = idOf(x.id) ?? JSON.stringify(x);
    if (seen.has(key)) continue;
    seen.add(key);
    const createdAt = toIso(x.createdAt);
    if (!createdAt) continue;
    const version: ImportedOfferVersion = { version: 0, createdAt, otherTerms: {} };
    const start = toDate(x.startDate);
    if (start) version.startDate = start;
    if (toIso(x.sentAt)) version.sentAt = toIso(x.sentAt);
    const salary = obj(x.salary);
    const amount = wholeUnits(salary?.value);
    const currency = str(salary?.currencyCode)?.toUpperCase();
    if (amount !== undefined && isCurrency(currency)) version.base = { amount, currency: currency! };
    for (const c of arr(x.customFields)) {
      if (!isObj(c)) continue;
      const title = str(c.title) ?? str(c.id);
      const value = text(c.value);
      if (title && value) version.otherTerms[title] = value;
    }
    versions.push(version);
  }
  if (versions.length === 0) {
    log.warn('missing-field', `Offer ${id} has no version with a date; it was skipped.`, { ...where, recordId: id });
    return undefined;
  }
  versions.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  versions.forEach((x, i) => (x.version = i + 1));
  const acceptance = (str(v.acceptanceStatus) ?? '').toLowerCase();
  const offerStatus = (str(v.offerStatus) ?? '').toLowerCase();
  const status: ImportedOffer['status'] =
    acceptance === 'accepted' || offerStatus === 'candidateaccepted' ? 'accepted'
      : acceptance === 'declined' || offerStatus === 'candidaterejected' ? 'declined'
        : acceptance === 'cancelled' || offerStatus === 'offercancelled' ? 'deprecated'
          : offerStatus === 'waitingoncandidateresponse' || acceptance === 'waitingonresponse' ? 'sent'
            : 'draft';
  const approvals: ImportedOfferApproval[] = [];
  for (const a of arr(v.approvals ?? v.approvalSteps)) {
    if (!isObj(a)) continue;
    const s = (str(a.status) ?? str(a.approvalStatus) ?? '').toLowerCase();
    const approval: ImportedOfferApproval = { status: s.startsWith('approv') ? 'approved' : s.startsWith('reject') || s === 'denied' ? 'rejected' : 'pending' };
    const approver = idOf(a.approverUserId ?? a.userId ?? a.user);
    if (approver) approval.approverExternalId = approver;
    const at = toIso(a.decidedAt ?? a.resolvedAt ?? a.approvedAt);
    if (at) approval.resolvedAt = at;
    approvals.push(approval);
  }
  const offer: ImportedOffer & Where = { ...ref(id), ...where, applicationExternalId: applicationId, status, versions, approvals };
  const decided = toIso(v.decidedAt);
  if (decided && (status === 'accepted' || status === 'declined')) offer.resolvedAt = decided;
  return offer;
}

const ref = (id: string) => ({ externalSystem: SYSTEM, externalId: id });
