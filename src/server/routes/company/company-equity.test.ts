import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';

for (const dialect of dialectsUnderTest()) {
  describe(`company figures for offers: post-money, fully diluted shares, strike [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const read = async (token = h.ownerToken) => {
      const res = await h.call('GET', '/api/v1/company', { token });
      expect(res.statusCode).toBe(200);
      return { etag: String(res.headers.etag), body: res.json() };
    };
    const patch = (body: unknown, etag: string | undefined, token = h.ownerToken) =>
      h.call('PATCH', '/api/v1/company', { token, body, headers: etag === undefined ? {} : { 'if-match': etag } });

    it('starts empty: a new workspace has no post-money, share count or strike', async () => {
      const { body } = await read();
      expect(body).toMatchObject({ lastPostMoney: null, fullyDilutedShares: null, strikePrice: null });
    });

    it('sets the three figures under If-Match (the strike keeps its cents) and audits the field names only', async () => {
      const before = await read();
      const res = await patch({ lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42 }, before.etag);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42, version: before.body.version + 1 });
      expect(res.headers.etag).toBe(`"${before.body.version + 1}"`);
      expect((await read()).body).toMatchObject({ lastPostMoney: 22_000_000, fullyDilutedShares: 10_000_000, strikePrice: 0.42 });
      const audit = (await h.call('GET', '/api/v1/audit', { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[] }>;
      const entry = audit.find((a) => a.action === 'company.update');
      expect(entry?.fields.sort()).toEqual(['fullyDilutedShares', 'lastPostMoney', 'strikePrice']);
      expect(JSON.stringify(audit)).not.toContain('22000000');
    });

    it('clears a figure with null and leaves the others', async () => {
      const set = await patch({ lastPostMoney: 30_000_000, strikePrice: 0.5 }, (await read()).etag);
      expect(set.statusCode).toBe(200);
      const res = await patch({ strikePrice: null }, String(set.headers.etag));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ strikePrice: null, lastPostMoney: 30_000_000 });
    });

    it('refuses a stale If-Match with 412 and a missing one with 428, changing nothing', async () => {
      const before = await read();
      expect((await patch({ lastPostMoney: 1_000 }, `"${before.body.version - 1}"`)).statusCode).toBe(412);
      expect((await patch({ lastPostMoney: 1_000 }, undefined)).statusCode).toBe(428);
      expect((await read()).body.lastPostMoney).toBe(before.body.lastPostMoney);
    });

    it('rejects bad figures with 400 and the field, changing nothing', async () => {
      const { etag, body: before } = await read();
      for (const [body, field] of [
        [{ lastPostMoney: 1_500_000.5 }, 'lastPostMoney'],
        [{ lastPostMoney: 0 }, 'lastPostMoney'],
        [{ fullyDilutedShares: 0 }, 'fullyDilutedShares'],
        [{ fullyDilutedShares: '10000000' }, 'fullyDilutedShares'],
        [{ strikePrice: -0.1 }, 'strikePrice'],
      ] as const) {
        const res = await patch(body, etag);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().field).toBe(field);
      }
      expect((await read()).body.version).toBe(before.version);
    });

    it('never shows the figures to an interviewer, and lets only owners and admins change them', async () => {
      const interviewer = await h.tokenFor('interviewer');
      const seen = (await read(interviewer.token)).body;
      expect(seen).not.toHaveProperty('lastPostMoney');
      expect(seen).not.toHaveProperty('fullyDilutedShares');
      expect(seen).not.toHaveProperty('strikePrice');
      expect((await patch({ lastPostMoney: 25_000_000 }, (await read()).etag)).statusCode).toBe(200);
      const recruiter = await h.tokenFor('recruiter');
      const { etag, body } = await read(recruiter.token);
      expect(body.lastPostMoney).toBe(25_000_000);
      expect((await patch({ strikePrice: 1 }, etag, recruiter.token)).statusCode).toBe(403);
    });
  });
}
