import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { scanForNotifications } from '../../services/notifications.js';
import { expectOk, makeInterview, makeOffer, makePipeline, terms } from '../../../test-support/offer-fixtures.js';

for (const dialect of dialectsUnderTest()) {
  describe(`notifications API [${dialect.name}]`, () => {
    let h: Harness;
    let pat: { token: string; userId: string };
    let quinn: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      pat = await h.tokenFor('approver');
      quinn = await h.tokenFor('approver');
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [pat.userId, quinn.userId], mode: 'parallel' } }), 200, 'approvers');
    });
    afterAll(async () => h.close());

    async function requestApproval(): Promise<string> {
      const { application } = await makePipeline(h);
      const offer = await makeOffer(h, application.id, terms({ base: 250_000 }));
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
      return offer.id;
    }

    describe('GET /api/v1/notifications and marking read', () => {
      it('lists my notifications newest first with the unread count, marks one read, and 404s on another user’s', async () => {
        await requestApproval();
        await requestApproval();
        const list = (await h.call('GET', '/api/v1/notifications', { token: pat.token })).json();
        expect(list.unread).toBeGreaterThanOrEqual(2);
        expect(list.items[0].kind).toBe('approval.requested');
        const id = list.items[0].id as string;
        const read = await expectOk(h.call('POST', `/api/v1/notifications/${id}/read`, { token: pat.token }), 200, 'read');
        expect(read.readAt).toBe(h.clock.now().toISOString());
        expect((await h.call('GET', '/api/v1/notifications', { token: pat.token })).json().unread).toBe(list.unread - 1);
        const foreign = await h.call('POST', `/api/v1/notifications/${id}/read`, { token: quinn.token });
        expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
        const all = await expectOk(h.call('POST', '/api/v1/notifications/read', { token: pat.token }), 200, 'read all');
        expect(all).toEqual({ marked: list.unread - 1, unread: 0 });
        expect((await h.call('GET', '/api/v1/notifications?unread=true', { token: pat.token })).json().items).toEqual([]);
        expect((await h.call('GET', '/api/v1/notifications?limit=0', { token: pat.token })).statusCode).toBe(400);
      });
    });

    describe('preferences', () => {
      it('defaults to in-app, e-mail and chat without digest, and keeps each user’s own choice', async () => {
        expect((await h.call('GET', '/api/v1/notifications/preferences', { token: quinn.token })).json()).toEqual({ inApp: true, email: true, chat: true, digest: 'off' });
        const put = await expectOk(h.call('PUT', '/api/v1/notifications/preferences', { token: quinn.token, body: { email: false, chat: true, digest: 'daily' } }), 200, 'prefs');
        expect(put).toEqual({ inApp: true, email: false, chat: true, digest: 'daily' });
        expect((await h.call('GET', '/api/v1/notifications/preferences', { token: pat.token })).json().digest).toBe('off');
        const bad = await h.call('PUT', '/api/v1/notifications/preferences', { token: quinn.token, body: { email: 'yes', chat: true, digest: 'daily' } });
        expect([bad.statusCode, bad.json().field]).toEqual([400, 'email']);
      });
    });

    describe('delivery settings', () => {
      it('stores the SMTP password but never shows it, keeps it when the user is unchanged, and audits field names only', async () => {
        const body = { email: { host: 'smtp.example.org', port: 587, secure: false, from: 'hiring@example.org', user: 'closer', password: 'hunter2-secret' }, chat: { webhookUrl: 'https://hooks.example.org/T1/B2' } };
        const put = await h.call('PUT', '/api/v1/notifications/settings', { token: h.ownerToken, body });
        expect(put.statusCode).toBe(200);
        expect(put.body).not.toContain('hunter2');
        expect(put.json().email).toMatchObject({ host: 'smtp.example.org', user: 'closer', hasPassword: true });
        const { password: _p, ...withoutPassword } = body.email;
        const again = await expectOk(h.call('PUT', '/api/v1/notifications/settings', { token: h.ownerToken, body: { ...body, email: withoutPassword } }), 200, 'again');
        expect(again.email.hasPassword).toBe(true);
        const other = await expectOk(h.call('PUT', '/api/v1/notifications/settings', { token: h.ownerToken, body: { ...body, email: { ...withoutPassword, user: 'someone-else' } } }), 200, 'other');
        expect(other.email.hasPassword).toBe(false);
        const audit = (await h.call('GET', '/api/v1/audit?entity=company', { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[] }>;
        expect(audit[0]).toMatchObject({ action: 'company.update', fields: ['settings.notifications'] });
        expect(JSON.stringify(audit)).not.toContain('hunter2');
        const bad = await h.call('PUT', '/api/v1/notifications/settings', { token: h.ownerToken, body: { email: null, chat: { webhookUrl: 'ftp://x.example/' } } });
        expect([bad.statusCode, bad.json().field]).toEqual([400, 'chat.webhookUrl']);
        await expectOk(h.call('PUT', '/api/v1/notifications/settings', { token: h.ownerToken, body: { email: null, chat: null } }), 200, 'off');
      });
    });

    describe('scanForNotifications', () => {
      it('tells the interviewer their scorecard is overdue, escalates to the hiring manager at critical, and never repeats itself', async () => {
        const hm = await h.tokenFor('hiring-manager');
        const ann = await h.tokenFor('interviewer');
        const { application } = await makePipeline(h, { role: { hiringManagerId: hm.userId } });
        const iv = await makeInterview(h, application.id, { kind: 'onsite', interviewerIds: [ann.userId], scheduledAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString() });
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: h.ownerToken, body: {} }), 200, 'complete');
        const ctx = { store: h.store, now: h.clock.now };
        const start = h.clock.now().toISOString();
        try {
          h.clock.advanceHours(25);
          await scanForNotifications(ctx);
          await scanForNotifications(ctx);
          const annNotes = (await h.call('GET', '/api/v1/notifications', { token: ann.token })).json().items as Array<{ kind: string; title: string; body: string }>;
          expect(annNotes.map((n) => [n.kind, n.title.split(':')[0]])).toEqual([['scorecard.overdue', 'Overdue']]);
          expect(annNotes[0]!.body).toMatch(/owes the scorecard/);
          h.clock.advanceHours(48);
          await scanForNotifications(ctx);
          const later = (await h.call('GET', '/api/v1/notifications', { token: ann.token })).json().items as Array<{ title: string }>;
          expect(later.map((n) => n.title.split(':')[0])).toEqual(['Critical', 'Overdue']);
          const hmNotes = (await h.call('GET', '/api/v1/notifications', { token: hm.token })).json().items as Array<{ kind: string; body: string }>;
          expect(hmNotes.some((n) => n.kind === 'scorecard.overdue' && /owes the scorecard/.test(n.body))).toBe(true);
        } finally {
          h.clock.set(start);
        }
      });

      it('sends nothing about offers or risks to an interviewer, even one named hiring manager', async () => {
        const ivr = await h.tokenFor('interviewer');
        const { application } = await makePipeline(h, { role: { hiringManagerId: ivr.userId } });
        const iv = await makeInterview(h, application.id, { kind: 'onsite', final: true, interviewerIds: [ivr.userId], scheduledAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString() });
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: h.ownerToken, body: {} }), 200, 'complete');
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ivr.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 2, evidence: 'Used a platform others built.' }], recommendation: 'no' } }), 200, 'card');
        const start = h.clock.now().toISOString();
        try {
          h.clock.advanceHours(60); // offer.after-final is critical
          const scan = await scanForNotifications({ store: h.store, now: h.clock.now });
          expect(scan.items).toBeGreaterThan(0);
          expect((await h.call('GET', '/api/v1/notifications', { token: ivr.token })).json().items).toEqual([]);
          // The other steward, who created the application, does hear about it.
          const ownerNotes = (await h.call('GET', '/api/v1/notifications', { token: h.ownerToken })).json().items as Array<{ kind: string; title: string }>;
          expect(ownerNotes.some((n) => n.kind === 'clock.critical' && n.title.includes('Offer after the final interview'))).toBe(true);
        } finally {
          h.clock.set(start);
        }
      });
    });
  });
}
