import { createHmac, randomUUID } from 'node:crypto';
import mergeWords from '../../../data/outreach/merge-words.json' with { type: 'json' };
import {
  AUDIENCES,
  DEFAULT_SENDING_RULES,
  TASK_KINDS,
  baseRangeWords,
  dueDecisions,
  firstNameOf,
  InboundEmail,
  messageIdOf,
  replyData,
  lintOutreachTemplate,
  renderTemplate,
  startOfCompanyDay,
  type Audience,
  type EnrollmentState,
  type MergeField,
  type MergeValues,
  type SendingRules,
  type SequenceStep,
  type OutreachLintResult,
} from '../../domain/outreach/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  addSuppression,
  claimSequenceMessage,
  countMessagesBySenderSince,
  currentCompanyStage,
  ensureOutreachKeys,
  finishSequenceMessage,
  getCompany,
  getEnrollment,
  getMessageByMessageId,
  getProspect,
  getPoolOrThrow,
  getRole,
  getRoleBandOfStage,
  getSequence,
  getTemplate,
  getUser,
  inTransaction,
  insertEnrollment,
  insertSequence,
  insertTemplate,
  listDueEnrollments,
  listStepsOfSequences,
  listTemplatesByIds,
  moveEnrollment,
  recordAudit,
  releaseSequenceMessage,
  setSequenceStatus,
  stopEnrollmentsOfProspect,
  suppressionsOf,
  getCandidate,
  getOutreachKeys,
  countEnrollmentsBySequence,
  listEnrollmentsWithNames,
  listSequences,
  listTemplates,
  setInboundSecret,
  updateTemplate,
  type DueEnrollmentRow,
  type EnrollmentWithNames,
  type OutreachKeys,
  type OutreachTemplateRecord,
  type SequenceRecord,
  type Tx,
} from '../../storage/index.js';
import type { Store } from '../../storage/index.js';
import { deliverySettingsOf, type JobContext } from './notifications.js';
import { mailerFor, type Mailer } from './outbox.js';
import { getAttractivenessInputs } from './scoping.js';
import { randomSecret, safeEqual, sha256 } from './secrets.js';
import { recordProspectEvent } from './sourcing.js';

/**
 * Outreach sequences (issue 13, docs/sequences.md): templates, sequences, enrollments, and the tick that sends
 * their e-mails exactly once. Every write runs in a transaction and is audited there (field names only).
 */

export interface SequenceActor {
  id: string;
}

/** The suppression list keeps a SHA-256 of the lower-cased address, never the address. */
export const addressHash = (email: string) => sha256(email.trim().toLowerCase());

/* ------------------------------------------------------------------ templates */

export async function createTemplate(tx: Tx, actor: SequenceActor, input: { name: string; subject: string; body: string }, now: Date): Promise<OutreachTemplateRecord> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
  const template = await insertTemplate(tx, { id: randomUUID(), companyId: company.id, name: input.name, subject: input.subject, body: input.body, createdBy: actor.id }, now);
  await recordAudit(tx, { actorId: actor.id, action: 'outreach-template.create', entity: 'outreach-template', entityId: template.id, fields: ['name', 'subject', 'body'], at: now });
  return template;
}

/* ------------------------------------------------------------------ sequences */

export interface SequenceInput {
  name: string;
  audience: Audience;
  /** The user whose address the e-mails go out from; the creator when not given. */
  senderId?: string;
  roleId?: string | null;
  steps: SequenceStep[];
}

export async function createSequence(tx: Tx, actor: SequenceActor, input: SequenceInput, now: Date): Promise<SequenceRecord> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
  if (!(AUDIENCES as readonly string[]).includes(input.audience)) throw new DomainError('VALIDATION_FAILED', `audience is one of ${AUDIENCES.join(', ')}.`, 'audience');
  if (input.steps.length === 0) throw new DomainError('VALIDATION_FAILED', 'A sequence needs at least one step.', 'steps');
  const templates = await listTemplatesByIds(tx, input.steps.flatMap((s) => (s.kind === 'email' ? [s.templateId] : [])));
  input.steps.forEach((s, i) => {
    if (s.kind === 'email' && !templates.has(s.templateId)) throw new DomainError('TEMPLATE_NOT_FOUND', 'No such outreach template.', `steps[${i}].templateId`);
    if (s.kind === 'wait' && !(Number.isInteger(s.businessDays) && s.businessDays >= 1 && s.businessDays <= 60)) throw new DomainError('VALIDATION_FAILED', 'A wait is 1 to 60 business days.', `steps[${i}].businessDays`);
    if (s.kind === 'task' && !(TASK_KINDS as readonly string[]).includes(s.task)) throw new DomainError('VALIDATION_FAILED', `A task is one of ${TASK_KINDS.join(', ')}.`, `steps[${i}].task`);
  });
  const senderId = input.senderId ?? actor.id;
  if (!(await getUser(tx, senderId))) throw new DomainError('VALIDATION_FAILED', 'The sender is not a user of this workspace.', 'senderId');
  if (input.roleId && !(await getRole(tx, input.roleId))) throw new DomainError('ROLE_NOT_FOUND', 'No such role.', 'roleId');
  const sequence = await insertSequence(tx, { id: randomUUID(), companyId: company.id, name: input.name, audience: input.audience, senderId, roleId: input.roleId ?? null, steps: input.steps, createdBy: actor.id }, now);
  await recordAudit(tx, { actorId: actor.id, action: 'sequence.create', entity: 'sequence', entityId: sequence.id, fields: ['name', 'audience', 'senderId', 'roleId', 'steps'], at: now });
  return sequence;
}

/** The merge values every prospect of a sequence shares: role title, base range, compute budget, senior AI team. */
export async function sharedMergeValues(tx: Tx, roleId: string | null): Promise<Omit<MergeValues, 'first_name'>> {
  const role = roleId ? await getRole(tx, roleId) : undefined;
  const band = role ? await getRoleBandOfStage(tx, role.id, await currentCompanyStage(tx)) : undefined;
  const inputs = (await getAttractivenessInputs(tx)).inputs as { computeBudgetStated?: string; seniorAiPractitioner?: string };
  const words = (table: Record<string, string>, state: string | undefined) => (state && Object.hasOwn(table, state) ? (table[state] ?? null) : null);
  return {
    role_title: role?.title ?? null,
    base_range: band ? baseRangeWords({ baseMin: band.baseMin, baseMax: band.baseMax, currency: band.currency }) : null,
    compute_budget: words(mergeWords.computeBudget.value, inputs.computeBudgetStated),
    senior_ai_team: words(mergeWords.seniorAiTeam.value, inputs.seniorAiPractitioner),
  };
}

/**
 * Activates a sequence: every e-mail template passes the outreach lint for the sequence's audience (no error
 * finding) and uses no shared merge field Closer has no value for. `version` is the If-Match version.
 */
export async function activateSequence(tx: Tx, actor: SequenceActor, id: string, version: number, now: Date): Promise<SequenceRecord> {
  const sequence = await getSequence(tx, id);
  if (!sequence) throw new DomainError('SEQUENCE_NOT_FOUND', 'No such sequence.', 'id');
  const templates = await listTemplatesByIds(tx, sequence.steps.flatMap((s) => (s.kind === 'email' ? [s.templateId] : [])));
  const shared = await sharedMergeValues(tx, sequence.roleId);
  for (const [i, step] of sequence.steps.entries()) {
    if (step.kind !== 'email') continue;
    const template = templates.get(step.templateId)!;
    const lint = lintOutreachTemplate(template, sequence.audience as Audience);
    const error = lint.findings.find((f) => f.severity === 'error');
    if (error) throw new DomainError('SEQUENCE_LINT_FAILED', `Step ${i + 1} (${template.name}): ${error.message}`, `steps[${i}]`);
    const rendered = renderTemplate(template, { first_name: 'x', ...shared });
    if (rendered.missing.length > 0) throw new DomainError('SEQUENCE_MERGE_FIELD_MISSING', `Step ${i + 1} (${template.name}) uses {{${rendered.missing[0]}}}, which has no value yet.`, `steps[${i}]`);
  }
  const moved = await setSequenceStatus(tx, id, version, 'active', now);
  if (!moved) throw new DomainError('PRECONDITION_FAILED', 'The sequence changed since you loaded it.', 'If-Match');
  await recordAudit(tx, { actorId: actor.id, action: 'sequence.activate', entity: 'sequence', entityId: id, fields: ['status'], at: now });
  return moved;
}

export interface EnrollResult {
  enrolled: string[];
  skipped: { prospectId: string; reason: 'already-enrolled' | 'opted-out' | 'bounced' | 'closed' }[];
}

/**
 * Enrolls prospects in an active sequence, once each; an address on the suppression list (opted out or bounced) is
 * never enrolled, whatever imported or re-added it, nor a prospect converted or not interested.
 */
export async function enrollProspects(tx: Tx, actor: SequenceActor, sequenceId: string, prospectIds: readonly string[], now: Date): Promise<EnrollResult> {
  const sequence = await getSequence(tx, sequenceId);
  if (!sequence) throw new DomainError('SEQUENCE_NOT_FOUND', 'No such sequence.', 'id');
  if (sequence.status !== 'active') throw new DomainError('SEQUENCE_NOT_ACTIVE', 'Prospects can only be enrolled in an active sequence.', 'id');
  const result: EnrollResult = { enrolled: [], skipped: [] };
  for (const prospectId of [...new Set(prospectIds)]) {
    const prospect = await getProspect(tx, prospectId);
    if (!prospect) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'prospectIds');
    const candidate = await getCandidate(tx, prospect.candidateId);
    const suppressed = candidate ? (await suppressionsOf(tx, [addressHash(candidate.email)])).get(addressHash(candidate.email)) : undefined;
    if (suppressed) {
      result.skipped.push({ prospectId, reason: suppressed === 'bounced' ? 'bounced' : 'opted-out' });
      continue;
    }
    if (prospect.status === 'converted' || prospect.status === 'not-interested') {
      result.skipped.push({ prospectId, reason: 'closed' });
      continue;
    }
    if (await insertEnrollment(tx, { id: randomUUID(), sequenceId, prospectId, enrolledBy: actor.id }, now)) result.enrolled.push(prospectId);
    else result.skipped.push({ prospectId, reason: 'already-enrolled' });
  }
  if (result.enrolled.length > 0) await recordAudit(tx, { actorId: actor.id, action: 'sequence.enroll', entity: 'sequence', entityId: sequenceId, fields: ['enrollments'], at: now });
  return result;
}

/* ------------------------------------------------------------------ keys and opt-out links */

async function keysOf(tx: Tx, now: Date): Promise<OutreachKeys> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_SET_UP', 'This workspace is not set up yet.');
  return ensureOutreachKeys(tx, company.id, { signingKey: randomSecret(), inboundSecret: randomSecret() }, now);
}

const sign = (key: string, value: string) => createHmac('sha256', key).update(value).digest('base64url');

/** The opt-out token of an enrollment: its id and an HMAC-SHA256 of it with the company's signing key. */
export function optOutToken(keys: OutreachKeys, enrollmentId: string): string {
  return `${enrollmentId}.${sign(keys.signingKey, enrollmentId)}`;
}

/** The enrollment a token names when its signature holds, else undefined. */
export function verifyOptOutToken(keys: OutreachKeys, token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const id = token.slice(0, dot);
  return safeEqual(token.slice(dot + 1), sign(keys.signingKey, id)) ? id : undefined;
}

/**
 * A one-click opt-out: puts the enrollment's address on the suppression list (for good) and stops every sequence
 * of that prospect. False (and nothing changed) for a token that does not verify or names no enrollment.
 */
export async function optOut(store: Store, token: string, now: Date): Promise<boolean> {
  return inTransaction(store.db, async (tx) => {
    const keys = await keysOf(tx, now);
    const id = verifyOptOutToken(keys, token);
    const enrollment = id ? await getEnrollment(tx, id) : undefined;
    if (!enrollment) return false;
    const prospect = await getProspect(tx, enrollment.prospectId);
    const candidate = prospect ? await getCandidate(tx, prospect.candidateId) : undefined;
    if (candidate) await addSuppression(tx, addressHash(candidate.email), 'opted-out', now);
    await stopEnrollmentsOfProspect(tx, enrollment.prospectId, 'opted-out', now);
    await recordAudit(tx, { actorId: null, action: 'outreach.opt-out', entity: 'prospect', entityId: enrollment.prospectId, fields: ['suppression', 'enrollments'], at: now });
    return true;
  });
}

/* ------------------------------------------------------------------ the tick */

export interface SequenceTickOptions {
  batchSize?: number;
  rules?: Partial<SendingRules>;
  sendTimeoutMs?: number;
  /** The base of opt-out links when the company's notification settings have no app URL. */
  appUrl?: string;
  /** How long a step whose send never reached the server waits before it is tried again. */
  retryAfterMs?: number;
}

export interface SequenceTickResult {
  sent: number;
  bounced: number;
  uncertain: number;
  retrying: number;
  held: number;
  advanced: number;
  tasks: number;
  stopped: number;
  finished: number;
}

type SmtpError = Error & { responseCode?: number; code?: string; command?: string };

/** How a failed send ended: refused for good (5xx), refused for now or never connected (retry), or unknown. */
function classify(error: SmtpError): 'bounce' | 'retry' | 'uncertain' {
  if (typeof error.responseCode === 'number') return error.responseCode >= 500 ? 'bounce' : 'retry';
  // nodemailer names a connection that drops in the middle of DATA 'CONN' too: only a connection that could not be
  // opened at all is known to have sent nothing.
  if (/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)\b/.test(`${error.code ?? ''} ${error.message}`)) return 'retry';
  return 'uncertain';
}

/**
 * One tick of the sequences (under the `sequences` job lock when run by the background jobs): asks the scheduler
 * what is due and applies it. An e-mail step is claimed (a unique row per enrollment and step, in the same
 * transaction that moves the enrollment on) before it is sent, so a crash or a dropped connection never sends it
 * twice: a send whose outcome is unknown stops the enrollment as `send-uncertain` for a person to check. A 5xx
 * answer marks the address bad (suppression list) and stops the enrollment; a 4xx or a refused connection hands
 * the claim back for a later tick. A sent e-mail records `outreach.sent` on the prospect's history.
 */
export async function runSequencesOnce(ctx: JobContext, options: SequenceTickOptions = {}): Promise<SequenceTickResult> {
  const result: SequenceTickResult = { sent: 0, bounced: 0, uncertain: 0, retrying: 0, held: 0, advanced: 0, tasks: 0, stopped: 0, finished: 0 };
  const now = ctx.now();
  const company = await getCompany(ctx.store.db);
  if (!company) return result;
  const rules: SendingRules = { ...DEFAULT_SENDING_RULES, companyTimeZone: company.timeZone || DEFAULT_SENDING_RULES.companyTimeZone, ...options.rules };
  const rows = await listDueEnrollments(ctx.store.db, now, options.batchSize ?? 500);
  if (rows.length === 0) return result;
  const byId = new Map(rows.map((r) => [r.enrollment.id, r]));
  const steps = await listStepsOfSequences(ctx.store.db, rows.map((r) => r.enrollment.sequenceId));
  const suppressed = await suppressionsOf(ctx.store.db, rows.map((r) => addressHash(r.email)));
  const sentToday = await countMessagesBySenderSince(ctx.store.db, rows.map((r) => r.senderId), new Date(startOfCompanyDay(now.getTime(), rules.companyTimeZone)));
  const states: EnrollmentState[] = rows.map((r) => {
    const reason = suppressed.get(addressHash(r.email));
    return {
      id: r.enrollment.id,
      status: r.enrollment.status as EnrollmentState['status'],
      stepIndex: r.enrollment.stepIndex,
      dueAt: r.enrollment.dueAt,
      timeZone: r.prospectTimeZone,
      senderId: r.senderId,
      suppressed: reason === 'opted-out',
      addressBad: reason === 'bounced',
      replied: r.lastReplyAt !== null && r.lastReplyAt >= r.enrollment.createdAt,
      converted: r.prospectStatus === 'converted',
    };
  });
  const decisions = dueDecisions(states, (id) => steps.get(byId.get(id)!.enrollment.sequenceId) ?? [], now, sentToday, rules);
  const settings = deliverySettingsOf(company);
  const appUrl = (settings.appUrl ?? options.appUrl ?? '').replace(/\/+$/, '');
  const timeoutMs = options.sendTimeoutMs ?? 30_000;
  let mailer: Mailer | undefined;
  const shared = new Map<string | null, Omit<MergeValues, 'first_name'>>();
  try {
    for (const d of decisions) {
      const row = byId.get(d.enrollmentId)!;
      const e = row.enrollment;
      const at = ctx.now();
      if (d.kind === 'hold') {
        result.held += 1;
        await moveEnrollment(ctx.store.db, e.id, e.version, { dueAt: d.until }, at);
      } else if (d.kind === 'advance') {
        if (await moveEnrollment(ctx.store.db, e.id, e.version, { stepIndex: d.nextStepIndex, dueAt: d.dueAt }, at)) result.advanced += 1;
      } else if (d.kind === 'open-task') {
        if (await moveEnrollment(ctx.store.db, e.id, e.version, { status: 'waiting-task' }, at)) result.tasks += 1;
      } else if (d.kind === 'stop') {
        if (await moveEnrollment(ctx.store.db, e.id, e.version, { status: 'stopped', stopReason: d.reason }, at)) result.stopped += 1;
      } else if (d.kind === 'finish') {
        if (await moveEnrollment(ctx.store.db, e.id, e.version, { status: 'finished' }, at)) result.finished += 1;
      } else {
        const step = (steps.get(e.sequenceId) ?? [])[d.stepIndex];
        if (step?.kind !== 'email') continue;
        if (!settings.email) continue; // e-mail is not configured: the step stays due
        const outcome = await sendStep(ctx, row, step.templateId, d.stepIndex, { appUrl, timeoutMs, shared, mailer: async () => (mailer ??= await mailerFor(settings.email!, timeoutMs)) }, options);
        result[outcome] += 1;
      }
    }
  } finally {
    mailer?.close();
  }
  return result;
}

async function sendStep(
  ctx: JobContext,
  row: DueEnrollmentRow,
  templateId: string,
  stepIndex: number,
  env: { appUrl: string; timeoutMs: number; shared: Map<string | null, Omit<MergeValues, 'first_name'>>; mailer: () => Promise<Mailer> },
  options: SequenceTickOptions,
): Promise<'sent' | 'bounced' | 'uncertain' | 'retrying' | 'stopped'> {
  const e = row.enrollment;
  const claimedAt = ctx.now();
  const sender = await getUser(ctx.store.db, row.senderId);
  const domain = sender?.email.split('@')[1] ?? 'closer.invalid';
  const messageId = `<${randomUUID()}@${domain}>`;
  const messageRowId = randomUUID();
  // Claim the step and move the enrollment past it in one transaction, before anything goes on the wire.
  const prepared = await inTransaction(ctx.store.db, async (tx) => {
    if (!(await moveEnrollment(tx, e.id, e.version, { stepIndex: stepIndex + 1, dueAt: claimedAt.toISOString() }, claimedAt))) return undefined;
    if (!(await claimSequenceMessage(tx, { id: messageRowId, enrollmentId: e.id, stepIndex, senderId: row.senderId, messageId }, claimedAt))) return undefined;
    const template = await getTemplate(tx, templateId);
    if (!env.shared.has(row.roleId)) env.shared.set(row.roleId, await sharedMergeValues(tx, row.roleId));
    const values: MergeValues = { first_name: firstNameOf(row.candidateName), ...env.shared.get(row.roleId)! };
    const keys = await keysOf(tx, claimedAt);
    return { template, values, token: optOutToken(keys, e.id) };
  });
  if (!prepared || !prepared.template || !sender) return 'stopped';
  const rendered = renderTemplate(prepared.template, prepared.values);
  if (rendered.missing.length > 0) {
    await inTransaction(ctx.store.db, async (tx) => {
      await finishSequenceMessage(tx, messageRowId, { status: 'failed', error: `no value for ${rendered.missing.map((m: MergeField) => `{{${m}}}`).join(', ')}` });
      await stopEnrollmentsOfProspect(tx, e.prospectId, 'missing-merge-field', ctx.now());
    });
    return 'stopped';
  }
  const optOutUrl = `${env.appUrl}/o/${encodeURIComponent(prepared.token)}`;
  let failure: SmtpError | undefined;
  try {
    const mailer = await env.mailer();
    await mailer.sendMail({
      from: { name: sender.name, address: sender.email },
      to: row.email,
      subject: rendered.subject,
      text: `${rendered.body}\n\n--\nNo more e-mails from us: ${optOutUrl}`,
      messageId,
      headers: { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  } catch (error) {
    failure = error as SmtpError;
  }
  const at = ctx.now();
  if (!failure) {
    await inTransaction(ctx.store.db, async (tx) => {
      const { event } = await recordProspectEvent(tx, null, e.prospectId, { type: 'outreach.sent', occurredAt: at.toISOString(), data: { channel: 'email' } }, at);
      await finishSequenceMessage(tx, messageRowId, { status: 'sent', prospectEventId: event.id, sentAt: at.toISOString() });
    });
    return 'sent';
  }
  const kind = classify(failure);
  const error = `${failure.responseCode ?? failure.code ?? ''} ${failure.message}`.trim().slice(0, 500);
  await inTransaction(ctx.store.db, async (tx) => {
    if (kind === 'retry') {
      // Nothing reached the recipient: hand the claim back and try the step again later.
      await releaseSequenceMessage(tx, messageRowId);
      const current = await getEnrollment(tx, e.id);
      if (current) await moveEnrollment(tx, e.id, current.version, { stepIndex, dueAt: new Date(at.getTime() + (options.retryAfterMs ?? 15 * 60_000)).toISOString() }, at);
      return;
    }
    await finishSequenceMessage(tx, messageRowId, { status: kind === 'bounce' ? 'bounced' : 'uncertain', error });
    if (kind === 'bounce') {
      await addSuppression(tx, addressHash(row.email), 'bounced', at);
      await stopEnrollmentsOfProspect(tx, e.prospectId, 'bounced', at);
    } else {
      const current = await getEnrollment(tx, e.id);
      if (current) await moveEnrollment(tx, e.id, current.version, { status: 'stopped', stopReason: 'send-uncertain' }, at);
    }
    await recordAudit(tx, { actorId: null, action: kind === 'bounce' ? 'outreach.bounce' : 'outreach.send-uncertain', entity: 'prospect', entityId: e.prospectId, fields: kind === 'bounce' ? ['suppression', 'enrollments'] : ['enrollments'], at });
  });
  return kind === 'bounce' ? 'bounced' : kind === 'retry' ? 'retrying' : 'uncertain';
}

/* ------------------------------------------------------------------ replies */

/**
 * Records a reply on a prospect's history as `candidate.replied` (hours since the last outreach, length of its own
 * words, whether it asks something) and stops the prospect's sequences. `actorId` is who logged it by hand, or
 * null for the inbound webhook.
 */
export async function recordReply(tx: Tx, actorId: string | null, prospectId: string, input: { text: string; receivedAt: string; lastOutreachAt?: string | null }, now: Date) {
  const prospect = await getProspect(tx, prospectId);
  if (!prospect) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'prospectId');
  const data = replyData(input.text, input.lastOutreachAt !== undefined ? input.lastOutreachAt : prospect.lastTouchAt, input.receivedAt);
  const recorded = await recordProspectEvent(tx, actorId, prospectId, { type: 'candidate.replied', occurredAt: input.receivedAt, data }, now);
  const stopped = await stopEnrollmentsOfProspect(tx, prospectId, 'replied', now);
  if (stopped > 0) await recordAudit(tx, { actorId, action: 'sequence.stop', entity: 'prospect', entityId: prospectId, fields: ['enrollments'], at: now });
  return recorded;
}

/** The signature header value the inbound webhook expects: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function inboundSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export type InboundOutcome = { outcome: 'unauthorized' } | { outcome: 'invalid'; field: string; message: string } | { outcome: 'unmatched' } | { outcome: 'recorded'; prospectId: string };

/**
 * An inbound e-mail posted by the mail provider: a bad or missing signature changes nothing (`unauthorized`); a
 * reply whose `In-Reply-To` names no message Closer sent is audited and otherwise ignored (`unmatched`); a match
 * records `candidate.replied` (latency since that message) and stops the prospect's sequences.
 */
export async function receiveInboundEmail(store: Store, rawBody: string, signature: string | undefined, now: Date): Promise<InboundOutcome> {
  return inTransaction(store.db, async (tx) => {
    const keys = await keysOf(tx, now);
    if (!signature || !safeEqual(signature.trim(), inboundSignature(keys.inboundSecret, rawBody))) return { outcome: 'unauthorized' } as const;
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { outcome: 'invalid', field: 'body', message: 'The body is not JSON.' } as const;
    }
    const parsed = InboundEmail.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { outcome: 'invalid', field: issue?.path.join('.') || 'body', message: issue?.message ?? 'Invalid inbound e-mail.' } as const;
    }
    const id = messageIdOf(parsed.data.inReplyTo);
    const message = id ? await getMessageByMessageId(tx, id) : undefined;
    if (!message || message.status !== 'sent') {
      await recordAudit(tx, { actorId: null, action: 'inbound.unmatched', entity: 'inbound-email', entityId: 'unmatched', fields: ['inReplyTo'], at: now });
      return { outcome: 'unmatched' } as const;
    }
    const receivedAt = Date.parse(parsed.data.receivedAt) > now.getTime() ? now.toISOString() : new Date(parsed.data.receivedAt).toISOString();
    await recordReply(tx, null, message.prospectId, { text: parsed.data.text, receivedAt, lastOutreachAt: message.sentAt }, now);
    return { outcome: 'recorded', prospectId: message.prospectId } as const;
  });
}

/** The shared secret of the inbound webhook, for an owner to give the mail provider (created on first use). */
export async function inboundSecret(tx: Tx, now: Date): Promise<string> {
  return (await keysOf(tx, now)).inboundSecret;
}

/* ------------------------------------------------------------------ the HTTP API (issue 13, docs/sequences.md) */

export type { EnrollmentWithNames, OutreachTemplateRecord };

export async function findTemplates(tx: Tx): Promise<OutreachTemplateRecord[]> {
  return listTemplates(tx);
}

export async function readTemplate(tx: Tx, id: string): Promise<OutreachTemplateRecord> {
  const template = await getTemplate(tx, id);
  if (!template) throw new DomainError('TEMPLATE_NOT_FOUND', 'No such outreach template.', 'id');
  return template;
}

/** Changes a template's name, subject or body; `version` is the If-Match version. */
export async function changeTemplate(tx: Tx, actor: SequenceActor, id: string, version: number, patch: { name?: string; subject?: string; body?: string }, now: Date): Promise<OutreachTemplateRecord> {
  const current = await readTemplate(tx, id);
  const fields = (['name', 'subject', 'body'] as const).filter((k) => patch[k] !== undefined && patch[k] !== current[k]);
  if (current.version !== version) throw new DomainError('PRECONDITION_FAILED', 'The template changed since you loaded it.', 'If-Match');
  const changed = await updateTemplate(tx, id, version, Object.fromEntries(fields.map((k) => [k, patch[k]])), now);
  if (!changed) throw new DomainError('PRECONDITION_FAILED', 'The template changed since you loaded it.', 'If-Match');
  await recordAudit(tx, { actorId: actor.id, action: 'outreach-template.update', entity: 'outreach-template', entityId: id, fields, at: now });
  return changed;
}

/**
 * A template rendered for one prospect, with its lint. `payAccess` false (a user without compensation.read) leaves
 * `{{base_range}}` as written and names it in `hidden`, so no band figure reaches them.
 */
export async function previewTemplate(tx: Tx, id: string, input: { prospectId: string; roleId?: string | null; audience?: Audience }, payAccess: boolean) {
  const template = await readTemplate(tx, id);
  const prospect = await getProspect(tx, input.prospectId);
  if (!prospect) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'prospectId');
  if (input.roleId && !(await getRole(tx, input.roleId))) throw new DomainError('ROLE_NOT_FOUND', 'No such role.', 'roleId');
  const candidate = await getCandidate(tx, prospect.candidateId);
  const shared = await sharedMergeValues(tx, input.roleId ?? null);
  const values: MergeValues = { first_name: firstNameOf(candidate?.name ?? ''), ...shared };
  const hidden: MergeField[] = [];
  if (!payAccess) {
    values.base_range = '{{base_range}}';
    hidden.push('base_range');
  }
  const rendered = renderTemplate(template, values);
  const audience = input.audience ?? 'passive';
  return { template, prospectId: prospect.id, subject: rendered.subject, body: rendered.body, missing: rendered.missing, hidden, audience, lint: lintOutreachTemplate(template, audience) };
}

export interface SequenceSummary extends SequenceRecord {
  enrollments: Record<string, number>;
  templateNames: Map<string, string>;
}

async function summarize(tx: Tx, sequences: SequenceRecord[]): Promise<SequenceSummary[]> {
  const counts = await countEnrollmentsBySequence(tx, sequences.map((s) => s.id));
  const templates = await listTemplatesByIds(tx, sequences.flatMap((s) => s.steps.flatMap((step) => (step.kind === 'email' ? [step.templateId] : []))));
  const names = new Map([...templates].map(([id, t]) => [id, t.name]));
  return sequences.map((s) => ({ ...s, enrollments: counts.get(s.id) ?? {}, templateNames: names }));
}

export async function findSequences(tx: Tx): Promise<SequenceSummary[]> {
  return summarize(tx, await listSequences(tx));
}

export interface SequenceStepLint {
  index: number;
  templateId: string;
  templateName: string;
  audience: Audience;
  lint: OutreachLintResult;
  missing: MergeField[];
}

/** A sequence with the lint of each e-mail step (what activation checks) and whether it can be activated. */
export async function readSequence(tx: Tx, id: string): Promise<SequenceSummary & { lint: SequenceStepLint[]; canActivate: boolean }> {
  const sequence = await getSequence(tx, id);
  if (!sequence) throw new DomainError('SEQUENCE_NOT_FOUND', 'No such sequence.', 'id');
  const [summary] = await summarize(tx, [sequence]);
  const templates = await listTemplatesByIds(tx, sequence.steps.flatMap((s) => (s.kind === 'email' ? [s.templateId] : [])));
  const shared = await sharedMergeValues(tx, sequence.roleId);
  const audience = sequence.audience as Audience;
  const lint: SequenceStepLint[] = [];
  for (const [index, step] of sequence.steps.entries()) {
    if (step.kind !== 'email') continue;
    const template = templates.get(step.templateId);
    if (!template) continue;
    lint.push({ index, templateId: template.id, templateName: template.name, audience, lint: lintOutreachTemplate(template, audience), missing: renderTemplate(template, { first_name: 'x', ...shared }).missing });
  }
  return { ...summary!, lint, canActivate: lint.every((l) => l.lint.errors === 0 && l.missing.length === 0) };
}

/** Pauses an active sequence: the tick leaves its enrollments where they are until it is activated again. */
export async function pauseSequence(tx: Tx, actor: SequenceActor, id: string, version: number, now: Date): Promise<SequenceRecord> {
  const sequence = await getSequence(tx, id);
  if (!sequence) throw new DomainError('SEQUENCE_NOT_FOUND', 'No such sequence.', 'id');
  if (sequence.status !== 'active') throw new DomainError('SEQUENCE_NOT_ACTIVE', 'Only an active sequence can be paused.', 'id');
  const moved = await setSequenceStatus(tx, id, version, 'paused', now);
  if (!moved) throw new DomainError('PRECONDITION_FAILED', 'The sequence changed since you loaded it.', 'If-Match');
  await recordAudit(tx, { actorId: actor.id, action: 'sequence.pause', entity: 'sequence', entityId: id, fields: ['status'], at: now });
  return moved;
}

export async function findEnrollments(tx: Tx, where: { sequenceId: string } | { prospectId: string } | { poolId: string }): Promise<{ enrollments: EnrollmentWithNames[]; steps: Map<string, SequenceStep[]>; templateNames: Map<string, string> }> {
  if ('sequenceId' in where && !(await getSequence(tx, where.sequenceId))) throw new DomainError('SEQUENCE_NOT_FOUND', 'No such sequence.', 'id');
  if ('prospectId' in where && !(await getProspect(tx, where.prospectId))) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'id');
  if ('poolId' in where) await getPoolOrThrow(tx, where.poolId);
  return withSteps(tx, await listEnrollmentsWithNames(tx, where));
}

async function withSteps(tx: Tx, enrollments: EnrollmentWithNames[]) {
  const steps = await listStepsOfSequences(tx, enrollments.map((e) => e.sequenceId));
  const templates = await listTemplatesByIds(tx, [...steps.values()].flat().flatMap((s) => (s.kind === 'email' ? [s.templateId] : [])));
  return { enrollments, steps: steps as Map<string, SequenceStep[]>, templateNames: new Map([...templates].map(([id, t]) => [id, t.name])) };
}

export async function readEnrollment(tx: Tx, id: string) {
  const [enrollment] = await listEnrollmentsWithNames(tx, { id });
  if (!enrollment) throw new DomainError('ENROLLMENT_NOT_FOUND', 'No such enrollment.', 'id');
  return withSteps(tx, [enrollment]);
}

/** Stops one enrollment by hand (stop reason `removed`); `version` is the If-Match version. */
export async function stopEnrollment(tx: Tx, actor: SequenceActor, id: string, version: number, now: Date) {
  const enrollment = await getEnrollment(tx, id);
  if (!enrollment) throw new DomainError('ENROLLMENT_NOT_FOUND', 'No such enrollment.', 'id');
  if (enrollment.status !== 'active' && enrollment.status !== 'waiting-task') throw new DomainError('ENROLLMENT_NOT_RUNNING', 'This enrollment has already stopped or finished.', 'id');
  if (!(await moveEnrollment(tx, id, version, { status: 'stopped', stopReason: 'removed' }, now))) throw new DomainError('PRECONDITION_FAILED', 'The enrollment changed since you loaded it.', 'If-Match');
  await recordAudit(tx, { actorId: actor.id, action: 'sequence.stop', entity: 'sequence-enrollment', entityId: id, fields: ['status', 'stopReason'], at: now });
  return readEnrollment(tx, id);
}

/**
 * Marks the manual task step an enrollment is at as done (a call or a message on another network): records the
 * touch on the prospect's history (`outreach.sent`, channel phone or message) and moves the enrollment to the next
 * step, due now (or finishes it after the last step); a note, when given, goes on the history as a `note`. Allowed whether or not the tick has opened the task yet;
 * `version` is the If-Match version.
 */
export async function completeTaskStep(tx: Tx, actor: SequenceActor, id: string, version: number, now: Date, note?: string) {
  const enrollment = await getEnrollment(tx, id);
  if (!enrollment) throw new DomainError('ENROLLMENT_NOT_FOUND', 'No such enrollment.', 'id');
  const sequence = await getSequence(tx, enrollment.sequenceId);
  const step = sequence?.steps[enrollment.stepIndex];
  if ((enrollment.status !== 'active' && enrollment.status !== 'waiting-task') || step?.kind !== 'task') throw new DomainError('ENROLLMENT_NOT_AT_TASK', 'This enrollment is not at a manual task step.', 'id');
  const last = enrollment.stepIndex + 1 >= sequence!.steps.length;
  const moved = await moveEnrollment(tx, id, version, last ? { status: 'finished', stepIndex: enrollment.stepIndex + 1 } : { status: 'active', stepIndex: enrollment.stepIndex + 1, dueAt: now.toISOString() }, now);
  if (!moved) throw new DomainError('PRECONDITION_FAILED', 'The enrollment changed since you loaded it.', 'If-Match');
  await recordProspectEvent(tx, actor.id, enrollment.prospectId, { type: 'outreach.sent', occurredAt: now.toISOString(), data: { channel: step.task === 'call' ? 'phone' : 'message' } }, now);
  if (note) await recordProspectEvent(tx, actor.id, enrollment.prospectId, { type: 'note', occurredAt: now.toISOString(), data: { text: note } }, now);
  await recordAudit(tx, { actorId: actor.id, action: 'sequence.task-done', entity: 'sequence-enrollment', entityId: id, fields: ['status', 'stepIndex', 'dueAt'], at: now });
  return readEnrollment(tx, id);
}

/** A new shared secret for the inbound webhook (the old one stops working at once); audited, field names only. */
export async function rotateInboundSecret(tx: Tx, actor: SequenceActor, now: Date): Promise<string> {
  await keysOf(tx, now);
  const company = await getCompany(tx);
  const secret = randomSecret();
  await setInboundSecret(tx, company!.id, secret);
  await recordAudit(tx, { actorId: actor.id, action: 'inbound.secret-rotate', entity: 'outreach-keys', entityId: company!.id, fields: ['inboundSecret'], at: now });
  return secret;
}

/** The shape of an opt-out token: an enrollment id, a dot, and a base64url HMAC-SHA256 (43 characters). */
const OPT_OUT_TOKEN_RE = /^[A-Za-z0-9-]{1,64}\.[A-Za-z0-9_-]{43}$/;

/**
 * What the opt-out page needs, without changing anything: the company's name, and whether the token is well formed
 * (`malformed`), names an enrollment under a valid signature (`valid`), or not (`unknown`).
 */
export async function checkOptOutToken(store: Store, token: string): Promise<{ companyName: string; state: 'valid' | 'unknown' | 'malformed' }> {
  const company = await getCompany(store.db);
  const companyName = company?.name ?? 'Closer';
  if (!OPT_OUT_TOKEN_RE.test(token)) return { companyName, state: 'malformed' };
  const keys = company ? await getOutreachKeys(store.db, company.id) : undefined;
  const id = keys ? verifyOptOutToken(keys, token) : undefined;
  const enrollment = id ? await getEnrollment(store.db, id) : undefined;
  return { companyName, state: enrollment ? 'valid' : 'unknown' };
}

/** The inbound webhook's secret for an owner to read again (created on first use). */
export async function readInboundSecret(store: Store, now: Date): Promise<string> {
  return inTransaction(store.db, (tx) => inboundSecret(tx, now));
}
