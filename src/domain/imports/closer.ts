// A Closer full export (`closer export --out DIR`: one `<table>.json` array of rows per table) read back into an
// ImportBatch, so moving to another Closer, or restoring into an empty one, goes through the same import as any other
// source. Stage history comes from the `stage.changed` events with their real times.
import { emptyBatch, type ImportBatch, type ImportedApplication, type ImportedApplicationStatus, type ImportedStageChange, type ImportFile, type ImportParser } from './canonical.js';
import { forEachVendorRecord, idOf, isObj, orderHistory, ProblemLog, str, toIso, type Obj } from './read-helpers.js';

const SYSTEM = 'closer' as const;
const TABLES = new Set(['users', 'roles', 'candidates', 'applications', 'application_events']);
const OTHER = new Set(['companies', 'role_bands', 'interviews', 'interview_interviewers', 'scorecards', 'offers', 'offer_versions', 'offer_approvals', 'candidate_files', 'company_scoping', 'retention_settings', 'audit_log', 'export']);

/** The export table a file holds (`candidates.json` -> candidates). */
export function closerResource(name: string): string | undefined {
  const n = name.toLowerCase();
  return TABLES.has(n) ? n : OTHER.has(n) ? 'skip' : undefined;
}

function parseJsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/** Reads a Closer export folder into one batch. */
export const parseCloser: ImportParser = async (files: readonly ImportFile[]): Promise<ImportBatch> => {
  const log = new ProblemLog();
  const batch = emptyBatch(SYSTEM);
  const ref = (id: string) => ({ externalSystem: SYSTEM, externalId: id });
  const apps: (Obj & { __file: string; __line: number })[] = [];
  const events = new Map<string, { type: string; at: string; data: Obj; seq: number }[]>();
  const candidateIds = new Set<string>();
  const roleIds = new Set<string>();

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
        batch.roles.push({ ...ref(id), title: str(v.title) ?? id, status: status === 'closed' || status === 'filled' || status === 'cancelled' ? 'closed' : status === 'draft' ? 'draft' : 'open', ...(toIso(v.created_at) ? { openedAt: toIso(v.created_at) } : {}) });
        roleIds.add(id);
        return;
      }
      case 'candidates': {
        if (!id || str(v.merged_into_id)) return; // a merged record lives on in the one it was merged into
        const createdAt = toIso(v.created_at);
        if (!createdAt) return log.warn('missing-field', `Candidate ${id} has no creation date and was skipped.`, { file: r.file, line: r.line, recordId: id });
        const links = parseJsonText(v.links);
        batch.candidates.push({
          ...ref(id),
          name: str(v.name) ?? id,
          ...(str(v.email) ? { email: str(v.email) } : {}),
          otherEmails: [],
          ...(str(v.phone) ? { phone: str(v.phone) } : {}),
          links: Array.isArray(links) ? links.filter((l): l is string => typeof l === 'string') : [],
          ...(str(v.location) ? { location: str(v.location) } : {}),
          ...(str(v.current_employer) ? { currentEmployer: str(v.current_employer) } : {}),
          tags: [],
          createdAt,
        });
        candidateIds.add(id);
        return;
      }
      case 'applications':
        apps.push(Object.assign(v, { __file: r.file, __line: r.line }));
        return;
      case 'application_events': {
        const appId = idOf(v.application_id);
        const at = toIso(v.occurred_at);
        const type = str(v.type);
        if (!appId || !at || !type) return;
        const data = parseJsonText(v.data);
        const list = events.get(appId) ?? [];
        list.push({ type, at, data: isObj(data) ? data : {}, seq: typeof v.seq === 'number' ? v.seq : list.length });
        events.set(appId, list);
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
  for (const a of apps) {
    const id = idOf(a.id);
    const candidateId = idOf(a.candidate_id);
    const createdAt = toIso(a.created_at);
    const where = { file: a.__file, line: a.__line, recordId: id };
    if (!id || !createdAt) continue;
    if (!candidateId || !candidateIds.has(candidateId)) {
      log.warn('missing-reference', `Application ${id} refers to candidate ${candidateId ?? '(none)'}, which is not in the export; it was skipped.`, where);
      continue;
    }
    const mine = (events.get(id) ?? []).sort((x, y) => x.seq - y.seq);
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
    const status: ImportedApplicationStatus = raw === 'hired' || raw === 'rejected' || raw === 'withdrawn' ? raw : 'active';
    const app: ImportedApplication = {
      ...ref(id),
      candidateExternalId: candidateId,
      createdAt,
      stageHistory: orderHistory(changes, SYSTEM, id, createdAt, log, a.__file),
      status,
      prospect: false,
    };
    const roleId = idOf(a.role_id);
    if (roleId && roleIds.has(roleId)) app.roleExternalId = roleId;
    if (current) app.currentStageExternalId = stage(current);
    if (toIso(a.closed_at)) app.closedAt = toIso(a.closed_at);
    if (str(a.loss_reason)) app.rejectionReason = str(a.loss_reason);
    batch.applications.push(app);
  }
  batch.stages = [...stageOrder.entries()].map(([s, order]) => ({ ...ref(s), name: s, order }));
  batch.problems = log.done();
  return batch;
};
