import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';

for (const dialect of dialectsUnderTest()) {
  describe(`company profile [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const read = async () => {
      const res = await h.call('GET', '/api/v1/company', { token: h.ownerToken });
      expect(res.statusCode).toBe(200);
      return { etag: String(res.headers.etag), body: res.json() };
    };

    it('changes the named fields with If-Match, bumps the version and audits the field names', async () => {
      const before = await read();
      const res = await h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body: { stage: 'series-a', headcount: 30 }, headers: { 'if-match': before.etag } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ stage: 'series-a', headcount: 30, name: before.body.name, version: before.body.version + 1 });
      expect(res.headers.etag).toBe(`"${before.body.version + 1}"`);
      const audit = (await h.call('GET', '/api/v1/audit', { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[] }>;
      const entry = audit.find((a) => a.action === 'company.update');
      expect(entry?.fields.sort()).toEqual(['headcount', 'stage']);
    });

    it('refuses a stale If-Match with 412 and a missing one with 428, changing nothing', async () => {
      const before = await read();
      const stale = await h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body: { headcount: 99 }, headers: { 'if-match': `"${before.body.version - 1}"` } });
      expect(stale.statusCode).toBe(412);
      const missing = await h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body: { headcount: 99 } });
      expect(missing.statusCode).toBe(428);
      expect((await read()).body.headcount).toBe(before.body.headcount);
    });

    it('rejects bad values and unknown fields with 400 and the field, and an empty patch', async () => {
      const { etag } = await read();
      for (const [body, field] of [
        [{ headcount: '12' }, 'headcount'],
        [{ stage: 'unicorn' }, 'stage'],
        [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
        [{ isDemo: true }, 'isDemo'],
      ] as const) {
        const res = await h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body, headers: { 'if-match': etag } });
        expect(res.statusCode).toBe(400);
        expect(res.json().field).toBe(field);
      }
      expect((await h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body: {}, headers: { 'if-match': etag } })).statusCode).toBe(400);
    });

    it('lets only owners and admins change the profile', async () => {
      const { etag } = await read();
      const { token } = await h.tokenFor('recruiter');
      expect((await h.call('PATCH', '/api/v1/company', { token, body: { headcount: 5 }, headers: { 'if-match': etag } })).statusCode).toBe(403);
    });
  });
}
