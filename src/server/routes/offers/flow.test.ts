import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { scanForNotifications } from '../../services/notifications.js';
import { runOutboxOnce } from '../../services/outbox.js';
import { expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

/** A base above the role's band (so it needs approval) that appears nowhere else: it must never reach an interviewer. */
const CANARY_BASE = 283_917;

for (const dialect of dialectsUnderTest()) {
  describe(`from the final interview to an approved offer, with the 48-hour approval clock [${dialect.name}]`, () => {
    let h: Harness;
    let smtp: SMTPServer;
    let hook: Server;
    const mails: Array<{ to: string[]; raw: string }> = [];
    const posts: Array<{ text: string }> = [];

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, cb) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
            cb();
          });
        },
      });
      await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', () => ok()));
      hook = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          posts.push(JSON.parse(body) as { text: string });
          res.writeHead(200).end('ok');
        });
      });
      await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', () => ok()));
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/slack`;
      await expectOk(
        h.call('PUT', '/api/v1/notifications/settings', {
          token: h.ownerToken,
          body: { email: { host: '127.0.0.1', port: smtpPort, secure: false, ignoreTls: true, from: 'closer@test.example' }, chat: { webhookUrl: hookUrl } },
        }),
        200,
        'delivery settings',
      );
    });
    afterAll(async () => {
      await h.close();
      await new Promise<void>((ok) => smtp.close(() => ok()));
      await new Promise<void>((ok) => hook.close(() => ok()));
    });

    it('raises the approval.pending clock to critical after 48 h, notifies by e-mail and webhook once, raises the risk, and clears on approval', async () => {
      const ctx = { store: h.store, now: h.clock.now };
      const hm = await h.tokenFor('hiring-manager', `hm-${dialect.name}@test.example`);
      const pat = await h.tokenFor('approver', `pat-flow-${dialect.name}@test.example`);
      const ann = await h.tokenFor('interviewer', `ann-flow-${dialect.name}@test.example`);
      const bob = await h.tokenFor('interviewer', `bob-flow-${dialect.name}@test.example`);
      const recruiter = await h.tokenFor('recruiter', `rec-flow-${dialect.name}@test.example`);
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [pat.userId], mode: 'sequential' } }), 200, 'approvers');
      const { application } = await makePipeline(h, {
        role: { hiringManagerId: hm.userId, specializations: ['mlops'] },
        candidate: { currentCompensation: { base: 410_000, bonus: 60_000, equityAnnual: 180_000, currency: 'USD' } },
      });
      const app = (path = '') => h.call('GET', `/api/v1/applications/${application.id}${path}`, { token: h.ownerToken });

      // T0: the final interview takes place.
      const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [ann.userId, bob.userId], scheduledAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString(), final: true });
      await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: recruiter.token, body: {} }), 200, 'complete');
      await expectOk(
        h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ann.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: 'Ran the training platform for 40 engineers.' }], recommendation: 'strong-yes' } }),
        200,
        'scorecard',
      );

      // T0 + 2 h: an offer above the band goes to the approver.
      h.clock.advanceHours(2);
      const offer = await makeOffer(h, application.id, terms({ base: CANARY_BASE }), recruiter.token);
      expect(offer.insideBand).toBe(false);
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: recruiter.token }), 200, 'submit');
      const early = (await app()).json();
      expect(early.clocks.find((c: { id: string }) => c.id === 'approval.pending')).toMatchObject({ state: 'ok', subject: { offerId: offer.id, approverIds: [pat.userId] } });
      expect(early.risk.level).toBe('low');
      await runOutboxOnce(ctx); // the approval request itself goes out now
      const afterRequest = { mails: mails.length, posts: posts.length };

      // T0 + 51 h: nobody has decided; the candidate discloses a competing offer.
      h.clock.advanceHours(49);
      await expectOk(h.call('POST', `/api/v1/applications/${application.id}/events`, { token: recruiter.token, body: { type: 'signal.observed', data: { signal: 'competing-offer' } } }), 201, 'signal');
      const late = (await app()).json();
      const approvalClock = late.clocks.find((c: { id: string }) => c.id === 'approval.pending');
      expect(approvalClock).toMatchObject({ state: 'critical' });
      expect(approvalClock.elapsedHours).toBeCloseTo(49, 5);
      expect(approvalClock.action).toMatch(/has had it for 49 h/);
      expect(late.clocks.find((c: { id: string }) => c.id === 'offer.after-final').state).toBe('critical');
      const signals = late.risk.signals.map((s: { type: string }) => s.type);
      expect(signals).toEqual(expect.arrayContaining(['approval-delay', 'competing-offer']));
      expect(late.risk.level).toBe('high');
      expect(late.risk.score).toBeGreaterThan(0.5); // the competing offer alone is 0.35; the approval delay raises it

      const scan = await scanForNotifications(ctx, h.clock.now());
      expect(scan.notified).toBeGreaterThan(0);
      const again = await scanForNotifications(ctx, h.clock.now());
      expect(again.notified).toBe(0); // the same breaches are notified once

      const patNotes = (await h.call('GET', '/api/v1/notifications', { token: pat.token })).json().items as Array<{ kind: string; title: string; body: string }>;
      const critical = patNotes.find((n) => n.kind === 'clock.critical');
      expect(critical?.title).toMatch(/^Critical: Offer approval - /);
      expect(critical?.body).toMatch(/has had it for 49 h/);
      const hmKinds = ((await h.call('GET', '/api/v1/notifications', { token: hm.token })).json().items as Array<{ kind: string }>).map((n) => n.kind);
      expect(hmKinds).toEqual(expect.arrayContaining(['clock.critical', 'risk.high']));
      const bobNotes = (await h.call('GET', '/api/v1/notifications', { token: bob.token })).json();
      expect(bobNotes.items.map((n: { kind: string }) => n.kind)).toEqual(['scorecard.overdue']);
      expect(JSON.stringify(bobNotes)).not.toContain(String(CANARY_BASE));
      expect(JSON.stringify(bobNotes)).not.toContain(CANARY_BASE.toLocaleString('en-US'));

      const delivered = await runOutboxOnce(ctx);
      expect(delivered.failed + delivered.retrying).toBe(0);
      const newMails = mails.slice(afterRequest.mails);
      const patMail = newMails.filter((m) => m.to.includes(`pat-flow-${dialect.name}@test.example`));
      expect(patMail).toHaveLength(1);
      expect(patMail[0]!.raw).toContain('Subject: Critical: Offer approval');
      expect(posts.slice(afterRequest.posts).some((p) => p.text.includes('Critical: Offer approval'))).toBe(true);
      const bobMail = newMails.filter((x) => x.to.includes(`bob-flow-${dialect.name}@test.example`));
      expect(bobMail.length).toBeGreaterThan(0);
      for (const m of bobMail) expect(m.raw).not.toContain(String(CANARY_BASE));
      expect(await runOutboxOnce(ctx)).toMatchObject({ claimed: 0 });

      // The approver decides: the approval clock stops; extending the offer stops offer.after-final.
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/approve`, { token: pat.token, body: {} }), 200, 'approve');
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/extend`, { token: recruiter.token }), 200, 'extend');
      const done = (await app()).json();
      expect(done.clocks.find((c: { id: string }) => c.id === 'approval.pending')).toMatchObject({ state: 'stopped', endedLate: true });
      expect(done.clocks.find((c: { id: string }) => c.id === 'offer.after-final').state).toBe('stopped');
      expect(done.risk.signals.map((s: { type: string }) => s.type)).not.toContain('approval-delay');
      const types = done.events.map((e: { type: string }) => e.type);
      expect(types).toEqual(expect.arrayContaining(['interview.completed', 'scorecard.submitted', 'offer.drafted', 'offer.approval-requested', 'offer.approved', 'offer.extended']));
    });
  });
}
