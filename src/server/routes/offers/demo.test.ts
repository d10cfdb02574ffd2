import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';

for (const dialect of dialectsUnderTest()) {
  describe(`interviews and offers in the demo workspace [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore(), { demo: true });
    });
    afterAll(async () => h.close());

    it('backs every offer event of the demo with a real offer: the stuck approval waits for the board member', async () => {
      const offers = (await h.call('GET', '/api/v1/offers', { token: h.ownerToken })).json().items as Array<{ id: string; candidateName: string; status: string; insideBand: boolean; awaiting: Array<{ name: string }> }>;
      const stuck = offers.find((o) => o.candidateName === 'Rahul Mehta')!;
      expect(stuck).toMatchObject({ status: 'pending-approval', insideBand: false, awaiting: [{ name: 'Daniel Brooks' }] });
      expect(offers.filter((o) => o.status === 'accepted').length).toBeGreaterThan(0);
      const pdf = await h.call('GET', `/api/v1/offers/${stuck.id}/summary.pdf`, { token: h.ownerToken });
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('backs every interview and scorecard event with records, so the decision view has evidence side by side', async () => {
      const [amara] = (await h.call('GET', `/api/v1/candidates?q=${encodeURIComponent('Amara Nwosu')}`, { token: h.ownerToken })).json().items as Array<{ id: string }>;
      const [app] = (await h.call('GET', `/api/v1/applications?candidateId=${amara!.id}`, { token: h.ownerToken })).json().items as Array<{ id: string }>;
      const interviews = (await h.call('GET', `/api/v1/applications/${app!.id}/interviews`, { token: h.ownerToken })).json().items as Array<{ kind: string; status: string }>;
      expect(interviews.map((i) => i.kind)).toEqual(['recruiter-screen', 'technical-screen', 'onsite']);
      expect(interviews.every((i) => i.status === 'completed')).toBe(true);
      const decision = (await h.call('GET', `/api/v1/applications/${app!.id}/decision`, { token: h.ownerToken })).json();
      expect(decision.submittedCount).toBe(4);
      expect(decision.attributes.some((a: { ratings: unknown[] }) => a.ratings.length > 1)).toBe(true);
    });
  });
}
