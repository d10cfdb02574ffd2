import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { claimOutbox, inTransaction, listOutbox, openDatabase } from '../../storage/index.js';
import { expectOk, makeOffer, makePipeline, terms } from '../../test-support/offer-fixtures.js';
import { runDigestsOnce } from './notifications.js';
import { runOutboxOnce, startBackgroundJobs } from './outbox.js';

interface Mail {
  to: string[];
  raw: string;
}

/** A local SMTP server that accepts everything and keeps the messages. */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** A chat webhook receiver; `failNext` answers that many requests with 503 first. */
async function startReceiver(): Promise<{ url: string; received: Array<{ text: string }>; attempts: () => number; failNext(n: number): void; close(): Promise<void> }> {
  const received: Array<{ text: string }> = [];
  let attempts = 0;
  let failing = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      attempts += 1;
      if (failing > 0) {
        failing -= 1;
        res.writeHead(503).end('down');
        return;
      }
      received.push(JSON.parse(body) as { text: string });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    attempts: () => attempts,
    failNext: (n) => (failing = n),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

for (const dialect of dialectsUnderTest()) {
  describe(`notification delivery through the outbox [${dialect.name}]`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let hook: Awaited<ReturnType<typeof startReceiver>>;
    let pat: { token: string; userId: string };
    let quinn: { token: string; userId: string };
    const ctx = () => ({ store: h.store, now: h.clock.now });

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      smtp = await startSmtp();
      hook = await startReceiver();
      pat = await h.tokenFor('approver', `pat-${dialect.name}@test.example`);
      quinn = await h.tokenFor('approver', `quinn-${dialect.name}@test.example`);
      await expectOk(
        h.call('PUT', '/api/v1/notifications/settings', {
          token: h.ownerToken,
          body: { email: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTls: true, from: 'closer@test.example' }, chat: { webhookUrl: hook.url }, appUrl: 'https://closer.test.example' },
        }),
        200,
        'settings',
      );
      for (const u of [pat, quinn]) await expectOk(h.call('PUT', '/api/v1/notifications/preferences', { token: u.token, body: { email: true, chat: true, digest: 'off' } }), 200, 'prefs');
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [pat.userId, quinn.userId], mode: 'parallel' } }), 200, 'approvers');
    });
    afterAll(async () => {
      await h.close();
      await smtp.close();
      await hook.close();
    });

    /** Sends an offer outside the band for approval: each approver gets one in-app notification, one e-mail and one chat message queued. */
    async function requestApproval(): Promise<string> {
      const { application } = await makePipeline(h);
      const offer = await makeOffer(h, application.id, terms({ base: 250_000 }));
      await expectOk(h.call('POST', `/api/v1/offers/${offer.id}/submit`, { token: h.ownerToken }), 200, 'submit');
      return offer.id;
    }

    it('e-mails through SMTP and posts { text } to the chat webhook, each message once', async () => {
      const offerId = await requestApproval();
      const before = { mails: smtp.mails.length, posts: hook.received.length };
      const r = await runOutboxOnce(ctx());
      expect(r).toMatchObject({ claimed: 4, sent: 4, retrying: 0, failed: 0 });
      const mails = smtp.mails.slice(before.mails);
      expect(mails.map((m) => m.to[0]).sort()).toEqual([`pat-${dialect.name}@test.example`, `quinn-${dialect.name}@test.example`]);
      expect(mails[0]!.raw).toContain('Subject: Approve the offer for');
      // The body is quoted-printable: a long line breaks with a soft "=" line end wherever its length falls.
      expect(mails[0]!.raw.replace(/=\r?\n/g, '')).toContain(`https://closer.test.example/offers/${offerId}`);
      const posts = hook.received.slice(before.posts);
      expect(posts).toHaveLength(2);
      expect(posts.every((p) => typeof p.text === 'string' && p.text.includes('Approve the offer for'))).toBe(true);
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 0, sent: 0 });
      expect(smtp.mails.length - before.mails).toBe(2);
    });

    it('retries a failing receiver with exponential backoff and sends once it recovers: nothing lost, nothing twice', async () => {
      await requestApproval();
      const start = { posts: hook.received.length, attempts: hook.attempts() };
      hook.failNext(4); // both chat messages fail twice
      const first = await runOutboxOnce(ctx());
      expect(first).toMatchObject({ sent: 2, retrying: 2 }); // the e-mails go through
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 0 }); // not due before the backoff
      h.clock.advanceHours(31 / 3600);
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 2, retrying: 2 });
      h.clock.advanceHours(31 / 3600);
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 0 }); // the second wait is 60 s
      h.clock.advanceHours(30 / 3600);
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 2, sent: 2 });
      expect(hook.received.length - start.posts).toBe(2);
      expect(hook.attempts() - start.attempts).toBe(6);
      const rows = await listOutbox(h.store.db, { channel: 'chat' });
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      expect(Math.max(...rows.map((r) => r.attempts))).toBe(3);
    });

    it('gives up after the last attempt and keeps the message as failed for an operator', async () => {
      await requestApproval();
      hook.failNext(1_000);
      try {
        const retry = { baseSeconds: 1, factor: 2, maxSeconds: 10, maxAttempts: 2 };
        expect(await runOutboxOnce(ctx(), { retry })).toMatchObject({ retrying: 2, sent: 2 });
        h.clock.advanceHours(2 / 3600);
        expect(await runOutboxOnce(ctx(), { retry })).toMatchObject({ failed: 2 });
        const failed = await listOutbox(h.store.db, { status: 'failed' });
        expect(failed).toHaveLength(2);
        expect(failed[0]!.lastError).toContain('503');
      } finally {
        hook.failNext(0);
      }
    });

    // PostgreSQL: a second server instance with its own pool on the same database. SQLite serves one instance
    // (one writer); two dispatchers of that instance run at the same time instead. (Two better-sqlite3 handles in one
    // process would block each other's event loop, which says nothing about separate processes.)
    it('sends each message once with several dispatchers on one database running at the same time', async () => {
      for (let i = 0; i < 3; i++) await requestApproval();
      const before = { mails: smtp.mails.length, posts: hook.received.length };
      const other = dialect.name === 'postgres' ? await openDatabase({ url: h.store.url, migrate: false }) : h.store;
      const otherCtx = { store: other, now: h.clock.now };
      let results;
      try {
        results = await Promise.all([
          runOutboxOnce(ctx(), { batchSize: 4 }),
          runOutboxOnce(otherCtx, { batchSize: 4 }),
          runOutboxOnce(ctx(), { batchSize: 4 }),
          runOutboxOnce(otherCtx, { batchSize: 4 }),
        ]);
      } finally {
        if (other !== h.store) await other.close();
      }
      const rest = await runOutboxOnce(ctx());
      const sent = results.reduce((s, r) => s + r.sent, 0) + rest.sent;
      expect(sent).toBe(12);
      expect(smtp.mails.length - before.mails).toBe(6);
      expect(hook.received.length - before.posts).toBe(6);
      const ids = smtp.mails.slice(before.mails).map((m) => /Message-ID: <([^>]+)>/i.exec(m.raw)?.[1]);
      expect(new Set(ids).size).toBe(6);
    });

    it('picks up messages a crashed dispatcher had leased once the lease runs out', async () => {
      await runOutboxOnce(ctx());
      await requestApproval();
      const leased = await inTransaction(h.store.db, (tx) => claimOutbox(tx, h.store.dialect, 'crashed-instance', h.clock.now(), new Date(h.clock.now().getTime() + 120_000), 100));
      expect(leased).toHaveLength(4);
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 0 });
      h.clock.advanceHours(121 / 3600);
      expect(await runOutboxOnce(ctx())).toMatchObject({ claimed: 4, sent: 4 });
    });

    it('collects the notifications of a daily-digest user into one e-mail a day', async () => {
      const dana = await h.tokenFor('approver', `dana-${dialect.name}@test.example`);
      await expectOk(h.call('PUT', '/api/v1/notifications/preferences', { token: dana.token, body: { email: true, chat: false, digest: 'daily' } }), 200, 'prefs');
      await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [dana.userId], mode: 'parallel' } }), 200, 'approvers');
      try {
        await requestApproval();
        await requestApproval();
        const before = smtp.mails.length;
        await runOutboxOnce(ctx());
        expect(smtp.mails.slice(before).filter((m) => m.to.includes(`dana-${dialect.name}@test.example`))).toEqual([]);
        // The harness clock is 15:00 UTC, after the 08:00 digest hour of a UTC company.
        expect(await runDigestsOnce(ctx())).toEqual({ digests: 1 });
        expect(await runDigestsOnce(ctx())).toEqual({ digests: 0 });
        await runOutboxOnce(ctx());
        const digest = smtp.mails.slice(before).filter((m) => m.to.includes(`dana-${dialect.name}@test.example`));
        expect(digest).toHaveLength(1);
        expect(digest[0]!.raw).toContain('Subject: Closer: 2 updates for today');
        const unread = (await h.call('GET', '/api/v1/notifications?unread=true', { token: dana.token })).json();
        expect(unread.unread).toBe(2);
      } finally {
        await expectOk(h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds: [pat.userId, quinn.userId], mode: 'parallel' } }), 200, 'approvers');
      }
    });
    it('startBackgroundJobs delivers queued messages on its own and stops cleanly', async () => {
      await runOutboxOnce(ctx());
      await requestApproval();
      const before = smtp.mails.length;
      const errors: unknown[] = [];
      const jobs = startBackgroundJobs(ctx(), { dispatchIntervalMs: 20, scanIntervalMs: 60_000, log: (_m, e) => errors.push(e) });
      try {
        // Wait on the condition (two e-mails arrive), not on a fixed time.
        for (let i = 0; i < 500 && smtp.mails.length - before < 2; i++) await new Promise((r) => setTimeout(r, 10));
      } finally {
        await jobs.stop();
      }
      expect(smtp.mails.length - before).toBe(2);
      expect(errors).toEqual([]);
      expect((await listOutbox(h.store.db, { status: 'pending' })).length).toBe(0);
    });
  });
}
