// Lever API v1 files into an ImportBatch: opportunities (one candidacy each; the contact is the person) with their
// `stageChanges` (epoch milliseconds), archive reasons, postings, stages, users, feedback, interviews, offers and
// notes. Per-opportunity resources (feedback, offers, interviews, notes) name their opportunity with
// `opportunityId`, or sit in a folder named after it (`opportunities/<id>/feedback.json`), or are embedded in the
// opportunity under the same key.
import {
  emptyBatch,
  type ImportBatch,
  type ImportedApplication,
  type ImportedCandidate,
  type ImportedFeedback,
  type ImportedInterview,
  type ImportedMoney,
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
  bool,
  forEachVendorRecord,
  idOf,
  isCurrency,
  isObj,
  num,
  obj,
  orderHistory,
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

const SYSTEM = 'lever' as const;

const RESOURCES: Record<string, string> = {
  opportunities: 'opportunities', opportunity: 'opportunities', candidates: 'opportunities',
  stages: 'stages', stage: 'stages', archivereasons: 'archive_reasons', archivereason: 'archive_reasons',
  postings: 'postings', posting: 'postings', users: 'users', user: 'users',
  feedback: 'feedback', opportunityfeedback: 'feedback', interviews: 'interviews', interview: 'interviews', opportunityinterviews: 'interviews',
  offers: 'offers', offer: 'offers', opportunityoffers: 'offers', notes: 'notes', note: 'notes', opportunitynotes: 'notes',
  applications: 'applications', application: 'applications', opportunityapplications: 'applications',
  sources: 'skip', tags: 'skip', requisitions: 'skip', requisitionfields: 'skip', resumes: 'skip', files: 'skip', referrals: 'skip', contacts: 'skip', panels: 'skip',
};

const OPPORTUNITY_FIELDS = ['id', 'name', 'headline', 'contact', 'emails', 'phones', 'links', 'location', 'stage', 'stageChanges', 'archived', 'tags', 'sources', 'origin', 'sourcedBy', 'createdAt', 'posting'] as const;

/** The Lever resource a file or key names (`archive_reasons.json`, `opportunity_feedback/page-1.json`). */
export function leverResource(name: string): string | undefined {
  return RESOURCES[name.toLowerCase().replace(/[^a-z]/g, '')];
}

interface Where {
  file: string;
  line: number;
}

interface OfferDraft extends Where {
  id: string;
  opportunityId: string;
  createdAt?: string;
  status: ImportedOffer['status'];
  sentAt?: string;
  startDate?: string;
  base?: ImportedMoney;
  otherTerms: Record<string, string>;
  approvals: ImportedOfferApproval[];
  resolvedAt?: string;
}

/** Reads Lever JSON files into one batch. */
export const parseLever: ImportParser = async (files: readonly ImportFile[]): Promise<ImportBatch> => {
  const log = new ProblemLog();
  const batch = emptyBatch(SYSTEM);
  const ref = (id: string) => ({ externalSystem: SYSTEM, externalId: id });

  const users = new RecordMap<ImportedUser>();
  const stages = new RecordMap<ImportedStage>();
  const archiveReasons = new Map<string, string>();
  const postings = new RecordMap<ImportedRole>();
  const opportunities = new RecordMap<Obj & { __where: Where }>();
  const postingOf = new Map<string, string>();
  const feedback = new RecordMap<ImportedFeedback & Where>();
  const interviews = new RecordMap<ImportedInterview & Where>();
  const offers = new RecordMap<OfferDraft>();
  const notes = new RecordMap<ImportedNote & Where>();
  let stageOrder = 0;

  const opportunityOf = (v: Obj, r: VendorRecord, parent?: string): string | undefined => {
    const explicit = idOf(v.opportunityId ?? v.opportunity ?? v.candidateId) ?? parent;
    if (explicit) return explicit;
    // opportunities/<id>/feedback.json
    const parts = r.file.split('/');
    const i = parts.findIndex((p) => leverResource(p) === 'opportunities');
    return i >= 0 && parts[i + 1] && parts[i + 1] !== parts.at(-1) ? parts[i + 1] : undefined;
  };

  const onRecord = (r: VendorRecord, parent?: string): void => {
    const v = r.value;
    const where = { file: r.file, line: r.line };
    const id = idOf(v.id);
    switch (r.resource) {
      case 'opportunities': {
        if (!id) return log.warn('missing-field', 'An opportunity has no id and was skipped.', where);
        for (const key of ['feedback', 'offers', 'interviews', 'notes', 'applications'] as const) {
          for (const x of arr(v[key])) if (isObj(x)) onRecord({ ...r, resource: key, value: x }, id);
        }
        // Only the fields the batch needs are kept, so memory grows with what is imported, not with the file.
        const kept: Obj & { __where: Where } = { __where: where };
        for (const key of OPPORTUNITY_FIELDS) if (v[key] !== undefined && v[key] !== null) kept[key] = v[key];
        kept.applications = arr(v.applications).filter(isObj).map((a) => ({ posting: a.posting }));
        opportunities.set(id, kept);
        return;
      }
      case 'stages':
        if (id) stages.set(id, { ...ref(id), name: str(v.text) ?? `Stage ${id}`, order: stageOrder++ });
        return;
      case 'archive_reasons':
        if (id && str(v.text)) archiveReasons.set(id, str(v.text)!);
        return;
      case 'users':
        if (!id) return;
        users.set(id, { ...ref(id), name: str(v.name) ?? str(v.email) ?? `User ${id}`, ...(str(v.email) ? { email: str(v.email) } : {}) });
        return;
      case 'postings': {
        if (!id) return log.warn('missing-field', 'A posting has no id and was skipped.', where);
        const state = str(v.state)?.toLowerCase();
        const categories = obj(v.categories);
        const role: ImportedRole = {
          ...ref(id),
          title: str(v.text) ?? `Posting ${id}`,
          status: state === 'closed' || state === 'rejected' ? 'closed' : state === 'draft' || state === 'pending' ? 'draft' : 'open',
        };
        const opened = toIso(v.createdAt);
        if (opened) role.openedAt = opened;
        const department = str(categories?.department) ?? str(categories?.team);
        if (department) role.department = department;
        const location = str(categories?.location);
        if (location) role.location = location;
        postings.set(id, role);
        return;
      }
      case 'applications': {
        const opp = opportunityOf(v, r, parent);
        const posting = idOf(v.posting);
        if (opp && posting && !postingOf.has(opp)) postingOf.set(opp, posting);
        return;
      }
      case 'feedback': {
        if (!id) return log.warn('missing-field', 'A feedback form has no id and was skipped.', where);
        const opp = opportunityOf(v, r, parent);
        if (!opp) return log.warn('missing-reference', `Feedback ${id} does not say which opportunity it belongs to; it was skipped.`, { ...where, recordId: id });
        const f: ImportedFeedback & Where = { ...ref(id), ...where, applicationExternalId: opp, ratings: [], answers: [] };
        if (str(v.text)) f.interviewName = str(v.text);
        const interviewId = idOf(v.interview ?? v.panel);
        if (interviewId) f.interviewExternalId = interviewId;
        const author = idOf(v.user);
        if (author) f.authorExternalId = author;
        const submitted = toIso(v.completedAt) ?? toIso(v.createdAt);
        if (submitted) f.submittedAt = submitted;
        for (const field of arr(v.fields)) {
          if (!isObj(field)) continue;
          const label = str(field.text) ?? str(field.prompt) ?? '';
          const type = str(field.type);
          if (type === 'score-system' || /overall|recommend/i.test(label)) {
            const rec = recommendation(field.value);
            if (rec) {
              f.recommendation = rec;
              continue;
            }
          }
          if (type === 'scorecard') {
            for (const s of arr(field.value)) {
              if (!isObj(s)) continue;
              const attribute = str(s.text);
              const rating = text(s.score);
              if (attribute && rating) f.ratings.push(str(s.comment) ? { attribute, rating, note: str(s.comment) } : { attribute, rating });
            }
            continue;
          }
          const answer = type === 'score' ? text(field.value) : text(field.value);
          if (label && answer) f.answers.push({ question: label, answer });
        }
        feedback.set(id, f);
        return;
      }
      case 'interviews': {
        if (!id) return log.warn('missing-field', 'An interview has no id and was skipped.', where);
        const opp = opportunityOf(v, r, parent);
        if (!opp) return log.warn('missing-reference', `Interview ${id} does not say which opportunity it belongs to; it was skipped.`, { ...where, recordId: id });
        const i: ImportedInterview & Where = { ...ref(id), ...where, applicationExternalId: opp, interviewerExternalIds: arr(v.interviewers).map((x) => idOf(x)).filter((x): x is string => !!x) };
        if (str(v.subject)) i.name = str(v.subject);
        const start = toIso(v.date);
        if (start) {
          i.startsAt = start;
          const minutes = num(v.duration);
          if (minutes !== undefined) i.endsAt = new Date(Date.parse(start) + minutes * 60_000).toISOString();
        }
        i.status = toIso(v.canceledAt) ? 'cancelled' : 'scheduled';
        interviews.set(id, i);
        return;
      }
      case 'offers': {
        if (!id) return log.warn('missing-field', 'An offer has no id and was skipped.', where);
        const opp = opportunityOf(v, r, parent);
        if (!opp) return log.warn('missing-reference', `Offer ${id} does not say which opportunity it belongs to; it was skipped.`, { ...where, recordId: id });
        offers.set(id, readOffer(id, opp, v, where));
        return;
      }
      case 'notes': {
        if (!id) return;
        const opp = opportunityOf(v, r, parent);
        const body = str(v.text) ?? text(arr(v.fields).map((f) => (isObj(f) ? f.value : undefined)));
        const createdAt = toIso(v.createdAt);
        if (!opp || !body || !createdAt) return log.warn('missing-field', `Note ${id} lacks its opportunity, text or date; it was skipped.`, { ...where, recordId: id });
        const note: ImportedNote & Where = { ...ref(id), ...where, applicationExternalId: opp, body, createdAt };
        const author = idOf(v.user);
        if (author) note.authorExternalId = author;
        notes.set(id, note);
        return;
      }
      default:
        return;
    }
  };

  await forEachVendorRecord(files, leverResource, log, (r) => onRecord(r));

  // ---- assemble ----------------------------------------------------------------------------------------------
  batch.users = users.values();
  batch.roles = postings.values();
  const stageList = stages.values();
  const knownStage = new Set(stageList.map((s) => s.externalId));

  const contacts = new Map<string, ImportedCandidate>();
  const appIds = new Set<string>();
  let noHistory = 0;
  let guessedStages = 0;
  for (const o of opportunities.values()) {
    const id = idOf(o.id)!;
    const where = { ...o.__where, recordId: id };
    const createdAt = toIso(o.createdAt);
    if (!createdAt) {
      log.warn('missing-field', `Opportunity ${id} has no creation date and was skipped.`, { ...where, field: 'createdAt' });
      continue;
    }
    const contactId = idOf(o.contact) ?? id;
    let person = contacts.get(contactId);
    const emails = arr(o.emails).map(str).filter((e): e is string => !!e);
    if (!person) {
      person = {
        ...ref(contactId),
        name: str(o.name) ?? emails[0] ?? `Candidate ${contactId}`,
        otherEmails: emails.slice(1),
        links: arr(o.links).map(str).filter((l): l is string => !!l),
        tags: arr(o.tags).map(str).filter((t): t is string => !!t),
        createdAt,
      };
      if (!str(o.name)) log.warn('missing-field', `Opportunity ${id} has no name; the e-mail address or id is used.`, { ...where, field: 'name' });
      if (emails[0]) person.email = emails[0];
      const phone = arr(o.phones).map((p) => (isObj(p) ? str(p.value) : str(p))).find(Boolean);
      if (phone) person.phone = phone;
      const location = text(o.location);
      if (location) person.location = location;
      if (str(o.headline)) person.title = str(o.headline);
      contacts.set(contactId, person);
    } else {
      // A second opportunity of the same person: keep the earliest date and every address.
      if (createdAt < person.createdAt) person.createdAt = createdAt;
      for (const e of emails) if (e !== person.email && !person.otherEmails.includes(e)) person.otherEmails.push(e);
    }

    const app: ImportedApplication = { ...ref(id), candidateExternalId: contactId, createdAt, stageHistory: [], status: 'active', prospect: false };
    const postingId = postingOf.get(id) ?? idOf(arr(o.applications).map((a) => (isObj(a) ? a.posting : undefined)).find(Boolean)) ?? idOf(o.posting);
    if (postingId) {
      if (postings.has(postingId)) app.roleExternalId = postingId;
      else log.warn('missing-reference', `Opportunity ${id} is for posting ${postingId}, which is not in postings; it has no role.`, { ...where, field: 'posting' });
    } else {
      app.prospect = true; // a sourced lead not yet attached to a posting
    }
    const source = str(arr(o.sources)[0]) ?? str(o.origin);
    if (source) app.sourceName = source;
    if (str(o.origin) === 'referred') {
      const by = users.get(idOf(o.sourcedBy))?.name ?? text(obj(o.sourcedBy)?.name);
      if (by) app.referrerName = by;
    }

    let changes: ImportedStageChange[] = [];
    for (const c of arr(o.stageChanges)) {
      if (!isObj(c)) continue;
      const stageId = idOf(c.toStageId);
      const at = toIso(c.updatedAt);
      if (!stageId || !at) {
        log.warn('missing-field', `A stage change of opportunity ${id} lacks its stage or time; it was skipped.`, where);
        continue;
      }
      if (!knownStage.has(stageId)) {
        // Stages are account-wide in Lever; without stages.json their names are unknown but their order is given.
        knownStage.add(stageId);
        guessedStages++;
        stageList.push({ ...ref(stageId), name: `Stage ${num(c.toStageIndex) ?? '?'}`, order: num(c.toStageIndex) ?? 1000 + guessedStages });
      }
      changes.push({ stageExternalId: stageId, at });
    }
    const current = idOf(o.stage);
    if (changes.length === 0 && current) {
      noHistory++;
      if (!knownStage.has(current)) {
        knownStage.add(current);
        guessedStages++;
        stageList.push({ ...ref(current), name: `Stage ${current}`, order: 1000 + guessedStages });
      }
      changes = [{ stageExternalId: current, at: createdAt }];
    }
    changes = orderHistory(changes, SYSTEM, id, createdAt, log, o.__where.file);
    app.stageHistory = changes;
    const currentStage = current ?? changes.at(-1)?.stageExternalId;
    if (currentStage) app.currentStageExternalId = currentStage;

    const archived = obj(o.archived);
    if (archived) {
      const at = toIso(archived.archivedAt);
      const reasonId = idOf(archived.reason);
      const reason = reasonId ? archiveReasons.get(reasonId) : undefined;
      if (reasonId && !reason) log.warn('missing-reference', `Opportunity ${id} was archived for reason ${reasonId}, which is not in archive_reasons; its loss reason is left empty.`, { ...where, field: 'archived.reason' });
      if (reason && /^hired$/i.test(reason)) app.status = 'hired';
      else {
        app.status = reason && /withdr|declined|not interested/i.test(reason) ? 'withdrawn' : 'rejected';
        if (reason) app.rejectionReason = reason;
      }
      if (at) app.closedAt = at;
      if (at && changes.length && changes.at(-1)!.at > at) log.warn('out-of-order', `Opportunity ${id} changed stage after it was archived; the stage times were kept.`, where);
    }
    appIds.add(id);
    batch.applications.push(app);
  }
  if (noHistory > 0) log.warn('no-stage-history', `${noHistory} opportunity(ies) have no stageChanges; only their current stage is kept, entered when the opportunity was created.`);
  if (guessedStages > 0) log.warn('stage-name-unknown', `${guessedStages} stage(s) are not in stages.json, so their names are unknown; name them in the review step.`);
  batch.stages = stageList;
  batch.candidates = [...contacts.values()];

  const attached = <T extends { applicationExternalId?: string; externalId: string } & Where>(list: T[], kind: string): Omit<T, 'file' | 'line'>[] => {
    const kept: Omit<T, 'file' | 'line'>[] = [];
    for (const x of list) {
      const { file, line, ...rest } = x;
      if (!x.applicationExternalId || !appIds.has(x.applicationExternalId)) {
        log.warn('missing-reference', `${kind} ${x.externalId} belongs to opportunity ${x.applicationExternalId ?? '(none)'}, which is not imported; it was skipped.`, { file, line, recordId: x.externalId });
        continue;
      }
      setSourcePlace(rest, file, line);
      kept.push(rest);
    }
    return kept;
  };
  batch.interviews = attached(interviews.values(), 'Interview');
  batch.feedback = attached(feedback.values(), 'Feedback');
  for (const f of batch.feedback) {
    const name = users.get(f.authorExternalId)?.name;
    if (name) f.authorName = name;
  }
  batch.notes = attached(notes.values(), 'Note');

  // Offers: Lever keeps one record per offer; several offers on one opportunity are its versions, oldest first.
  const byOpp = new Map<string, OfferDraft[]>();
  for (const o of offers.values()) {
    if (!appIds.has(o.opportunityId)) {
      log.warn('missing-reference', `Offer ${o.id} belongs to opportunity ${o.opportunityId}, which is not imported; it was skipped.`, { file: o.file, line: o.line, recordId: o.id });
      continue;
    }
    if (!o.createdAt) {
      log.warn('missing-field', `Offer ${o.id} has no creation date and was skipped.`, { file: o.file, line: o.line, recordId: o.id, field: 'createdAt' });
      continue;
    }
    byOpp.set(o.opportunityId, [...(byOpp.get(o.opportunityId) ?? []), o]);
  }
  for (const [opp, list] of byOpp) {
    list.sort((a, b) => a.createdAt!.localeCompare(b.createdAt!));
    const versions: ImportedOfferVersion[] = list.map((o, i) => ({
      version: i + 1,
      createdAt: o.createdAt!,
      ...(o.sentAt ? { sentAt: o.sentAt } : {}),
      ...(o.startDate ? { startDate: o.startDate } : {}),
      ...(o.base ? { base: o.base } : {}),
      otherTerms: o.otherTerms,
    }));
    const latest = list.at(-1)!;
    const offer: ImportedOffer = { ...ref(list[0].id), applicationExternalId: opp, status: latest.status, versions, approvals: list.flatMap((o) => o.approvals) };
    setSourcePlace(offer, list[0].file, list[0].line);
    if (latest.resolvedAt) offer.resolvedAt = latest.resolvedAt;
    batch.offers.push(offer);
  }

  const duplicates = opportunities.duplicates + feedback.duplicates + offers.duplicates + interviews.duplicates + notes.duplicates + postings.duplicates;
  if (duplicates > 0) log.warn('duplicate-record', `${duplicates} record(s) appear more than once (pages fetched twice?); each was read once.`);
  batch.problems = log.done();
  return batch;
};

function recommendation(v: unknown): ImportedRecommendation | undefined {
  const t = (text(v) ?? '').toLowerCase();
  if (!t) return undefined;
  if (/strong\s*no|^1\b|definitely not/.test(t)) return 'strong_no';
  if (/strong\s*(hire|yes)|^4\b/.test(t)) return 'strong_yes';
  if (/no hire|^no\b|^2\b/.test(t)) return 'no';
  if (/hire|^yes\b|^3\b/.test(t)) return 'yes';
  return undefined;
}

/** One Lever offer: status, approval, and the fields that hold pay (identifiers are per account, so matched loosely). */
function readOffer(id: string, opportunityId: string, v: Obj, where: Where): OfferDraft {
  const raw = (str(v.status) ?? '').toLowerCase();
  const status: ImportedOffer['status'] =
    raw === 'signed' || raw === 'accepted' || raw === 'hired' ? 'accepted'
      : /declin|reject/.test(raw) ? 'declined'
        : raw === 'sent' || raw === 'sent-manually' || raw === 'opened' ? 'sent'
          : 'draft';
  const draft: OfferDraft = { id, opportunityId, ...where, status, otherTerms: {}, approvals: [] };
  const created = toIso(v.createdAt);
  if (created) draft.createdAt = created;
  const sent = toIso(v.sentAt);
  if (sent) draft.sentAt = sent;
  const signed = toIso(obj(obj(v.signatures)?.candidate)?.signedAt);
  if (status === 'accepted' && signed) draft.resolvedAt = signed;
  let amount: number | undefined;
  let currency: string | undefined;
  for (const f of arr(v.fields)) {
    if (!isObj(f)) continue;
    const key = `${str(f.identifier) ?? ''} ${str(f.text) ?? ''}`.toLowerCase();
    const value = f.value;
    if (/start/.test(key) && toDate(value)) {
      draft.startDate = toDate(value);
      continue;
    }
    if (/currency/.test(key) && isCurrency(value)) {
      currency = String(value).toUpperCase();
      continue;
    }
    if (amount === undefined && /salary|base|compensation_amount/.test(key) && wholeUnits(value) !== undefined) {
      amount = wholeUnits(value);
      continue;
    }
    const t = text(value);
    if (t !== undefined) draft.otherTerms[str(f.text) ?? str(f.identifier) ?? 'field'] = t;
  }
  if (amount !== undefined && currency) draft.base = { amount, currency };
  else if (amount !== undefined) draft.otherTerms.Salary = String(amount);
  const approved = bool(v.approved);
  const approvedAt = toIso(v.approvedAt);
  if (approved || approvedAt) draft.approvals.push({ status: 'approved', ...(approvedAt ? { resolvedAt: approvedAt } : {}) });
  else if (raw === 'denied') draft.approvals.push({ status: 'rejected' });
  else if (raw === 'approval-sent') draft.approvals.push({ status: 'pending' });
  return draft;
}
