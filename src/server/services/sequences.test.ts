import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { getCompany, getEnrollment, inTransaction, insertCandidate, insertPool, insertProspect, listAudit, listMessagesOfEnrollment, listProspectEvents, listEnrollmentsOfSequence, getProspectOrThrow } from '../../storage/index.js';
import { activateSequence, createSequence, createTemplate, enrollProspects, inboundSecret, inboundSignature, optOut, receiveInboundEmail, runSequencesOnce } from './sequences.js';
import { recordProspectEvent } from './sourcing.js';

interface Mail {
  to: string[];
  raw: string;
}

/** A real SMTP server: 5xx for bounce@ recipients, drops the connection after taking the data of drop@ ones. */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        if (to.some((a) => a.startsWith('drop'))) for (const s of sockets) s.destroy(); // the answer never comes
        else callback();
      });
    },
  });
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((ok) => server.close(() => ok())) };
}

const mailsTo = (mails: Mail[], who: string) => mails.filter((m) => m.to.some((a) => a.startsWith(who)));
const header = (raw: string, name: string) => new RegExp(`^${name}: (.+)$`, 'im').exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

for (const dialect of dialectsUnderTest()) {
  describe(`sequences: templates, activation, enrollment and sending against a real SMTP server [${dialect.name}]`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let sender: { userId: string };
    const ctx = () => ({ store: h.store, now: () => h.clock.now() });
    const tx = <T>(fn: Parameters<typeof inTransaction<T>>[1]) => inTransaction(h.store.db, fn);
    let sequenceId = '';
    const people = ['ok', 'bounce', 'drop', 'reply'];

    beforeAll(async () => {
      smtp = await startSmtp();
      h = await createHarness(await dialect.createStore());
      const res = await h.call('PUT', '/api/v1/notifications/settings', {
        token: h.ownerToken,
        body: { email: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTls: true, from: 'closer@test.example' }, chat: null, appUrl: 'https://closer.test.example' },
      });
      expect(res.statusCode).toBe(200);
      sender = await h.tokenFor('recruiter', `founder-${dialect.name}@acme.example`);
      const now = h.clock.now();
      const company = (await getCompany(h.store.db))!;
      await insertPool(h.store.db, { id: 'pool1', companyId: company.id, name: 'MLOps, passive, EU', ownerId: null, specializations: ['mlops'], cadenceDays: 21, createdBy: null }, now);
      for (const who of people) {
        await insertCandidate(h.store.db, { id: `c-${who}`, name: `${who[0]!.toUpperCase()}${who.slice(1)} Person`, email: `${who}@people.example`, phone: null, links: [], location: null, currentEmployer: null, source: 'outbound', passive: true, specializations: [], productionMlYears: null, currentCompensation: null, createdBy: null }, now);
        await insertProspect(h.store.db, { id: `p-${who}`, poolId: 'pool1', candidateId: `c-${who}`, foundBy: null, foundHow: 'search', foundDetail: null, currentEmployer: null, lab: null, links: [], lawfulBasis: 'legitimate interest', timeZone: 'Europe/Berlin' }, now);
      }
    });
    afterAll(async () => {
      await h.close();
      await smtp.close();
    });

    it('refuses to activate a sequence whose message fails the lint or uses a field with no value', async () => {
      const actor = { id: sender.userId };
      const now = h.clock.now();
      const vague = await tx((t) => createTemplate(t, actor, { name: 'Vague', subject: 'Our mission', body: 'Hi {{first_name}}, join our mission for equity.' }, now));
      const noBand = await tx((t) => createTemplate(t, actor, { name: 'No band', subject: 'Hi', body: 'Base {{base_range}}, GPUs and data.' }, now));
      const s1 = await tx((t) => createSequence(t, actor, { name: 'Vague', audience: 'passive', steps: [{ kind: 'email', templateId: vague.id }] }, now));
      await expect(tx((t) => activateSequence(t, actor, s1.id, s1.version, now))).rejects.toMatchObject({ code: 'SEQUENCE_LINT_FAILED', field: 'steps[0]' });
      const s2 = await tx((t) => createSequence(t, actor, { name: 'No band', audience: 'passive', steps: [{ kind: 'email', templateId: noBand.id }] }, now));
      await expect(tx((t) => activateSequence(t, actor, s2.id, s2.version, now))).rejects.toMatchObject({ code: 'SEQUENCE_MERGE_FIELD_MISSING' });
      await expect(tx((t) => enrollProspects(t, actor, s1.id, ['p-ok'], now))).rejects.toMatchObject({ code: 'SEQUENCE_NOT_ACTIVE' });
      await expect(tx((t) => createSequence(t, actor, { name: 'Bad wait', audience: 'passive', steps: [{ kind: 'wait', businessDays: 0 }] }, now))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'steps[0].businessDays' });
    });

    it('sends the first step once each: delivered with Message-ID and List-Unsubscribe, a 5xx bounce, a dropped connection', async () => {
      const actor = { id: sender.userId };
      const now = h.clock.now(); // Monday 2 November 2026, 15:00 UTC (16:00 in Berlin)
      const first = await tx((t) => createTemplate(t, actor, { name: 'First', subject: 'Base $180,000 for {{first_name}}', body: 'Hi {{first_name}}, the base is $180,000; you get a GPU budget and our data.' }, now));
      const second = await tx((t) => createTemplate(t, actor, { name: 'Follow-up', subject: 'Following up', body: 'Still $180,000 base, {{first_name}}, and real infrastructure.' }, now));
      const created = await tx((t) => createSequence(t, actor, { name: 'Cash first', audience: 'passive', steps: [{ kind: 'email', templateId: first.id }, { kind: 'wait', businessDays: 2 }, { kind: 'email', templateId: second.id }] }, now));
      sequenceId = (await tx((t) => activateSequence(t, actor, created.id, created.version, now))).id;
      const enrolled = await tx((t) => enrollProspects(t, actor, sequenceId, people.map((p) => `p-${p}`), now));
      expect(enrolled.enrolled).toHaveLength(4);
      expect((await tx((t) => enrollProspects(t, actor, sequenceId, ['p-ok'], now))).skipped).toEqual([{ prospectId: 'p-ok', reason: 'already-enrolled' }]);

      const result = await runSequencesOnce(ctx());
      expect(result).toMatchObject({ sent: 2, bounced: 1, uncertain: 1 });
      const ok = mailsTo(smtp.mails, 'ok');
      expect(ok).toHaveLength(1);
      expect(header(ok[0]!.raw, 'From')).toContain(`founder-${dialect.name}@acme.example`);
      expect(header(ok[0]!.raw, 'Subject')).toBe('Base $180,000 for Ok');
      expect(header(ok[0]!.raw, 'List-Unsubscribe')).toMatch(/^<https:\/\/closer\.test\.example\/o\/.+>$/);
      expect(header(ok[0]!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const enrollments = await listEnrollmentsOfSequence(h.store.db, sequenceId);
      const of = (who: string) => enrollments.find((e) => e.prospectId === `p-${who}`)!;
      const [message] = await listMessagesOfEnrollment(h.store.db, of('ok').id);
      expect(header(ok[0]!.raw, 'Message-ID')).toBe(message!.messageId);
      const history = await listProspectEvents(h.store.db, 'p-ok');
      expect(history.map((e) => [e.id, e.type])).toEqual([[message!.prospectEventId, 'outreach.sent']]);
      expect((await getProspectOrThrow(h.store.db, 'p-ok')).status).toBe('contacted');
      expect(of('bounce')).toMatchObject({ status: 'stopped', stopReason: 'bounced' });
      expect(of('drop')).toMatchObject({ status: 'stopped', stopReason: 'send-uncertain' });
      expect(mailsTo(smtp.mails, 'drop')).toHaveLength(1);
      expect(await listProspectEvents(h.store.db, 'p-bounce')).toEqual([]);
      const audit = await listAudit(h.store.db, { entity: 'prospect', entityId: 'p-bounce', limit: 5 });
      expect(audit.map((a) => a.action)).toContain('outreach.bounce');
      expect(JSON.stringify(audit)).not.toContain('people.example');

      // The next tick moves the wait steps on (2 business days, Wednesday 16:00 Berlin) and never sends a step again.
      const again = await runSequencesOnce(ctx());
      expect(again).toMatchObject({ sent: 0, advanced: 2 });
      expect(mailsTo(smtp.mails, 'drop')).toHaveLength(1);
      expect((await getEnrollment(h.store.db, of('ok').id))!.dueAt).toBe('2026-11-04T15:00:00.000Z');
      // A bounced address is never enrolled again, in any sequence.
      expect((await tx((t) => enrollProspects(t, actor, sequenceId, ['p-bounce'], now))).skipped).toEqual([{ prospectId: 'p-bounce', reason: 'bounced' }]);
    });

    it('stops on a reply, sends the follow-up once even when two ticks race, and honours a one-click opt-out for good', async () => {
      h.clock.advanceHours(20);
      await tx((t) => recordProspectEvent(t, null, 'p-reply', { type: 'candidate.replied', data: { latencyHours: 20, length: 120, asksQuestion: true } }, h.clock.now()));
      h.clock.set('2026-11-04T15:00:00.000Z');
      const [a, b] = await Promise.all([runSequencesOnce(ctx()), runSequencesOnce(ctx())]);
      expect(a.sent + b.sent).toBe(1);
      expect(mailsTo(smtp.mails, 'ok')).toHaveLength(2);
      expect(mailsTo(smtp.mails, 'reply')).toHaveLength(1);
      const enrollments = await listEnrollmentsOfSequence(h.store.db, sequenceId);
      expect(enrollments.find((e) => e.prospectId === 'p-reply')).toMatchObject({ status: 'stopped', stopReason: 'replied' });

      const link = header(mailsTo(smtp.mails, 'ok')[1]!.raw, 'List-Unsubscribe')!;
      const token = decodeURIComponent(/\/o\/([^>]+)>/.exec(link)![1]!);
      // The header's URL is the opt-out page the server serves (routes/sequences): it asks first and changes nothing.
      const path = new URL(link.slice(1, -1)).pathname;
      const page = await h.app.inject({ method: 'GET', url: path });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<form method="post" action="${path}">`);
      expect(await optOut(h.store, `${token.slice(0, -2)}xx`, h.clock.now())).toBe(false);
      expect(await optOut(h.store, token, h.clock.now())).toBe(true);
      const ok = (await listEnrollmentsOfSequence(h.store.db, sequenceId)).find((e) => e.prospectId === 'p-ok')!;
      // Its last step was sent: the racing tick may already have finished it; an opt-out never reopens or resends.
      expect(ok.status === 'finished' || (ok.status === 'stopped' && ok.stopReason === 'opted-out')).toBe(true);
      expect(await runSequencesOnce(ctx())).toMatchObject({ sent: 0 });
      expect(mailsTo(smtp.mails, 'ok')).toHaveLength(2);
      // A new sequence cannot bring the address back.
      const actor = { id: sender.userId };
      const template = await tx((t) => createTemplate(t, actor, { name: 'Again', subject: 'Hi', body: 'Base $190,000 and GPUs.' }, h.clock.now()));
      const s = await tx((t) => createSequence(t, actor, { name: 'Again', audience: 'passive', steps: [{ kind: 'email', templateId: template.id }] }, h.clock.now()));
      await tx((t) => activateSequence(t, actor, s.id, s.version, h.clock.now()));
      const res = await tx((t) => enrollProspects(t, actor, s.id, ['p-ok', 'p-bounce'], h.clock.now()));
      expect(res).toEqual({ enrolled: [], skipped: [{ prospectId: 'p-ok', reason: 'opted-out' }, { prospectId: 'p-bounce', reason: 'bounced' }] });
    });

    it('matches an inbound reply by In-Reply-To, signed with the shared secret; a bad signature records nothing', async () => {
      const ok = (await listEnrollmentsOfSequence(h.store.db, sequenceId)).find((e) => e.prospectId === 'p-ok')!;
      const [first] = await listMessagesOfEnrollment(h.store.db, ok.id);
      const secret = await tx((t) => inboundSecret(t, h.clock.now()));
      const body = JSON.stringify({ from: 'ok@people.example', to: `founder-${dialect.name}@acme.example`, subject: 'Re: Base', text: 'Interested. When can we talk?\n> Hi Ok', inReplyTo: first!.messageId, receivedAt: '2026-11-04T16:00:00.000Z' });
      const before = (await listProspectEvents(h.store.db, 'p-ok')).length;
      expect(await receiveInboundEmail(h.store, body, undefined, h.clock.now())).toEqual({ outcome: 'unauthorized' });
      expect(await receiveInboundEmail(h.store, body, inboundSignature('wrong secret', body), h.clock.now())).toEqual({ outcome: 'unauthorized' });
      expect(await receiveInboundEmail(h.store, `${body} `, inboundSignature(secret, body), h.clock.now())).toEqual({ outcome: 'unauthorized' });
      expect(await listProspectEvents(h.store.db, 'p-ok')).toHaveLength(before);
      const stranger = body.replace(first!.messageId, '<nobody@elsewhere.example>');
      expect(await receiveInboundEmail(h.store, stranger, inboundSignature(secret, stranger), h.clock.now())).toEqual({ outcome: 'unmatched' });
      expect(await listProspectEvents(h.store.db, 'p-ok')).toHaveLength(before);
      expect((await listAudit(h.store.db, { entity: 'inbound-email', limit: 5 })).map((a) => a.action)).toContain('inbound.unmatched');
      expect(await receiveInboundEmail(h.store, body, inboundSignature(secret, body), h.clock.now())).toEqual({ outcome: 'recorded', prospectId: 'p-ok' });
      // Received "16:00" by a clock ahead of ours: recorded at our now (15:00), 48 h after the first e-mail.
      const replied = (await listProspectEvents(h.store.db, 'p-ok')).filter((e) => e.type === 'candidate.replied');
      expect(replied.map((e) => e.data)).toEqual([{ latencyHours: 48, length: 29, asksQuestion: true }]);
      expect((await getProspectOrThrow(h.store.db, 'p-ok')).status).toBe('replied');
    });
  });
}
