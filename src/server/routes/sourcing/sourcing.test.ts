import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { captureIo } from '../../../test-support/cli-io.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';

for (const dialect of dialectsUnderTest()) {
  describe(`sourcing API: pools, prospects, import, conversion [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let poolId: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      poolId = (await kit.ok('POST', '/api/v1/pools', { name: 'MLOps, passive, EU', specializations: ['mlops'] })).id;
    });
    afterAll(async () => h.close());

    it('CLI: closer prospects import FILE --pool NAME --dry-run names each bad row and writes nothing; without it imports all rows', async () => {
      const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const env = { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken };
      const dir = mkdtempSync(join(tmpdir(), 'closer-prospects-'));
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'Name,Email,Lab\nMarie Curie,marie@radium.example,Radium Institute\nNo Mail,nope,\n');
      const dry = captureIo({ env });
      expect(await main(['prospects', 'import', bad, '--pool', 'cli pool', '--dry-run'], dry)).toBe(2);
      expect(dry.err()).toContain('No pool called "cli pool"');
      expect(await main(['pools', 'create', 'CLI', 'pool', '--cadence', '10'], captureIo({ env }))).toBe(0);
      const check = captureIo({ env });
      expect(await main(['prospects', 'import', bad, '--pool', 'cli pool', '--dry-run'], check)).toBe(1);
      expect(check.out()).toContain('row 3 (email): "nope" is not an e-mail address.');
      expect(check.out()).toContain('Dry run: 1 of 2 rows ready');
      const refused = captureIo({ env });
      expect(await main(['prospects', 'import', bad, '--pool', 'cli pool'], refused)).toBe(2);
      expect(refused.out()).toContain('Nothing was imported');
      const good = join(dir, 'good.csv');
      writeFileSync(good, 'Name,Email,Where\nMarie Curie,marie@radium.example,Radium Institute\n');
      const done = captureIo({ env });
      expect(await main(['prospects', 'import', good, '--pool', 'CLI pool', '--map', 'Name=name', '--map', 'Email=email', '--map', 'Where=lab', '--json'], done)).toBe(0);
      expect(JSON.parse(done.out())).toMatchObject({ imported: 1, mapping: { Where: 'lab' } });
      const list = captureIo({ env });
      expect(await main(['pools', 'list'], list)).toBe(0);
      expect(list.out()).toMatch(/CLI pool\s+1 prospects\s+every 10 days/);
    });

    it('creates, lists and changes pools under If-Match; names are unique; interviewers see no pools', async () => {
      const pool = await kit.ok('GET', `/api/v1/pools/${poolId}`);
      expect(pool).toMatchObject({ name: 'MLOps, passive, EU', cadenceDays: 21, prospects: 0, specializations: ['mlops'], version: 1 });
      expect((await h.call('POST', '/api/v1/pools', { token: h.ownerToken, body: { name: 'mlops, passive, eu' } })).json()).toMatchObject({ code: 'POOL_NAME_TAKEN', field: 'name' });
      expect((await h.call('PATCH', `/api/v1/pools/${poolId}`, { token: h.ownerToken, body: { cadenceDays: 14 } })).statusCode).toBe(428);
      const changed = await h.call('PATCH', `/api/v1/pools/${poolId}`, { token: h.ownerToken, body: { cadenceDays: 14 }, headers: { 'if-match': '"1"' } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect((await h.call('PATCH', `/api/v1/pools/${poolId}`, { token: h.ownerToken, body: { cadenceDays: 10 }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
      const iv = await h.tokenFor('interviewer');
      expect((await h.call('GET', '/api/v1/pools', { token: iv.token })).statusCode).toBe(403);
      expect((await h.call('GET', `/api/v1/pools/${poolId}/prospects`, { token: iv.token })).statusCode).toBe(403);
    });

    it('adds a prospect one at a time; a person already in Closer (e-mail, link, name at employer) is a 409 with the matches', async () => {
      const existing = await kit.candidate({ name: 'Ada Lovelace', email: 'ada@analytical.example', links: ['https://github.com/ada'], currentEmployer: 'Analytical Engines' });
      const p = await kit.ok('POST', `/api/v1/pools/${poolId}/prospects`, { name: 'Grace Hopper', email: 'grace@navy.example', links: ['https://www.linkedin.com/in/grace-hopper/'], currentEmployer: 'Navy', lab: 'COBOL Lab', foundHow: 'event', foundDetail: 'NeurIPS 2026', lawfulBasis: 'Legitimate interest: public talk', timeZone: 'America/New_York' });
      expect(p).toMatchObject({ status: 'new', touches: 0, foundHow: 'event', lab: 'COBOL Lab', timeZone: 'America/New_York', name: 'Grace Hopper' });
      expect((await kit.ok('GET', `/api/v1/candidates/${p.candidateId}`)).source).toBe('event');
      const byEmail = await h.call('POST', `/api/v1/pools/${poolId}/prospects`, { token: h.ownerToken, body: { name: 'A. Lovelace', email: 'ADA@analytical.example', foundHow: 'search' } });
      expect(byEmail.statusCode).toBe(409);
      expect(byEmail.json().details.matches).toEqual([expect.objectContaining({ candidate: expect.objectContaining({ id: existing.id }), reasons: ['email'] })]);
      const byLink = await h.call('POST', `/api/v1/pools/${poolId}/prospects`, { token: h.ownerToken, body: { name: 'Someone Else', links: ['http://github.com/Ada/'], foundHow: 'search' } });
      expect(byLink.json().details.matches[0]).toMatchObject({ candidate: { id: existing.id }, reasons: ['link'] });
      const byName = await h.call('POST', `/api/v1/pools/${poolId}/prospects`, { token: h.ownerToken, body: { name: 'Ada Lovelace', currentEmployer: 'Analytical Engines Inc.', foundHow: 'search' } });
      expect(byName.json().details.matches[0].reasons).toEqual(['name-and-employer']);
      const added = await kit.ok('POST', `/api/v1/pools/${poolId}/prospects`, { candidateId: existing.id, foundHow: 'referrer', foundDetail: 'Charles B.' });
      expect(added).toMatchObject({ candidateId: existing.id, name: 'Ada Lovelace', links: ['https://github.com/ada'] });
      expect((await h.call('POST', `/api/v1/pools/${poolId}/prospects`, { token: h.ownerToken, body: { candidateId: existing.id, foundHow: 'search' } })).json().code).toBe('PROSPECT_IN_POOL');
      const list = await kit.ok('GET', `/api/v1/pools/${poolId}/prospects?status=new`);
      expect(list.total).toBe(2);
      expect(list.items.map((x: { name: string }) => x.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
      expect((await h.call('GET', `/api/v1/pools/${poolId}/prospects?status=maybe`, { token: h.ownerToken })).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'status' });
    });

    it('CSV import: the dry run names each bad row and duplicate; a real import with one bad row imports nothing; a clean one imports all', async () => {
      await kit.candidate({ name: 'Existing Person', email: 'existing@x.example' });
      const csv = [
        'Full Name,E-mail,Profile,Employer,Found via,TZ',
        'Alan Turing,alan@bletchley.example,https://github.com/turing,Bletchley,community,Europe/London',
        ',nobody@x.example,,,,',
        'Bad Mail,not-an-email,,,,',
        'Bad Zone,zone@x.example,,,,Mars/Olympus',
        'Dup Of Existing,existing@x.example,,,,',
        '"Quoted, Name",quoted@x.example,"https://x.example/a https://x.example/b",,search,',
        'Same Mail,alan@bletchley.example,,,,',
      ].join('\n');
      const dry = await kit.ok('POST', `/api/v1/pools/${poolId}/prospects/import`, { csv, dryRun: true });
      expect(dry.mapping).toEqual({ 'Full Name': 'name', 'E-mail': 'email', Profile: 'links', Employer: 'currentEmployer', 'Found via': 'foundHow', TZ: 'timeZone' });
      expect(dry.rows).toBe(7);
      expect(dry.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([[3, 'name'], [4, 'email'], [5, 'timeZone'], [8, 'email']]);
      expect(dry.duplicates.map((d: { row: number; reasons: string[] }) => [d.row, d.reasons])).toEqual([[6, ['email']]]);
      expect(dry.ready).toBe(2);
      const before = (await kit.ok('GET', `/api/v1/pools/${poolId}`)).prospects;
      const refused = await h.call('POST', `/api/v1/pools/${poolId}/prospects/import`, { token: h.ownerToken, body: { csv } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'IMPORT_REFUSED', details: { report: { imported: 0 } } });
      expect((await kit.ok('GET', `/api/v1/pools/${poolId}`)).prospects).toBe(before);
      const clean = csv.split('\n').filter((_, i) => [0, 1, 5, 6].includes(i)).join('\n');
      const mapping = { 'Full Name': 'name', 'E-mail': 'email', Profile: 'links', Employer: 'lab', 'Found via': 'foundHow', TZ: null };
      expect((await h.call('POST', `/api/v1/pools/${poolId}/prospects/import`, { token: h.ownerToken, body: { csv: clean, mapping } })).json().details.report.duplicates).toHaveLength(1);
      const done = await kit.ok('POST', `/api/v1/pools/${poolId}/prospects/import`, { csv: clean, mapping, skipDuplicates: true, lawfulBasis: 'Legitimate interest' });
      expect(done).toMatchObject({ imported: 2, skipped: 1 });
      const alan = (await kit.ok('GET', `/api/v1/pools/${poolId}/prospects?limit=100`)).items.find((x: { name: string }) => x.name === 'Alan Turing');
      expect(alan).toMatchObject({ lab: 'Bletchley', currentEmployer: null, foundHow: 'community', links: ['https://github.com/turing'], lawfulBasis: 'Legitimate interest', timeZone: null });
      const urls = await kit.ok('POST', `/api/v1/pools/${poolId}/prospects/import`, { urls: 'https://www.linkedin.com/in/barbara-liskov-12ab\nhttps://github.com/turing\nnot a link', foundHow: 'search', dryRun: true });
      expect(urls.problems).toEqual([expect.objectContaining({ row: 3, field: 'urls' })]);
      expect(urls.duplicates).toEqual([expect.objectContaining({ row: 2, candidateName: 'Alan Turing', reasons: ['link'], inPool: true })]);
    });

    it('logs outreach and replies by hand, moves the status, and converts an interested prospect: the cycle clock starts at the first outreach', async () => {
      const role = await kit.role();
      const p = await kit.ok('POST', `/api/v1/pools/${poolId}/prospects`, { name: 'Katherine Johnson', email: 'kj@nasa.example', foundHow: 'search' });
      expect((await h.call('POST', `/api/v1/prospects/${p.id}/convert`, { token: h.ownerToken, body: { roleId: role.id } })).json().code).toBe('PROSPECT_NOT_INTERESTED');
      const firstOutreach = hoursAgo(h, 24 * 10);
      const sent = await kit.ok('POST', `/api/v1/prospects/${p.id}/events`, { type: 'outreach.sent', occurredAt: firstOutreach, data: { channel: 'linkedin' } });
      expect(sent.prospect).toMatchObject({ status: 'contacted', touches: 1, lastTouchAt: firstOutreach });
      await kit.ok('POST', `/api/v1/prospects/${p.id}/events`, { type: 'candidate.replied', occurredAt: hoursAgo(h, 24 * 8), data: { latencyHours: 48, length: 420, asksQuestion: true } });
      expect((await h.call('POST', `/api/v1/prospects/${p.id}/events`, { token: h.ownerToken, body: { type: 'stage.changed', data: { from: 'a', to: 'b' } } })).json().code).toBe('EVENT_TYPE_INVALID');
      const detail = await h.call('GET', `/api/v1/prospects/${p.id}`, { token: h.ownerToken });
      expect(detail.json()).toMatchObject({ status: 'replied', touches: 1 });
      expect(detail.json().events.map((e: { type: string }) => e.type)).toEqual(['outreach.sent', 'candidate.replied']);
      const interested = await kit.ok('PATCH', `/api/v1/prospects/${p.id}`, { status: 'interested' }, { 'if-match': detail.headers.etag as string });
      expect((await h.call('PATCH', `/api/v1/prospects/${p.id}`, { token: h.ownerToken, body: { status: 'converted' }, headers: { 'if-match': `"${interested.version}"` } })).statusCode).toBe(400);
      const converted = await kit.ok('POST', `/api/v1/prospects/${p.id}/convert`, { roleId: role.id });
      expect(converted).toMatchObject({ copiedEvents: 2, prospect: { status: 'converted', convertedApplicationId: converted.application.id }, application: { candidateId: p.candidateId, roleId: role.id, status: 'active' } });
      const app = await kit.ok('GET', `/api/v1/applications/${converted.application.id}`);
      expect(app.firstContactAt).toBe(firstOutreach);
      expect(app.daysSinceFirstContact).toBe(10);
      expect(app.clocks.find((c: { id: string }) => c.id === 'cycle.total')).toMatchObject({ startedAt: firstOutreach });
      expect(app.events.map((e: { type: string; occurredAt: string }) => [e.type, e.occurredAt])).toEqual([['outreach.sent', firstOutreach], ['candidate.replied', hoursAgo(h, 24 * 8)]]);
      expect((await h.call('POST', `/api/v1/prospects/${p.id}/convert`, { token: h.ownerToken, body: { roleId: role.id } })).json().code).toBe('PROSPECT_NOT_INTERESTED');
      const audit = (await kit.ok('GET', `/api/v1/audit?entity=prospect&entityId=${p.id}`)).items.map((a: { action: string }) => a.action);
      expect(audit).toEqual(expect.arrayContaining(['prospect.create', 'prospect.event', 'prospect.update', 'prospect.convert']));
    });
    it('Today shows the nurture items (past cadence; many touches and no reply) to pool readers only; reach per pool and per role', async () => {
      const pool = await kit.ok('POST', '/api/v1/pools', { name: 'Nurture pool', cadenceDays: 7 });
      const quiet = await kit.ok('POST', `/api/v1/pools/${pool.id}/prospects`, { name: 'Quiet Person', email: 'quiet@x.example', foundHow: 'referrer', foundDetail: 'Ann' });
      const chased = await kit.ok('POST', `/api/v1/pools/${pool.id}/prospects`, { name: 'Chased Person', email: 'chased@x.example', foundHow: 'referrer', foundDetail: 'Ann', lab: 'Brain Lab' });
      await kit.ok('POST', `/api/v1/prospects/${quiet.id}/events`, { type: 'outreach.sent', occurredAt: hoursAgo(h, 24 * 9), data: { channel: 'email' } });
      for (let i = 0; i < 4; i++) await kit.ok('POST', `/api/v1/prospects/${chased.id}/events`, { type: 'outreach.sent', occurredAt: hoursAgo(h, 24 * (4 - i)), data: { channel: 'email' } });
      const today = await kit.ok('GET', '/api/v1/today');
      const mine = today.sourcing.filter((i: { poolId: string }) => i.poolId === pool.id);
      expect(mine.map((i: { name: string; kind: string; daysSinceTouch: number }) => [i.name, i.kind, i.daysSinceTouch])).toEqual([['Chased Person', 'many-touches', 1], ['Quiet Person', 'neglected', 9]]);
      const iv = await h.tokenFor('interviewer');
      expect((await kit.ok('GET', '/api/v1/today', undefined)).sourcing).toBeDefined();
      expect((await h.call('GET', '/api/v1/today', { token: iv.token })).json().sourcing).toBeUndefined();
      const reach = await kit.ok('GET', `/api/v1/pools/${pool.id}/reach`);
      expect(reach).toMatchObject({ subject: { kind: 'pool', name: 'Nurture pool' }, total: 2, byReferrer: [{ key: 'Ann', count: 2, share: 1 }], concentration: 1, warning: null });
      const role = await kit.role();
      for (let i = 0; i < 5; i++) await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ source: 'referral', currentEmployer: i < 4 ? 'DeepCo' : 'Other' })).id });
      const roleReach = await kit.ok('GET', `/api/v1/roles/${role.id}/reach`);
      expect(roleReach).toMatchObject({ total: 5, bySource: [{ key: 'referral', count: 5 }], warning: { origins: 1, keys: ['DeepCo'], share: 0.8 } });
      expect(roleReach.warning.message).toMatch(/^80% of this pipeline comes from 1 referrer or lab/);
      expect((await h.call('GET', `/api/v1/roles/${role.id}/reach`, { token: iv.token })).statusCode).toBe(403);
    });
  });
}
