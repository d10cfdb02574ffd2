import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { scanForNotifications } from '../../services/notifications.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';

for (const dialect of dialectsUnderTest()) {
  describe(`scanForNotifications follows Today's audience rules [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const kinds = async (token: string, applicationId: string) =>
      ((await h.call('GET', '/api/v1/notifications', { token })).json().items as Array<{ kind: string; title: string; applicationId: string }>)
        .filter((n) => n.applicationId === applicationId)
        .map((n) => n.title.replace(/:.*/, ''));

    it('sends contact work to the recruiter, decisions to the hiring manager, and a role nobody runs to owners and admins', async () => {
      const kit = pipelineKit(h);
      const rita = await h.tokenFor('recruiter');
      const hank = await h.tokenFor('hiring-manager');
      const admin = await h.tokenFor('admin');
      const run = await kit.role({ title: 'Run Role', recruiterId: rita.userId, hiringManagerId: hank.userId });
      const quiet = await kit.application({ roleId: run.id });
      await kit.event(quiet.id, 'note', hoursAgo(h, 200), { text: 'left a voicemail' });
      const final = await kit.application({ roleId: run.id });
      await kit.event(final.id, 'interview.completed', hoursAgo(h, 60), { interviewId: 'iv-1', final: true, interviewerIds: [rita.userId] });
      const nobody = await kit.application({ roleId: (await kit.role({ title: 'Nobody Role' })).id });
      await kit.event(nobody.id, 'note', hoursAgo(h, 200), { text: 'left a voicemail' });

      await scanForNotifications({ store: h.store, now: h.clock.now });

      expect((await kinds(rita.token, quiet.id)).length).toBe(1);
      expect(await kinds(hank.token, quiet.id)).toEqual([]);
      expect((await kinds(hank.token, final.id)).length).toBeGreaterThan(0);
      expect((await kinds(h.ownerToken, quiet.id))).toEqual([]);
      expect((await kinds(h.ownerToken, nobody.id)).length).toBe(1);
      expect((await kinds(admin.token, nobody.id)).length).toBe(1);
      expect(await kinds(rita.token, nobody.id)).toEqual([]);
    });
  });
}
