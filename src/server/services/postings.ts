import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import { POSTING_DEFAULTS, postingFindings, postingSlug, type BaseRange } from '../../domain/postings/posting.js';
import type { Finding } from '../../domain/scoping/findings.js';
import {
  getCompany,
  getPostingBySlug,
  getPostingOfRole,
  getPostingOfRoleOrThrow,
  getRoleOrThrow,
  insertPosting,
  listPublishedPostings,
  listRoles,
  recordAudit,
  updateCompany,
  updatePosting,
  type Company,
  type PostingContent,
  type PostingRecord,
  type RoleRecord,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { analyzeRole } from './scoping.js';
import { setCompanySetting } from './notifications.js';

/**
 * Job postings (issue 16): the draft a role's owners edit, the checks shown before publishing, and the state
 * machine draft -> published <-> unpublished -> closed. Owners and admins may write any posting; a hiring manager
 * only the postings of roles they manage (the policy table lets hiring managers in; this narrows it to their roles).
 */

export type PostingActor = Pick<UserRecord, 'id' | 'role'>;

function checkRoleOwner(actor: PostingActor, role: RoleRecord): void {
  if (actor.role === 'hiring-manager' && role.hiringManagerId !== actor.id) {
    throw new DomainError('FORBIDDEN', 'Only the hiring manager of this role (or an owner or admin) can manage its job posting.');
  }
}

function bandRangeOf(role: RoleRecord): BaseRange | null {
  return role.band ? { min: role.band.baseMin, max: role.band.baseMax, currency: role.band.currency } : null;
}

/** The analyser's findings on the public text (with the company's AI team), then the posting rules. */
async function findingsFor(tx: Tx, content: Pick<PostingContent, 'title' | 'publicText'>, baseRange: BaseRange | null): Promise<Finding[]> {
  let roleFindings: Finding[];
  try {
    roleFindings = (await analyzeRole(tx, { title: content.title, description: content.publicText })).findings;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'NOT_SET_UP') throw error;
    roleFindings = [{ rule: 'posting.text-unreadable', severity: 'warning', message: `The analyser cannot read this text: ${error.message}`, fix: 'Describe the work in a few sentences: what the person will build, with what, for whom.', evidence: [] }];
  }
  return postingFindings({ title: content.title, publicText: content.publicText, baseRange, roleFindings });
}

export interface PostingState {
  posting: PostingRecord;
  bandRange: BaseRange | null;
  findings: Finding[];
}

async function stateOf(tx: Tx, posting: PostingRecord, role: RoleRecord): Promise<PostingState> {
  const bandRange = bandRangeOf(role);
  // A published posting is judged by what it shows; a draft by what publishing would show.
  const shown = posting.status === 'published' || posting.status === 'closed' ? posting.baseRange : bandRange;
  return { posting, bandRange, findings: await findingsFor(tx, posting, shown) };
}

/** A role's posting with its findings (any reader of postings; writing is narrower); 404 POSTING_NOT_FOUND when none was written yet. */
export async function readPostingOfRole(tx: Tx, roleId: string): Promise<PostingState> {
  const role = await getRoleOrThrow(tx, roleId);
  return stateOf(tx, await getPostingOfRoleOrThrow(tx, roleId), role);
}

const CONTENT_FIELDS = ['title', 'publicText', 'location', 'remotePolicy', 'signals', 'questions'] as const;

/**
 * Creates a role's posting as a draft (no If-Match: there is nothing to match yet; 409 when one exists) or replaces
 * its content under If-Match. A published posting's content changes at once on the board (the cache is cleared).
 */
export async function putPosting(tx: Tx, actor: PostingActor, roleId: string, expectedVersion: number | undefined, content: PostingContent, now: Date): Promise<PostingState> {
  const role = await getRoleOrThrow(tx, roleId);
  checkRoleOwner(actor, role);
  const current = await getPostingOfRole(tx, roleId);
  if (!current) {
    if (expectedVersion !== undefined) throw preconditionFailed('This role has no posting yet: send the first version without If-Match.');
    const posting = await insertPosting(tx, { id: randomUUID(), roleId, slug: postingSlug(content.title, roleId), createdBy: actor.id, ...content }, now);
    await recordAudit(tx, { actorId: actor.id, action: 'posting.create', entity: 'posting', entityId: posting.id, fields: ['roleId', ...CONTENT_FIELDS], at: now });
    return stateOf(tx, posting, role);
  }
  if (expectedVersion === undefined) throw new DomainError('PRECONDITION_REQUIRED', 'This role has a posting: send If-Match with the ETag you read.', 'If-Match');
  if (current.version !== expectedVersion) throw preconditionFailed('The posting changed since you read it. Reload and try again.');
  if (current.status === 'closed') throw new DomainError('POSTING_STATE_INVALID', 'This posting is closed; the role was filled.', 'status');
  const changed = CONTENT_FIELDS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(content[k]));
  if (changed.length === 0) return stateOf(tx, current, role);
  const updated = await updatePosting(tx, current.id, expectedVersion, { content }, now);
  if (!updated) throw preconditionFailed('The posting changed since you read it. Reload and try again.');
  await recordAudit(tx, { actorId: actor.id, action: 'posting.update', entity: 'posting', entityId: current.id, fields: [...changed], at: now });
  return stateOf(tx, updated, role);
}

type Transition = 'publish' | 'unpublish' | 'close';
const ALLOWED_FROM: Record<Transition, readonly string[]> = {
  publish: ['draft', 'unpublished', 'published'],
  unpublish: ['published'],
  close: ['draft', 'published', 'unpublished'],
};

/**
 * Publishes (copying the role's band as the base range), unpublishes or closes a posting under If-Match. Publishing
 * needs `acknowledgeFindings: true` when there are findings (409 POSTING_FINDINGS_UNACKNOWLEDGED lists them), so the
 * findings are seen before the posting goes out; a closed role's posting cannot be published.
 */
export async function changePostingStatus(
  tx: Tx,
  actor: PostingActor,
  roleId: string,
  expectedVersion: number,
  transition: Transition,
  options: { acknowledgeFindings?: boolean },
  now: Date,
): Promise<PostingState> {
  const role = await getRoleOrThrow(tx, roleId);
  checkRoleOwner(actor, role);
  const current = await getPostingOfRoleOrThrow(tx, roleId);
  if (current.version !== expectedVersion) throw preconditionFailed('The posting changed since you read it. Reload and try again.');
  if (!ALLOWED_FROM[transition].includes(current.status)) {
    throw new DomainError('POSTING_STATE_INVALID', `A ${current.status} posting cannot be ${transition === 'close' ? 'closed' : `${transition}ed`}.`, 'status');
  }
  const at = now.toISOString();
  let patch: Parameters<typeof updatePosting>[3];
  let fields: string[];
  if (transition === 'publish') {
    if (role.status !== 'open') throw new DomainError('POSTING_STATE_INVALID', 'This role is closed; reopen it before publishing its posting.', 'status');
    const baseRange = bandRangeOf(role);
    const findings = await findingsFor(tx, current, baseRange);
    if (findings.length > 0 && options.acknowledgeFindings !== true) {
      throw new DomainError('POSTING_FINDINGS_UNACKNOWLEDGED', `Read these first, then publish with acknowledgeFindings: true. ${findings.map((f) => f.message).join(' ')}`, 'acknowledgeFindings');
    }
    patch = { status: 'published', baseRange, publishedAt: at, closedAt: null };
    fields = ['status', 'baseRange', 'publishedAt'];
  } else if (transition === 'unpublish') {
    patch = { status: 'unpublished' };
    fields = ['status'];
  } else {
    patch = { status: 'closed', closedAt: at };
    fields = ['status', 'closedAt'];
  }
  const updated = await updatePosting(tx, current.id, expectedVersion, patch, now);
  if (!updated) throw preconditionFailed('The posting changed since you read it. Reload and try again.');
  await recordAudit(tx, { actorId: actor.id, action: `posting.${transition}`, entity: 'posting', entityId: current.id, fields, at: now });
  return stateOf(tx, updated, role);
}

/* ----------------------------------------------------------- the board's look */

export interface BoardSettings {
  logoUrl: string | null;
  brandColour: string;
  textColour: string;
  talentPoolMonths: number;
  publicUrl: string | null;
}

export const DEFAULT_BOARD_SETTINGS: BoardSettings = Object.freeze({ logoUrl: null, brandColour: '#1f4fd1', textColour: '#1a1a1a', talentPoolMonths: POSTING_DEFAULTS.talentPoolMonths, publicUrl: null });

/** `companies.settings.jobBoard` over the defaults. */
export function boardSettingsOf(company: Company | undefined): BoardSettings {
  const raw = company?.settings?.jobBoard;
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...DEFAULT_BOARD_SETTINGS, ...(raw as Partial<BoardSettings>) } : { ...DEFAULT_BOARD_SETTINGS };
}

export async function readBoardSettings(db: Tx): Promise<BoardSettings> {
  return boardSettingsOf(await getCompany(db));
}

/** Replaces the board's look (audited as company.update of settings.jobBoard). */
export async function putBoardSettings(tx: Tx, actor: PostingActor, settings: BoardSettings, now: Date): Promise<BoardSettings> {
  return boardSettingsOf(await setCompanySetting(tx, actor.id, 'jobBoard', settings, now));
}

/* ------------------------------------------------------------ the public board */

/** What the public pages need: the company's name and look, and the published postings with their roles' specializations. */
export interface BoardSnapshot {
  companyName: string;
  settings: BoardSettings;
  postings: Array<PostingRecord & { specializations: string[] }>;
  /** The newest change among them, for Last-Modified. */
  lastModified: string;
}

/** Reads the board in one go (a handful of small queries): the cache in routes/jobs keeps it between publishes. */
export async function readBoard(db: Tx): Promise<BoardSnapshot> {
  const company = await getCompany(db);
  if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
  const postings = await listPublishedPostings(db);
  const roles = new Map((await listRoles(db, {})).map((r) => [r.id, r]));
  const open = postings.filter((p) => roles.get(p.roleId)?.status === 'open').map((p) => ({ ...p, specializations: roles.get(p.roleId)?.specializations ?? [] }));
  const lastModified = [company.updatedAt, ...postings.map((p) => p.updatedAt)].sort().at(-1)!;
  return { companyName: company.name, settings: boardSettingsOf(company), postings: open, lastModified };
}

/** A published posting by its public address, or undefined. */
export async function readPublishedPosting(db: Tx, slug: string): Promise<PostingRecord | undefined> {
  const p = await getPostingBySlug(db, slug);
  return p && p.status === 'published' ? p : undefined;
}

/* ------------------------------------------------------------- form tokens */

const formKeys = new WeakMap<Store, Buffer>();

/**
 * The key that signs application-form tokens: random, made once per workspace and kept in the company settings
 * (`jobBoardFormKey`), so every instance behind a load balancer accepts a form another served. Not audited: a key
 * is a credential, not a hiring record (as sessions).
 */
async function formKey(store: Store, now: Date): Promise<Buffer> {
  const cached = formKeys.get(store);
  if (cached) return cached;
  let company = await getCompany(store.db);
  if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
  let stored = company.settings.jobBoardFormKey;
  if (typeof stored !== 'string') {
    const made = randomBytes(32).toString('base64url');
    const updated = await updateCompany(store.db, company.id, company.version, { settings: { ...company.settings, jobBoardFormKey: made } }, now);
    if (!updated) company = (await getCompany(store.db))!;
    stored = updated ? made : company.settings.jobBoardFormKey;
    if (typeof stored !== 'string') throw new DomainError('CONFLICT', 'The company settings changed meanwhile. Reload the page.');
  }
  const key = Buffer.from(stored, 'base64url');
  formKeys.set(store, key);
  return key;
}

function sign(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** A token for the application form of `slug`, issued now: `<issued ms>.<hmac>`. */
export async function issueFormToken(store: Store, slug: string, now: Date): Promise<string> {
  const issued = String(now.getTime());
  return `${issued}.${sign(await formKey(store, now), `${slug}.${issued}`)}`;
}

/** Throws FORM_TOKEN_INVALID unless the token was issued by this workspace for this posting within the last day. */
export async function checkFormToken(store: Store, slug: string, token: string | undefined, now: Date): Promise<void> {
  const invalid = () => new DomainError('FORM_TOKEN_INVALID', 'This form has expired or was not served by this site. Reload the page and send it again.', 'formToken');
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!m) throw invalid();
  const issued = Number(m[1]);
  const age = now.getTime() - issued;
  if (age < -60_000 || age > POSTING_DEFAULTS.formTokenHours * 3_600_000) throw invalid();
  const expected = sign(await formKey(store, now), `${slug}.${m[1]}`);
  const a = Buffer.from(expected);
  const b = Buffer.from(m[2]!);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid();
}
