import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { hoursAgo, pipelineKit } from '../../test-support/pipeline-kit.js';

describe('closer today / closer event add without a server', () => {
  it('exits 2 with a clear message when CLOSER_TOKEN is missing', async () => {
    const io = captureIo({ env: {} });
    expect(await main(['today'], io)).toBe(2);
    expect(io.err()).toContain('CLOSER_TOKEN');
  });

  it('exits 2 on missing options and on --data that is not JSON, before calling anything', async () => {
    const env = { CLOSER_URL: 'http://127.0.0.1:9', CLOSER_TOKEN: 'cl_x' };
    const noType = captureIo({ env });
    expect(await main(['event', 'add', '--application', 'a1'], noType)).toBe(2);
    expect(noType.err()).toContain('--type is required');
    const badData = captureIo({ env });
    expect(await main(['event', 'add', '--application', 'a1', '--type', 'note', '--data', '{text:'], badData)).toBe(2);
    expect(badData.err()).toContain('--data must be a JSON object');
    expect(await main(['today', '--limit', 'lots'], captureIo({ env }))).toBe(2);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`closer today / closer event add against a live server [${dialect.name}]`, () => {
    let h: Harness;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      env = { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken };
    });
    afterAll(async () => h.close());

    it('event add appends an event (past time, JSON data) and today lists what it made late', async () => {
      const kit = pipelineKit(h);
      const app = await kit.application({ candidateId: (await kit.candidate({ name: 'Cli Candidate' })).id });
      const io = captureIo({ env });
      const code = await main(['event', 'add', '--application', app.id, '--type', 'interview.completed', '--occurred-at', hoursAgo(h, 60), '--data', JSON.stringify({ interviewId: 'final-1', final: true, interviewerIds: ['u1'] }), '--json'], io);
      expect(code).toBe(0);
      const out = JSON.parse(io.out());
      expect(out.event).toMatchObject({ type: 'interview.completed', occurredAt: hoursAgo(h, 60), applicationId: app.id });

      const human = captureIo({ env });
      expect(await main(['today'], human)).toBe(0);
      expect(human.out()).toMatch(/^CRITICAL\s+offer\.after-final\s+Cli Candidate \(Founding ML Engineer\): Send the offer today/m);

      const json = captureIo({ env });
      expect(await main(['today', '--json', '--limit', '1'], json)).toBe(0);
      const today = JSON.parse(json.out());
      expect(today.items).toHaveLength(1);
      expect(today.items[0]).toMatchObject({ applicationId: app.id, kind: 'clock', id: 'offer.after-final', level: 'critical' });
    });

    it("today shows the caller's own work; --all shows everyone's to those allowed, and is refused (exit 1, the API's words) to an interviewer", async () => {
      const kit = pipelineKit(h);
      const rita = await h.tokenFor('recruiter');
      const ivy = await h.tokenFor('interviewer');
      // A role Rita runs: its quiet candidate is Rita's work, not the owner's.
      const role = await kit.role({ title: 'Recruiter-run Role', recruiterId: rita.userId });
      const app = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ name: 'Quiet Candidate' })).id });
      await kit.event(app.id, 'outreach.sent', hoursAgo(h, 5 * 24), { channel: 'email' });

      const mine = captureIo({ env });
      expect(await main(['today', '--json'], mine)).toBe(0);
      const mineJson = JSON.parse(mine.out());
      expect(mineJson.scope).toBe('mine');
      expect(mineJson.items.map((i: { applicationId: string }) => i.applicationId)).not.toContain(app.id);
      const mineText = captureIo({ env });
      expect(await main(['today'], mineText)).toBe(0);
      expect(mineText.out()).not.toContain('Quiet Candidate');
      expect(mineText.out()).toMatch(/need someone else; closer today --all shows everything/);

      const all = captureIo({ env });
      expect(await main(['today', '--all', '--json'], all)).toBe(0);
      const allJson = JSON.parse(all.out());
      expect(allJson.scope).toBe('all');
      expect(allJson.items).toContainEqual(expect.objectContaining({ applicationId: app.id, id: 'stage.idle' }));
      const allText = captureIo({ env });
      expect(await main(['today', '--all'], allText)).toBe(0);
      expect(allText.out()).toMatch(/stage\.idle\s+Quiet Candidate \(Recruiter-run Role\)/);
      expect(allText.out()).not.toContain('closer today --all');

      const ritaOwn = captureIo({ env: { ...env, CLOSER_TOKEN: rita.token } });
      expect(await main(['today', '--json'], ritaOwn)).toBe(0);
      expect(JSON.parse(ritaOwn.out()).items).toContainEqual(expect.objectContaining({ applicationId: app.id }));

      const refused = captureIo({ env: { ...env, CLOSER_TOKEN: ivy.token } });
      expect(await main(['today', '--all'], refused)).toBe(1); // a refusal (403) is a failure, not bad input
      expect(refused.err()).toContain('Your role shows your own work only');
    });

    it('event add exits 2 with the API code on a future event, and retries safely with --idempotency-key', async () => {
      const kit = pipelineKit(h);
      const app = await kit.application();
      const future = captureIo({ env });
      const later = new Date(h.clock.now().getTime() + 7_200_000).toISOString();
      expect(await main(['event', 'add', '--application', app.id, '--type', 'note', '--occurred-at', later, '--data', '{"text":"x"}', '--json'], future)).toBe(2);
      expect(JSON.parse(future.err()).error).toMatchObject({ code: 'EVENT_IN_FUTURE', field: 'occurredAt' });

      const args = ['event', 'add', '--application', app.id, '--type', 'team.replied', '--idempotency-key', 'cli-1', '--json'];
      const a = captureIo({ env });
      const b = captureIo({ env });
      expect(await main(args, a)).toBe(0);
      expect(await main(args, b)).toBe(0);
      expect(JSON.parse(b.out()).event.id).toBe(JSON.parse(a.out()).event.id);
      expect((await h.call('GET', `/api/v1/applications/${app.id}`, { token: h.ownerToken })).json().events).toHaveLength(1);
    });

    it('event add exits 2 for an unknown application', async () => {
      const io = captureIo({ env });
      expect(await main(['event', 'add', '--application', 'nope', '--type', 'note', '--data', '{"text":"x"}'], io)).toBe(2);
      expect(io.err()).toContain('No such application');
    });
  });
}
