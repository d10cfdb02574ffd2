import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors.js';
import { normalizeEmail } from '../../domain/pipeline/index.js';
import { Email } from '../../domain/company/company.js';
import {
  enqueueOutbox,
  findCandidatesByEmails,
  getCandidateOrThrow,
  getRoleOrThrow,
  inTransaction,
  insertPostingAnswers,
  listApplications,
  recordAudit,
  setTalentPoolConsent,
  type PostingRecord,
  type Store,
} from '../../storage/index.js';
import type { FileDirectory } from './file-store.js';
import { appendEvent, createApplication, createCandidate, type PipelineActor } from './pipeline.js';
import { uploadCandidateFile } from './candidate-record.js';

/**
 * An application through the public job board (issue 16): creates the candidate (or finds them by e-mail, the
 * duplicate rule), the application at the role's first stage, records `application.received` with source `inbound`
 * through the event path (so the reply clock starts and the applicant is on Today), attaches the CV, keeps the
 * answers, records talent-pool consent, and queues a confirmation e-mail through the outbox. One transaction.
 */

/** The public: an applicant has no account; audit entries name no actor. */
const PUBLIC: PipelineActor = { id: null, role: 'public' };

export interface InboundApplication {
  name: string;
  email: string;
  links: string[];
  answers: Record<string, string>;
  talentPoolConsent: boolean;
  cv: { bytes: Uint8Array; contentType: string; filename: string } | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function text(value: string | undefined, field: string, opts: { max: number; required: boolean; multiline?: boolean }): string {
  const v = (value ?? '').replace(/\r\n/g, '\n').trim();
  if (!v.isWellFormed() || (opts.multiline ? CONTROL_EXCEPT_NEWLINES : ANY_CONTROL).test(v)) {
    throw new DomainError('INVALID_STRING', 'Text may not contain control characters (such as NUL).', field);
  }
  if (opts.required && v.length === 0) throw new DomainError('VALIDATION_FAILED', 'Fill this in.', field);
  if (v.length > opts.max) throw new DomainError('VALIDATION_FAILED', `At most ${opts.max.toLocaleString('en-US')} characters.`, field);
  return v;
}

/** Reads and checks the fields of the form (strings from the multipart body) against the posting's questions. */
export function readApplicationForm(posting: PostingRecord, fields: Record<string, string>, cv: InboundApplication['cv']): InboundApplication {
  const name = text(fields.name, 'name', { max: 200, required: true });
  const emailRaw = text(fields.email, 'email', { max: 254, required: true });
  const email = Email.safeParse(emailRaw);
  if (!email.success) throw new DomainError('VALIDATION_FAILED', 'Enter an e-mail address like name@example.com.', 'email');
  const linksText = text(fields.links, 'links', { max: 2000, required: false, multiline: true });
  const links = linksText.split(/\s+/).filter((l) => l.length > 0);
  if (links.length > 5) throw new DomainError('VALIDATION_FAILED', 'At most 5 links.', 'links');
  for (const l of links) {
    if (!/^https?:\/\/[^\s<>"']{1,400}$/i.test(l)) throw new DomainError('VALIDATION_FAILED', 'Each link starts with https:// (one per line).', 'links');
  }
  const answers: Record<string, string> = {};
  for (const q of posting.questions) {
    answers[q.id] = text(fields[`q-${q.id}`], `q-${q.id}`, { max: 5000, required: q.required, multiline: true });
  }
  return { name, email: email.data, links, answers, talentPoolConsent: fields.talentPool === 'yes', cv };
}

export interface InboundResult {
  candidateId: string;
  applicationId: string | null;
  /** False when this person already had an active application for the role: nothing new was created. */
  created: boolean;
}

export async function submitInboundApplication(
  store: Store,
  posting: PostingRecord,
  input: InboundApplication,
  talentPoolMonths: number,
  companyName: string,
  now: Date,
  files: FileDirectory | undefined,
): Promise<InboundResult> {
  return inTransaction(store.db, async (tx) => {
    const role = await getRoleOrThrow(tx, posting.roleId);
    if (role.status !== 'open') throw new DomainError('POSTING_NOT_FOUND', 'This job is no longer open.');
    // The duplicate rule: the same e-mail is the same person (the form asks no employer, so no name rule applies).
    // An indexed lookup (candidates_email; stored e-mails are normalised), not a scan of every candidate.
    const email = normalizeEmail(input.email);
    const matchId = (await findCandidatesByEmails(tx, [email])).get(email);
    let candidate = matchId ? await getCandidateOrThrow(tx, matchId) : undefined;
    if (candidate?.archivedAt) candidate = undefined;
    if (!candidate) {
      candidate = await createCandidate(tx, PUBLIC, { name: input.name, email: input.email, links: input.links, source: 'inbound', allowDuplicate: true }, now);
    }
    const active = await listApplications(tx, { candidateId: candidate.id, roleId: role.id, status: 'active' });
    if (active.length > 0) return { candidateId: candidate.id, applicationId: active[0]!.id, created: false };
    const application = await createApplication(tx, PUBLIC, { candidateId: candidate.id, roleId: role.id }, now);
    // The applicant wrote to us and waits for an answer: an inbound application.received starts the reply clock
    // (reply.to-candidate) in the clocks' fold (stepClockRuns); no reply is fabricated.
    await appendEvent(tx, PUBLIC, application.id, { type: 'application.received', data: { source: 'inbound' } }, now);
    if (input.cv) await uploadCandidateFile(tx, PUBLIC, candidate.id, input.cv, now, files);
    await insertPostingAnswers(
      tx,
      {
        applicationId: application.id,
        candidateId: candidate.id,
        postingId: posting.id,
        answers: posting.questions.map((q) => ({ id: q.id, label: q.label, answer: input.answers[q.id] ?? '' })),
        links: input.links,
        talentPoolMonths: input.talentPoolConsent ? talentPoolMonths : null,
      },
      now,
    );
    if (input.talentPoolConsent) {
      const fresh = await getCandidateOrThrow(tx, candidate.id);
      await setTalentPoolConsent(tx, candidate.id, fresh.version, now.toISOString(), now);
      await recordAudit(tx, { actorId: null, action: 'candidate.update', entity: 'candidate', entityId: candidate.id, fields: ['talentPoolConsent'], at: now });
    }
    await enqueueOutbox(
      tx,
      {
        id: randomUUID(),
        dedupeKey: `application-received:${application.id}`,
        notificationId: null,
        channel: 'email',
        recipient: input.email,
        subject: `${companyName}: we received your application for ${posting.title}`,
        body: [
          `Hello ${input.name},`,
          '',
          `Thank you for applying for ${posting.title} at ${companyName}. A person on the team reads every application and will reply to you.`,
          input.talentPoolConsent ? `You agreed that we keep your application for ${talentPoolMonths} months for other roles; reply to this e-mail to withdraw that.` : '',
          '',
          companyName,
        ]
          .filter((l, i, all) => l !== '' || all[i - 1] !== '')
          .join('\n'),
      },
      now,
    );
    return { candidateId: candidate.id, applicationId: application.id, created: true };
  });
}
