// Greenhouse Harvest files into an ImportBatch. Reads v3 (one file per resource, or a folder of pages:
// `candidates.json`, `candidates/page-0001.json`, flat records with foreign keys) and v1/v2 dumps (nested records
// with names instead of foreign keys, applications embedded in candidates) in one import; a record present in both
// is taken from v3. Stage history comes from v3 `application_stages` (entered_at) or, for v1, from
// `application_history` records when present; otherwise only the current stage is kept, with a warning.
import {
  emptyBatch,
  type ImportBatch,
  type ImportedApplication,
  type ImportedApplicationStatus,
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

const SYSTEM = 'greenhouse' as const;

/** Resources this parser reads; other Harvest resources (attachments, tags, EEOC...) are known and skipped. */
const READ = [
  'candidates', 'applications', 'application_stages', 'application_history', 'jobs', 'job_interview_stages', 'job_stages',
  'departments', 'offices', 'users', 'sources', 'referrers', 'rejection_details', 'rejection_reasons', 'scorecards',
  'scorecard_candidate_attributes', 'scorecard_question_answers', 'scorecard_questions', 'job_candidate_attributes',
  'interviews', 'scheduled_interviews', 'job_interviews', 'interviewers', 'offers', 'approval_flows', 'approvers', 'approver_groups', 'notes',
] as const;
const SKIPPED = [
  'applied_candidate_tags', 'attachments', 'candidate_attribute_types', 'candidate_educations', 'candidate_employments', 'candidate_tags',
  'close_reasons', 'custom_fields', 'default_interviewers', 'eeoc', 'focus_candidate_attributes', 'interview_kits', 'interviewer_tags',
  'job_hiring_managers', 'job_notes', 'job_owners', 'job_post_locations', 'job_posts', 'openings', 'pay_input_ranges', 'prospect_details',
  'prospect_pools', 'prospect_pool_stages', 'scorecard_question_answer_options', 'scorecard_question_candidate_attributes',
  'scorecard_question_options', 'tracking_links', 'user_emails', 'user_job_permissions', 'user_roles', 'activity_feed', 'demographics',
];
const KNOWN = new Set<string>([...READ, ...SKIPPED]);
const ALIASES: Record<string, string> = { candidate: 'candidates', application: 'applications', job: 'jobs', user: 'users', scorecard: 'scorecards', offer: 'offers', note: 'notes', interview: 'interviews', stages: 'job_interview_stages', job_interview_stage: 'job_interview_stages', application_stage: 'application_stages' };

/** The Harvest resource a file or top-level key names, in Harvest's snake_case spelling. */
export function greenhouseResource(name: string): string | undefined {
  const n = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(harvest_)?(v[123]_)?/, '');
  if (KNOWN.has(n)) return n;
  if (ALIASES[n]) return ALIASES[n];
  if (n.startsWith('custom_field') || n.startsWith('demographic')) return 'custom_fields';
  return undefined;
}

interface Where {
  file: string;
  line: number;
}

interface AppDraft extends Where {
  id: string;
  v: 1 | 3;
  candidateId?: string;
  jobId?: string;
  jobName?: string;
  createdAt?: string;
  sourceId?: string;
  sourceName?: string;
  referrerId?: string;
  referrerName?: string;
  stageId?: string;
  stageName?: string;
  status?: string;
  rejectedAt?: string;
  rejectionReasonId?: string;
  rejectionReason?: string;
  prospect: boolean;
  lastActivityAt?: string;
  updatedAt?: string;
}

interface CandidateDraft extends Where {
  v: 1 | 3;
  candidate: ImportedCandidate;
}

interface ScorecardDraft extends Where {
  id: string;
  applicationId?: string;
  interviewName?: string;
  authorId?: string;
  authorName?: string;
  submittedAt?: string;
  recommendation?: ImportedRecommendation;
  ratings: ImportedFeedback['ratings'];
  answers: ImportedFeedback['answers'];
  notes?: string;
  draft: boolean;
}

interface OfferDraft extends Where {
  id: string;
  version: number;
  applicationId?: string;
  status: ImportedOffer['status'];
  createdAt?: string;
  sentAt?: string;
  startDate?: string;
  resolvedAt?: string;
  base?: ImportedMoney;
  otherTerms: Record<string, string>;
}

interface History {
  stageId: string;
  at: string;
  line: number;
  file: string;
}

const RECOMMENDATIONS: Record<string, ImportedRecommendation> = {
  definitely_not: 'strong_no', strong_no: 'strong_no', no: 'no', mixed: 'mixed', yes: 'yes', strong_yes: 'strong_yes', no_decision: 'no_decision',
};

/** Reads Greenhouse Harvest v1/v2/v3 JSON files into one batch. */
export const parseGreenhouse: ImportParser = async (files: readonly ImportFile[]): Promise<ImportBatch> => {
  const log = new ProblemLog();
  const batch = emptyBatch(SYSTEM);

  const users = new RecordMap<ImportedUser>();
  const departments = new Map<string, string>();
  const offices = new Map<string, string>();
  const sources = new Map<string, string>();
  const referrers = new Map<string, { name?: string; userId?: string }>();
  const rejectionReasons = new Map<string, string>();
  const rejectionDetails = new Map<string, { reasonId?: string; rejectedAt?: string }>();
  const jobs = new RecordMap<ImportedRole & { departmentId?: string; officeId?: string }>();
  const stages = new RecordMap<ImportedStage>();
  const jobStubs = new Set<string>(); // jobs known only by name from a v1 application
  const candidates = new Map<string, CandidateDraft>();
  const apps = new Map<string, AppDraft>();
  const history = new Map<string, History[]>();
  const historyV1 = new Map<string, History[]>();
  const scorecards = new RecordMap<ScorecardDraft>();
  const scorecardRatings = new Map<string, { attributeId?: string; rating: string; note?: string }[]>();
  const scorecardAnswers = new Map<string, { questionId?: string; answer: string }[]>();
  const scorecardQuestions = new Map<string, string>();
  const attributes = new Map<string, string>();
  const interviews = new RecordMap<ImportedInterview & { jobInterviewId?: string } & Where>();
  const jobInterviews = new Map<string, string>();
  const interviewers: { interviewId: string; userId: string }[] = [];
  const offers: OfferDraft[] = [];
  const flows: { id?: string; offerId?: string; status?: string }[] = [];
  const approvers: { flowId?: string; groupId?: string; userId?: string; status?: string; resolvedAt?: string }[] = [];
  const approverGroups = new Map<string, string>();
  const notes = new RecordMap<ImportedNote & Where>();
  let duplicateRecords = 0;

  const ref = (id: string) => ({ externalSystem: SYSTEM, externalId: id });
  const missingId = (r: VendorRecord) => log.warn('missing-field', `A ${r.resource} record has no id and was skipped.`, { file: r.file, line: r.line });

  const addApplication = (a: Obj, r: Where, v: 1 | 3, candidateId?: string): void => {
    const id = idOf(a.id);
    if (!id) {
      log.warn('missing-field', 'An application has no id and was skipped.', r);
      return;
    }
    const previous = apps.get(id);
    if (previous) {
      duplicateRecords++;
      if (previous.v === 3 || v === 1) return;
    }
    const draft: AppDraft = { id, v, file: r.file, line: r.line, prospect: bool(a.prospect) ?? false, candidateId: idOf(a.candidate_id) ?? candidateId };
    draft.status = str(a.status)?.toLowerCase();
    draft.rejectedAt = toIso(a.rejected_at);
    draft.lastActivityAt = toIso(a.last_activity_at);
    draft.updatedAt = toIso(a.updated_at);
    if (v === 3) {
      draft.jobId = idOf(a.job_id);
      draft.createdAt = toIso(a.created_at) ?? toIso(a.applied_at);
      draft.sourceId = idOf(a.source_id);
      draft.referrerId = idOf(a.referrer_id);
      draft.stageId = idOf(a.stage_id);
      draft.stageName = str(a.stage_name);
    } else {
      const jobList = arr(a.jobs).filter(isObj);
      if (jobList.length > 1) log.warn('several-jobs', `Application ${id} is on ${jobList.length} jobs; it was imported on the first (${text(jobList[0].name) ?? idOf(jobList[0].id)}).`, { ...r, recordId: id });
      const job = jobList[0];
      if (job) {
        draft.jobId = idOf(job.id);
        draft.jobName = str(job.name);
        if (draft.jobId && str(job.name) && !jobs.has(draft.jobId)) {
          jobs.set(draft.jobId, { ...ref(draft.jobId), title: str(job.name) ?? draft.jobId, status: 'open' });
          jobStubs.add(draft.jobId);
        }
      }
      draft.createdAt = toIso(a.applied_at) ?? toIso(a.created_at);
      const source = obj(a.source);
      draft.sourceName = str(source?.public_name) ?? str(source?.name);
      const credited = obj(a.credited_to);
      const creditedName = personName(credited?.first_name, credited?.last_name, credited?.name);
      if (creditedName && /refer/i.test(draft.sourceName ?? '')) draft.referrerName = creditedName;
      const stage = obj(a.current_stage);
      draft.stageId = idOf(stage?.id);
      draft.stageName = str(stage?.name);
      if (draft.stageId && draft.stageName && draft.jobId) {
        stages.set(draft.stageId, { ...ref(draft.stageId), name: draft.stageName, order: Number.MAX_SAFE_INTEGER, roleExternalId: draft.jobId });
      }
      draft.rejectionReason = text(obj(a.rejection_reason)?.name);
      for (const entry of arr(a.application_history ?? a.stage_history)) if (isObj(entry)) addHistoryV1({ ...entry, application_id: id }, r);
    }
    apps.set(id, draft);
  };

  const addHistoryV1 = (h: Obj, r: Where): void => {
    const appId = idOf(h.application_id);
    const stageId = idOf(h.new_stage_id ?? h.stage_id);
    const at = toIso(h.valid_from ?? h.entered_at ?? h.created_at);
    if (!appId || !stageId || !at) {
      log.warn('missing-field', 'A stage history record lacks its application, stage or time and was skipped.', r);
      return;
    }
    const name = str(h.new_stage_name ?? h.stage_name);
    if (name && !stages.has(stageId)) stages.set(stageId, { ...ref(stageId), name, order: Number.MAX_SAFE_INTEGER });
    const list = historyV1.get(appId) ?? [];
    list.push({ stageId, at, file: r.file, line: r.line });
    historyV1.set(appId, list);
  };

  const addCandidate = (c: Obj, r: VendorRecord): void => {
    const id = idOf(c.id);
    if (!id) return missingId(r);
    const embedded = arr(c.applications).filter(isObj);
    const v: 1 | 3 = embedded.length > 0 || 'is_private' in c || 'last_activity' in c || 'keyed_custom_fields' in c ? 1 : 3;
    for (const a of embedded) addApplication(a, r, 1, id);
    const previous = candidates.get(id);
    if (previous) {
      duplicateRecords++;
      if (previous.v === 3 || v === 1) return;
    }
    const emails = arr(c.email_addresses).map((e) => (isObj(e) ? str(e.value) : str(e))).filter((e): e is string => !!e);
    const links = [...arr(c.website_addresses), ...arr(c.social_media_addresses)].map((e) => (isObj(e) ? str(e.value) : str(e))).filter((e): e is string => !!e);
    const tags = arr(c.tags).map((t) => (isObj(t) ? str(t.name) : str(t))).filter((t): t is string => !!t);
    const name = personName(c.preferred_name ?? c.first_name, c.last_name, c.name);
    const createdAt = toIso(c.created_at);
    const candidate: ImportedCandidate = {
      ...ref(id),
      name: name ?? '',
      otherEmails: emails.slice(1),
      links,
      tags,
      createdAt: createdAt ?? '',
    };
    if (emails[0]) candidate.email = emails[0];
    const phone = arr(c.phone_numbers).map((p) => (isObj(p) ? str(p.value) : str(p))).find(Boolean);
    if (phone) candidate.phone = phone;
    const address = arr(c.addresses).map((p) => (isObj(p) ? str(p.value) : str(p))).find(Boolean);
    if (address) candidate.location = address;
    if (str(c.company)) candidate.currentEmployer = str(c.company);
    if (str(c.title)) candidate.title = str(c.title);
    candidates.set(id, { v, candidate, file: r.file, line: r.line });
  };

  const addScorecard = (s: Obj, r: VendorRecord): void => {
    const id = idOf(s.id);
    if (!id) return missingId(r);
    const submitter = obj(s.submitted_by) ?? obj(s.interviewer);
    const draft: ScorecardDraft = {
      id,
      file: r.file,
      line: r.line,
      applicationId: idOf(s.application_id),
      interviewName: str(s.interview) ?? str(obj(s.interview_step)?.name),
      authorId: idOf(s.submitter_id) ?? idOf(s.interviewer_id) ?? idOf(submitter?.id),
      authorName: submitter ? personName(submitter.first_name, submitter.last_name, submitter.name) : undefined,
      submittedAt: toIso(s.submitted_at) ?? toIso(s.interviewed_at),
      recommendation: RECOMMENDATIONS[str(s.candidate_rating ?? s.overall_recommendation)?.toLowerCase() ?? ''],
      ratings: [],
      answers: [],
      notes: str(s.public_notes) ?? str(s.notes),
      draft: str(s.status)?.toLowerCase() === 'draft',
    };
    for (const a of arr(s.attributes)) {
      if (!isObj(a)) continue;
      const attribute = str(a.name);
      const rating = str(a.rating);
      if (attribute && rating) draft.ratings.push(str(a.note) ? { attribute, rating, note: str(a.note) } : { attribute, rating });
    }
    if (draft.ratings.length === 0 && isObj(s.ratings)) {
      for (const [rating, names] of Object.entries(s.ratings)) for (const n of arr(names)) if (str(n)) draft.ratings.push({ attribute: str(n)!, rating });
    }
    for (const q of arr(s.questions)) {
      if (!isObj(q)) continue;
      const question = str(q.question);
      const answer = text(q.answer);
      if (question && answer) draft.answers.push({ question, answer });
    }
    scorecards.set(id, draft);
  };

  const addOffer = (o: Obj, r: VendorRecord): void => {
    const id = idOf(o.id);
    if (!id) return missingId(r);
    const raw = str(o.status)?.toLowerCase() ?? '';
    const sentAt = toIso(o.sent_at) ?? toIso(o.sent_on);
    const status: ImportedOffer['status'] =
      raw === 'accepted' ? 'accepted' : raw === 'rejected' || raw === 'declined' ? 'declined' : raw === 'deprecated' ? 'deprecated' : sentAt ? 'sent' : 'draft';
    const draft: OfferDraft = {
      id,
      file: r.file,
      line: r.line,
      version: num(o.version) ?? 1,
      applicationId: idOf(o.application_id),
      status,
      createdAt: toIso(o.created_at),
      sentAt,
      startDate: toDate(o.starts_on ?? o.starts_at ?? o.start_date),
      resolvedAt: toIso(o.resolved_at),
      otherTerms: {},
    };
    readPay(o, draft);
    offers.push(draft);
  };

  const onRecord = (r: VendorRecord): void => {
    const v = r.value;
    switch (r.resource) {
      case 'candidates':
        return addCandidate(v, r);
      case 'applications':
        return addApplication(v, r, Array.isArray(v.jobs) || isObj(v.current_stage) || 'applied_at' in v ? 1 : 3);
      case 'application_stages': {
        const appId = idOf(v.application_id);
        const stageId = idOf(v.job_interview_stage_id ?? v.stage_id);
        if (!appId || !stageId) return log.warn('missing-field', 'An application stage lacks its application or stage and was skipped.', { file: r.file, line: r.line, recordId: idOf(v.id) });
        const at = toIso(v.entered_at);
        if (!at) return; // a stage of the plan the application never entered
        const exited = toIso(v.exited_at);
        if (exited && exited < at) log.warn('out-of-order', `Application ${appId} left a stage before it entered it; the entry time was kept.`, { file: r.file, line: r.line, recordId: idOf(v.id) ?? appId });
        const list = history.get(appId) ?? [];
        list.push({ stageId, at, file: r.file, line: r.line });
        history.set(appId, list);
        return;
      }
      case 'application_history':
        return addHistoryV1(v, r);
      case 'jobs': {
        const id = idOf(v.id);
        if (!id) return missingId(r);
        const status = str(v.status)?.toLowerCase();
        const role: ImportedRole & { departmentId?: string; officeId?: string } = {
          ...ref(id),
          title: str(v.name) ?? str(v.title) ?? `Job ${id}`,
          status: status === 'closed' ? 'closed' : status === 'draft' ? 'draft' : 'open',
        };
        if (toIso(v.opened_at)) role.openedAt = toIso(v.opened_at);
        if (toIso(v.closed_at)) role.closedAt = toIso(v.closed_at);
        const department = arr(v.departments).find(isObj);
        const office = arr(v.offices).find(isObj);
        if (department && str(department.name)) role.department = str(department.name);
        if (office) role.location = str(obj(office.location)?.name) ?? str(office.name);
        role.departmentId = idOf(v.department_id);
        role.officeId = idOf(arr(v.office_ids)[0]);
        if (jobStubs.delete(id)) jobs.map.set(id, role);
        else jobs.set(id, role);
        for (const s of arr(v.stages)) if (isObj(s)) onRecord({ ...r, resource: 'job_stages', value: { ...s, job_id: id } });
        return;
      }
      case 'job_interview_stages':
      case 'job_stages': {
        const id = idOf(v.id);
        if (!id) return missingId(r);
        const stage: ImportedStage = { ...ref(id), name: str(v.name) ?? `Stage ${id}`, order: num(v.sort_order ?? v.priority) ?? 0 };
        const jobId = idOf(v.job_id);
        if (jobId) stage.roleExternalId = jobId;
        const previous = stages.get(id);
        stages.set(id, stage, previous !== undefined && previous.order === Number.MAX_SAFE_INTEGER);
        return;
      }
      case 'departments':
      case 'offices': {
        const id = idOf(v.id);
        const name = str(v.name) ?? str(obj(v.location)?.name);
        if (id && name) (r.resource === 'departments' ? departments : offices).set(id, name);
        return;
      }
      case 'users': {
        const id = idOf(v.id);
        if (!id) return missingId(r);
        const user: ImportedUser = { ...ref(id), name: personName(v.first_name, v.last_name, v.name) ?? str(v.primary_email ?? v.primary_email_address) ?? `User ${id}` };
        const email = str(v.primary_email ?? v.primary_email_address) ?? str(arr(v.emails)[0]);
        if (email) user.email = email;
        users.set(id, user);
        return;
      }
      case 'sources':
      case 'rejection_reasons': {
        const id = idOf(v.id);
        const name = str(v.name) ?? str(v.public_name);
        if (id && name) (r.resource === 'sources' ? sources : rejectionReasons).set(id, name);
        return;
      }
      case 'referrers': {
        const id = idOf(v.id);
        if (id) referrers.set(id, { name: personName(v.first_name, v.last_name, v.name), userId: idOf(v.user_id) });
        return;
      }
      case 'rejection_details': {
        const appId = idOf(v.application_id);
        if (appId) rejectionDetails.set(appId, { reasonId: idOf(v.rejection_reason_id), rejectedAt: toIso(v.rejected_at) });
        return;
      }
      case 'scorecards':
        return addScorecard(v, r);
      case 'scorecard_candidate_attributes': {
        const id = idOf(v.scorecard_id);
        const rating = str(v.candidate_attribute_rating ?? v.rating);
        if (!id || !rating) return;
        const list = scorecardRatings.get(id) ?? [];
        list.push({ attributeId: idOf(v.job_candidate_attribute_id), rating, ...(str(v.note) ? { note: str(v.note) } : {}) });
        scorecardRatings.set(id, list);
        return;
      }
      case 'scorecard_question_answers': {
        const id = idOf(v.scorecard_id);
        const answer = text(v.answer) ?? (typeof v.boolean_value === 'boolean' ? (v.boolean_value ? 'Yes' : 'No') : undefined);
        if (!id || !answer) return;
        const list = scorecardAnswers.get(id) ?? [];
        list.push({ questionId: idOf(v.scorecard_question_id), answer });
        scorecardAnswers.set(id, list);
        return;
      }
      case 'scorecard_questions':
      case 'job_candidate_attributes':
      case 'job_interviews': {
        const id = idOf(v.id);
        const label = str(r.resource === 'scorecard_questions' ? v.question : v.name);
        if (id && label) (r.resource === 'scorecard_questions' ? scorecardQuestions : r.resource === 'job_interviews' ? jobInterviews : attributes).set(id, label);
        return;
      }
      case 'interviews':
      case 'scheduled_interviews': {
        const id = idOf(v.id);
        if (!id) return missingId(r);
        const appId = idOf(v.application_id);
        if (!appId) return log.warn('missing-field', `Interview ${id} has no application and was skipped.`, { file: r.file, line: r.line, recordId: id });
        const start = obj(v.start);
        const end = obj(v.end);
        const interview: ImportedInterview & { jobInterviewId?: string } & Where = {
          ...ref(id),
          file: r.file,
          line: r.line,
          applicationExternalId: appId,
          interviewerExternalIds: arr(v.interviewers).map((i) => idOf(i)).filter((i): i is string => !!i),
        };
        const name = str(obj(v.interview)?.name) ?? str(v.name);
        if (name) interview.name = name;
        const startsAt = toIso(v.starts_at) ?? toIso(start?.date_time);
        const endsAt = toIso(v.ends_at) ?? toIso(end?.date_time);
        if (startsAt) interview.startsAt = startsAt;
        if (endsAt) interview.endsAt = endsAt;
        if (str(v.status)) interview.status = str(v.status);
        interview.jobInterviewId = idOf(v.job_interview_id);
        interviews.set(id, interview);
        return;
      }
      case 'interviewers': {
        const interviewId = idOf(v.interview_id);
        const userId = idOf(v.user_id ?? v.interviewer_id);
        if (interviewId && userId) interviewers.push({ interviewId, userId });
        return;
      }
      case 'offers':
        return addOffer(v, r);
      case 'approval_flows':
        flows.push({ id: idOf(v.id), offerId: idOf(v.offer_id), status: str(v.approval_status)?.toLowerCase() });
        for (const a of arr(v.approvers)) if (isObj(a)) approvers.push({ flowId: idOf(v.id), userId: idOf(a.user_id ?? a.id), status: str(a.status)?.toLowerCase(), resolvedAt: toIso(a.resolved_at) });
        return;
      case 'approvers':
        approvers.push({ flowId: idOf(v.approval_flow_id), groupId: idOf(v.approver_group_id), userId: idOf(v.user_id), status: str(v.status)?.toLowerCase(), resolvedAt: toIso(v.resolved_at) });
        return;
      case 'approver_groups': {
        const id = idOf(v.id);
        const flowId = idOf(v.approval_flow_id);
        if (id && flowId) approverGroups.set(id, flowId);
        return;
      }
      case 'notes': {
        const id = idOf(v.id);
        if (!id) return missingId(r);
        const body = [str(v.subject), str(v.body)].filter(Boolean).join('\n\n');
        const createdAt = toIso(v.created_at);
        if (!body || !createdAt) return log.warn('missing-field', `Note ${id} has no text or no date and was skipped.`, { file: r.file, line: r.line, recordId: id });
        const note: ImportedNote & Where = { ...ref(id), body, createdAt, file: r.file, line: r.line };
        if (idOf(v.candidate_id)) note.candidateExternalId = idOf(v.candidate_id);
        if (idOf(v.application_id)) note.applicationExternalId = idOf(v.application_id);
        if (idOf(v.user_id ?? v.user)) note.authorExternalId = idOf(v.user_id ?? v.user);
        notes.set(id, note);
        return;
      }
      default:
        return; // a known resource Closer does not import
    }
  };

  await forEachVendorRecord(files, greenhouseResource, log, onRecord);

  // ---- assemble ----------------------------------------------------------------------------------------------
  batch.users = users.values();
  for (const job of jobs.values()) {
    const { departmentId, officeId, ...role } = job;
    if (!role.department && departmentId && departments.has(departmentId)) role.department = departments.get(departmentId);
    if (!role.location && officeId && offices.has(officeId)) role.location = offices.get(officeId);
    batch.roles.push(role);
  }

  // Stages only seen as a v1 application's current stage get an order after the job's known stages.
  const stageList = stages.values();
  const byRole = new Map<string, number>();
  for (const s of stageList) if (s.order !== Number.MAX_SAFE_INTEGER) byRole.set(s.roleExternalId ?? '', Math.max(byRole.get(s.roleExternalId ?? '') ?? 0, s.order));
  let guessed = 0;
  for (const s of stageList) {
    if (s.order !== Number.MAX_SAFE_INTEGER) continue;
    guessed++;
    const next = (byRole.get(s.roleExternalId ?? '') ?? 0) + 1;
    byRole.set(s.roleExternalId ?? '', next);
    s.order = next;
  }
  if (guessed > 0) log.warn('stage-order-unknown', `${guessed} stage(s) are known only by name from applications, so their order in the job's plan is a guess; check it in the review step.`);
  batch.stages = stageList;

  const firstApplied = new Map<string, string>();
  for (const a of apps.values()) {
    if (a.candidateId && a.createdAt && (!firstApplied.has(a.candidateId) || a.createdAt < firstApplied.get(a.candidateId)!)) firstApplied.set(a.candidateId, a.createdAt);
  }
  const candidateIds = new Set<string>();
  for (const { candidate, file, line } of candidates.values()) {
    if (!candidate.createdAt) {
      const fallback = firstApplied.get(candidate.externalId);
      if (!fallback) {
        log.warn('missing-field', `Candidate ${candidate.externalId} has no creation date and no application with one; it was skipped.`, { file, line, recordId: candidate.externalId, field: 'created_at' });
        continue;
      }
      candidate.createdAt = fallback;
      log.warn('missing-field', `Candidate ${candidate.externalId} has no creation date; the date of their first application is used.`, { file, line, recordId: candidate.externalId, field: 'created_at' });
    }
    if (!candidate.name) {
      candidate.name = candidate.email ?? `Candidate ${candidate.externalId}`;
      log.tally('gh:no-name', { severity: 'warning', code: 'missing-field', file, field: 'name', recordId: candidate.externalId }, (n) => `${n} candidate(s) have no name; their e-mail address or id is used instead.`);
    }
    candidateIds.add(candidate.externalId);
    batch.candidates.push(candidate);
  }

  const acceptedOfferAt = new Map<string, string>();
  for (const o of offers) if (o.applicationId && o.status === 'accepted' && o.resolvedAt) acceptedOfferAt.set(o.applicationId, o.resolvedAt);

  const appIds = new Set<string>();
  let noHistory = 0;
  for (const [appId, entries] of history) {
    if (!apps.has(appId)) log.warn('missing-reference', `${entries.length} stage change(s) refer to application ${appId}, which is not in the files; they were skipped.`, { file: entries[0].file, line: entries[0].line, recordId: appId, field: 'application_id' });
  }
  for (const a of apps.values()) {
    // Each draft and its history entries are let go once read (deleting the current entry of a Map being iterated is
    // safe): the drafts and the batch are never held whole at the same time.
    apps.delete(a.id);
    const ownHistory = history.get(a.id);
    history.delete(a.id);
    const where = { file: a.file, line: a.line, recordId: a.id };
    if (!a.candidateId || !candidateIds.has(a.candidateId)) {
      log.warn('missing-reference', `Application ${a.id} refers to candidate ${a.candidateId ?? '(none)'}, which is not in the files; it was skipped.`, { ...where, field: 'candidate_id' });
      continue;
    }
    if (!a.createdAt) {
      log.warn('missing-field', `Application ${a.id} has no creation date and was skipped.`, { ...where, field: 'created_at' });
      continue;
    }
    const status = applicationStatus(a.status);
    const app: ImportedApplication = {
      ...ref(a.id),
      candidateExternalId: a.candidateId,
      createdAt: a.createdAt,
      stageHistory: [],
      status,
      prospect: a.prospect,
    };
    if (a.jobId) {
      if (jobs.has(a.jobId)) app.roleExternalId = a.jobId;
      else log.warn('missing-reference', `Application ${a.id} refers to job ${a.jobId}, which is not in the files; it has no role.`, { ...where, field: 'job_id' });
    }
    const sourceName = a.sourceName ?? (a.sourceId ? sources.get(a.sourceId) : undefined);
    if (a.sourceId && !sourceName) log.tally('gh:source', { severity: 'warning', code: 'missing-reference', field: 'source_id', ...where }, (n) => `${n} application(s) refer to a source that is not in sources.json; their source is left empty.`);
    if (sourceName) app.sourceName = sourceName;
    const referrer = a.referrerName ?? (a.referrerId ? referrers.get(a.referrerId)?.name ?? users.get(referrers.get(a.referrerId)?.userId)?.name : undefined);
    if (referrer) app.referrerName = referrer;

    // Stage history: v3 application_stages, else v1 application_history, else the current stage alone.
    let entries = ownHistory ?? historyV1.get(a.id) ?? [];
    const known = entries.filter((h) => {
      if (stages.has(h.stageId)) return true;
      log.tally('gh:history-stage', { severity: 'warning', code: 'missing-reference', file: h.file, line: h.line, recordId: a.id, field: 'job_interview_stage_id' }, (n) => `${n} stage change(s) refer to a stage that is not in the job's stages; they were skipped.`);
      return false;
    });
    entries = known;
    let changes: ImportedStageChange[] = entries.map((h) => ({ stageExternalId: h.stageId, at: h.at }));
    if (changes.length === 0 && a.stageId && stages.has(a.stageId)) {
      noHistory++;
      changes = [{ stageExternalId: a.stageId, at: a.createdAt }];
    }
    changes = orderHistory(changes, SYSTEM, a.id, a.createdAt, log, entries[0]?.file ?? a.file);
    app.stageHistory = changes;
    const current = a.stageId && stages.has(a.stageId) ? a.stageId : changes.at(-1)?.stageExternalId;
    if (current) app.currentStageExternalId = current;

    if (status === 'rejected' || status === 'withdrawn') {
      const detail = rejectionDetails.get(a.id);
      const closedAt = a.rejectedAt ?? detail?.rejectedAt ?? a.lastActivityAt ?? a.updatedAt;
      if (closedAt) app.closedAt = closedAt;
      const reason = a.rejectionReason ?? (detail?.reasonId ? rejectionReasons.get(detail.reasonId) : undefined);
      if (detail?.reasonId && !reason) log.warn('missing-reference', `Application ${a.id} refers to rejection reason ${detail.reasonId}, which is not in rejection_reasons; its loss reason is left empty.`, { ...where, field: 'rejection_reason_id' });
      if (reason) app.rejectionReason = reason;
    } else if (status === 'hired') {
      const closedAt = acceptedOfferAt.get(a.id) ?? changes.at(-1)?.at ?? a.lastActivityAt ?? a.updatedAt;
      if (closedAt) app.closedAt = closedAt;
    }
    if (app.closedAt && changes.length && changes.at(-1)!.at > app.closedAt) {
      log.warn('out-of-order', `Application ${a.id} changed stage after it was closed (${app.closedAt}); the stage times were kept.`, where);
    }
    appIds.add(a.id);
    batch.applications.push(app);
  }
  if (noHistory > 0) log.warn('no-stage-history', `${noHistory} application(s) have no stage history in the files (no application_stages or application_history); only their current stage is kept, entered when the application was created.`);

  const interviewersOf = new Map<string, string[]>();
  for (const x of interviewers) interviewersOf.set(x.interviewId, [...(interviewersOf.get(x.interviewId) ?? []), x.userId]);
  for (const i of interviews.values()) {
    const { file, line, jobInterviewId, ...interview } = i;
    setSourcePlace(interview, file, line);
    if (!appIds.has(interview.applicationExternalId)) {
      log.warn('missing-reference', `Interview ${interview.externalId} refers to application ${interview.applicationExternalId}, which is not imported; it was skipped.`, { file, line, recordId: interview.externalId, field: 'application_id' });
      continue;
    }
    if (!interview.name && jobInterviewId && jobInterviews.has(jobInterviewId)) interview.name = jobInterviews.get(jobInterviewId);
    for (const userId of interviewersOf.get(interview.externalId) ?? []) if (!interview.interviewerExternalIds.includes(userId)) interview.interviewerExternalIds.push(userId);
    batch.interviews.push(interview);
  }

  let drafts = 0;
  for (const s of scorecards.values()) {
    const where = { file: s.file, line: s.line, recordId: s.id };
    if (!s.applicationId || !appIds.has(s.applicationId)) {
      log.warn('missing-reference', `Scorecard ${s.id} refers to application ${s.applicationId ?? '(none)'}, which is not imported; it was skipped.`, { ...where, field: 'application_id' });
      continue;
    }
    if (s.draft) {
      drafts++;
      continue;
    }
    const feedback: ImportedFeedback = { ...ref(s.id), applicationExternalId: s.applicationId, ratings: s.ratings, answers: s.answers };
    for (const x of scorecardRatings.get(s.id) ?? []) {
      const attribute = x.attributeId ? attributes.get(x.attributeId) : undefined;
      feedback.ratings.push({ attribute: attribute ?? `Attribute ${x.attributeId ?? '?'}`, rating: x.rating, ...(x.note ? { note: x.note } : {}) });
    }
    for (const x of scorecardAnswers.get(s.id) ?? []) {
      feedback.answers.push({ question: (x.questionId ? scorecardQuestions.get(x.questionId) : undefined) ?? `Question ${x.questionId ?? '?'}`, answer: x.answer });
    }
    if (s.interviewName) feedback.interviewName = s.interviewName;
    if (s.authorId) feedback.authorExternalId = s.authorId;
    const authorName = s.authorName ?? users.get(s.authorId)?.name;
    if (authorName) feedback.authorName = authorName;
    if (s.submittedAt) feedback.submittedAt = s.submittedAt;
    if (s.recommendation) feedback.recommendation = s.recommendation;
    if (s.notes) feedback.notes = s.notes;
    batch.feedback.push(feedback);
  }
  if (drafts > 0) log.warn('draft-skipped', `${drafts} scorecard(s) are unsubmitted drafts and were not imported.`);

  // Offers: Greenhouse keeps each version as its own record; they are grouped per application, oldest first.
  const offersByApp = new Map<string, OfferDraft[]>();
  for (const o of offers) {
    if (!o.applicationId || !appIds.has(o.applicationId)) {
      log.warn('missing-reference', `Offer ${o.id} refers to application ${o.applicationId ?? '(none)'}, which is not imported; it was skipped.`, { file: o.file, line: o.line, recordId: o.id, field: 'application_id' });
      continue;
    }
    const list = offersByApp.get(o.applicationId) ?? [];
    list.push(o);
    offersByApp.set(o.applicationId, list);
  }
  const flowsOfOffer = new Map<string, typeof flows>();
  for (const f of flows) if (f.offerId) flowsOfOffer.set(f.offerId, [...(flowsOfOffer.get(f.offerId) ?? []), f]);
  const approversOfFlow = new Map<string, typeof approvers>();
  for (const x of approvers) {
    const flowId = x.flowId ?? (x.groupId ? approverGroups.get(x.groupId) : undefined);
    if (flowId) approversOfFlow.set(flowId, [...(approversOfFlow.get(flowId) ?? []), x]);
  }
  for (const [appId, list] of offersByApp) {
    list.sort((a, b) => a.version - b.version || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
    const latest = list.at(-1)!;
    const versions: ImportedOfferVersion[] = [];
    for (const o of list) {
      const createdAt = o.createdAt ?? o.sentAt ?? o.resolvedAt;
      if (!createdAt) {
        log.warn('missing-field', `Offer ${o.id} (version ${o.version}) has no date and was skipped.`, { file: o.file, line: o.line, recordId: o.id, field: 'created_at' });
        continue;
      }
      const version: ImportedOfferVersion = { version: o.version, createdAt, otherTerms: o.otherTerms };
      if (o.sentAt) version.sentAt = o.sentAt;
      if (o.startDate) version.startDate = o.startDate;
      if (o.base) version.base = o.base;
      versions.push(version);
    }
    if (versions.length === 0) continue;
    const approvals: ImportedOfferApproval[] = [];
    for (const f of list.flatMap((o) => flowsOfOffer.get(o.id) ?? [])) {
      const mine = f.id ? approversOfFlow.get(f.id) ?? [] : [];
      if (mine.length === 0 && f.status) approvals.push({ status: approvalStatus(f.status) });
      for (const x of mine) {
        const approval: ImportedOfferApproval = { status: approvalStatus(x.status) };
        if (x.userId) approval.approverExternalId = x.userId;
        if (x.resolvedAt) approval.resolvedAt = x.resolvedAt;
        approvals.push(approval);
      }
    }
    const offer: ImportedOffer = { ...ref(list[0].id), applicationExternalId: appId, status: latest.status, versions, approvals };
    setSourcePlace(offer, list[0].file, list[0].line);
    if (latest.resolvedAt) offer.resolvedAt = latest.resolvedAt;
    batch.offers.push(offer);
  }

  for (const n of notes.values()) {
    const { file, line, ...note } = n;
    if (note.applicationExternalId && !appIds.has(note.applicationExternalId)) delete note.applicationExternalId;
    if (note.candidateExternalId && !candidateIds.has(note.candidateExternalId)) delete note.candidateExternalId;
    if (!note.applicationExternalId && !note.candidateExternalId) {
      log.warn('missing-reference', `Note ${note.externalId} belongs to no imported candidate or application; it was skipped.`, { file, line, recordId: note.externalId });
      continue;
    }
    batch.notes.push(note);
  }

  duplicateRecords += users.duplicates + jobs.duplicates + scorecards.duplicates + interviews.duplicates + notes.duplicates;
  if (duplicateRecords > 0) log.warn('duplicate-record', `${duplicateRecords} record(s) appear more than once (pages fetched twice, or the same record in a v1 dump and v3 files); each was read once, v3 first.`);
  batch.problems = log.done();
  return batch;
};

function applicationStatus(raw: string | undefined): ImportedApplicationStatus {
  switch (raw) {
    case 'rejected':
      return 'rejected';
    case 'hired':
      return 'hired';
    case 'converted':
      return 'withdrawn'; // a prospect turned into another application, which carries on
    default:
      return 'active';
  }
}

function approvalStatus(raw: string | undefined): ImportedOfferApproval['status'] {
  return raw === 'approved' ? 'approved' : raw === 'rejected' ? 'rejected' : 'pending';
}

/** Pay from an offer's custom fields: v3 `custom_fields` and v1 `keyed_custom_fields` (name, type, value). The first
 * currency field named like salary or base becomes `base`; every other field is kept as text. */
function readPay(o: Obj, draft: OfferDraft): void {
  const fields: { key: string; name: string; value: unknown }[] = [];
  const keyed = obj(o.keyed_custom_fields);
  if (keyed) {
    for (const [key, f] of Object.entries(keyed)) if (isObj(f)) fields.push({ key, name: str(f.name) ?? key, value: f.value });
  }
  const custom = o.custom_fields;
  if (isObj(custom)) {
    for (const [key, value] of Object.entries(custom)) if (!fields.some((f) => f.key === key)) fields.push({ key, name: key, value: isObj(value) && 'value' in value && !('amount' in value) ? value.value : value });
  } else {
    for (const f of arr(custom)) if (isObj(f)) fields.push({ key: str(f.name_key) ?? str(f.name) ?? '', name: str(f.name) ?? str(f.name_key) ?? '', value: f.value });
  }
  for (const f of fields) {
    const v = f.value;
    if (!draft.base && /salary|base/i.test(`${f.key} ${f.name}`) && isObj(v)) {
      const amount = wholeUnits(v.amount ?? v.value);
      const currency = str(v.unit ?? v.currency ?? v.currency_type)?.toUpperCase();
      if (amount !== undefined && isCurrency(currency)) {
        draft.base = { amount, currency: currency! };
        continue;
      }
    }
    const t = text(v);
    if (t !== undefined && f.name) draft.otherTerms[f.name] = t;
  }
}
