import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { applyImport, getImportJobOrThrow, importDirectory, settledImport } from '../../services/imports.js';
import type { ImportJobView } from '../../../api/imports.js';

// An export as a spreadsheet, with the awkward cases: a BOM, CRLF, unicode names, a quoted field with a line break,
// a formula cell, a candidate already in Closer (same e-mail, other case), a rejection and a hire.
const CSV = [
  '\uFEFFName,Email,Job,Stage,Status,Source,Rejection Reason,Applied At,Stage Entered,Notes',
  'Zoë Ångström,zoe@example.com,ML Engineer,Phone Screen,active,LinkedIn,,2026-10-01,2026-10-05 09:00,"two\nlines"',
  'Łukasz Żółw,lukasz@example.com,ML Engineer,Onsite,rejected,Referral,Accepted another offer,2026-09-01,2026-09-20,',
  '"=HYPERLINK(""http://x"")",formula@example.com,Research Scientist,Blorp Stage,active,,,2026-10-10,,',
  'Existing Person,EXISTING@example.com,Research Scientist,Offer,hired,Careers page,,2026-08-01,2026-08-20,',
].join('\r\n');

for (const dialect of dialectsUnderTest()) {
  describe(`imports through the API [${dialect.name}]`, () => {
    let h: Harness;
    const counts = async () => {
      const n = async (t: 'candidates' | 'applications' | 'application_events' | 'roles' | 'import_links') => Number((await h.store.db.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return { candidates: await n('candidates'), applications: await n('applications'), events: await n('application_events'), roles: await n('roles'), links: await n('import_links') };
    };
    const job = async (id: string) => {
      await settledImport(id);
      const res = await h.call('GET', `/api/v1/imports/${id}`, { token: h.ownerToken });
      expect(res.statusCode).toBe(200);
      return res.json() as ImportJobView;
    };
    const upload = (id: string, name: string, body: string | Buffer) =>
      h.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/files?name=${encodeURIComponent(name)}`, headers: { authorization: `Bearer ${h.ownerToken}`, 'content-type': 'text/csv' }, payload: body });
    const start = async (name: string, body: string | Buffer) => {
      const created = await h.call('POST', '/api/v1/imports', { token: h.ownerToken, body: { system: 'csv' } });
      expect(created.statusCode).toBe(201);
      const id = (created.json() as ImportJobView).id;
      expect((await upload(id, name, body)).statusCode).toBe(200);
      expect((await h.call('POST', `/api/v1/imports/${id}/dry-run`, { token: h.ownerToken })).statusCode).toBe(202);
      return job(id);
    };
    const mapAndRun = async (checked: ImportJobView) => {
      const mapped = await h.call('PUT', `/api/v1/imports/${checked.id}/stage-mapping`, { token: h.ownerToken, body: { mapping: { 'Blorp Stage': 'technical' } }, headers: { 'if-match': `"${checked.version}"` } });
      expect(mapped.statusCode).toBe(200);
      expect((await h.call('POST', `/api/v1/imports/${checked.id}/run`, { token: h.ownerToken })).statusCode).toBe(202);
      return job(checked.id);
    };

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const existing = await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, body: { name: 'Existing Person', email: 'existing@example.com', source: 'inbound' } });
      expect(existing.statusCode).toBe(201);
    });
    afterAll(async () => h.close());

    it('dry run: counts of create / merge / skip and every problem, and nothing written; the run needs every stage mapped', async () => {
      const before = await counts();
      const checked = await start('people.csv', CSV);
      expect(checked.status).toBe('checked');
      expect(checked.dryRun!.counts.candidates).toEqual({ create: 3, merge: 1, skip: 0 });
      expect(checked.dryRun!.counts.roles).toEqual({ create: 2, merge: 0, skip: 0 });
      expect(checked.dryRun!.counts.applications).toEqual({ create: 4, merge: 0, skip: 0 });
      expect(checked.dryRun!.stages).toEqual([
        { name: 'Phone Screen', mappedTo: 'screen' },
        { name: 'Onsite', mappedTo: 'final' },
        { name: 'Blorp Stage', mappedTo: null },
        { name: 'Offer', mappedTo: 'offer' },
      ]);
      expect(checked.dryRun!.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'formula-cell', file: 'people.csv', line: 5 })]);
      expect(await counts()).toEqual(before);
      const refused = await h.call('POST', `/api/v1/imports/${checked.id}/run`, { token: h.ownerToken });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'IMPORT_STAGES_UNMAPPED', field: 'stageMapping' });
      expect(await counts()).toEqual(before);

      // The real run: history as events with their real times, read model and clocks from them, a merge that keeps the record.
      const done = await mapAndRun(checked);
      expect(done.status).toBe('done');
      expect(done.report!.counts.candidates).toEqual({ create: 3, merge: 1, skip: 0 });
      const after = await counts();
      expect(after.candidates - before.candidates).toBe(3);
      expect(after.applications - before.applications).toBe(4);
      const rows = await h.store.db.selectFrom('applications').innerJoin('candidates', 'candidates.id', 'applications.candidate_id').select(['applications.id', 'candidates.email', 'candidates.name', 'applications.stage', 'applications.status', 'applications.loss_reason']).execute();
      const byEmail = new Map(rows.map((r) => [r.email, r]));
      expect(byEmail.get('zoe@example.com')).toMatchObject({ stage: 'screen', status: 'active' });
      expect(byEmail.get('lukasz@example.com')).toMatchObject({ stage: 'final', status: 'lost', loss_reason: 'accepted-other-offer' });
      expect(byEmail.get('formula@example.com')).toMatchObject({ name: '=HYPERLINK("http://x")', stage: 'technical' });
      expect(byEmail.get('existing@example.com')).toMatchObject({ name: 'Existing Person', stage: 'offer', status: 'hired' });
      expect(rows.filter((r) => r.email === 'existing@example.com')).toHaveLength(1);

      const zoe = byEmail.get('zoe@example.com')!;
      const events = (await h.call('GET', `/api/v1/applications/${zoe.id}/events`, { token: h.ownerToken })).json() as { items: Array<{ type: string; occurredAt: string; data: unknown }> };
      expect(events.items.map((e) => [e.type, e.occurredAt])).toEqual([
        ['application.received', '2026-10-01T00:00:00.000Z'],
        ['stage.changed', '2026-10-05T09:00:00.000Z'],
      ]);
      // The read model and its clocks count from the real history: in the screen stage since 5 October.
      const detail = (await h.call('GET', `/api/v1/applications/${zoe.id}`, { token: h.ownerToken })).json() as Record<string, any>;
      expect(detail.stage).toBe('screen');
      const projection = await h.store.db.selectFrom('application_projections').select(['stage', 'status', 'first_contact_at', 'last_event_at']).where('application_id', '=', zoe.id).executeTakeFirstOrThrow();
      expect(projection).toMatchObject({ stage: 'screen', status: 'active' });
      expect(Number(projection.last_event_at)).toBe(Date.parse('2026-10-05T09:00:00.000Z'));
      const idle = (detail.clocks as Array<{ id: string; startedAt?: string; since?: string }>).find((c) => c.id === 'stage.idle');
      expect(JSON.stringify(idle)).toContain('2026-10-05T09:00:00.000Z');

      // Download of the report, and the same files again change nothing.
      const report = await h.call('GET', `/api/v1/imports/${done.id}/report`, { token: h.ownerToken });
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-disposition']).toContain('attachment');
      const again = await start('people.csv', CSV);
      expect(again.dryRun!.counts.candidates).toEqual({ create: 0, merge: 0, skip: 4 });
      expect(again.dryRun!.counts.applications).toEqual({ create: 0, merge: 0, skip: 4 });
      expect(again.dryRun!.stages.find((s) => s.name === 'Blorp Stage')).toEqual({ name: 'Blorp Stage', mappedTo: null });
      const second = await mapAndRun(again);
      expect(second.status).toBe('done');
      expect(await counts()).toEqual(after);
    });

    it('an import that fails in the middle leaves nothing of it; files that are not UTF-8 or malformed are problems, never a 5xx', async () => {
      const before = await counts();
      const csv = ['Name,Email,Job,Stage,Applied At', ...Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}@crash.example,Crash Role,Screen,2026-10-01`)].join('\n');
      const checked = await start('crash.csv', csv);
      expect(checked.dryRun!.counts.applications.create).toBe(30);
      const record = await getImportJobOrThrow(h.store.db, checked.id);
      const dir = importDirectory(undefined);
      let chunks = 0;
      await expect(
        applyImport(h.store, { id: record.createdBy!, role: 'owner' }, record, dir, h.clock.now, {
          afterChunk: () => {
            chunks += 1;
            if (chunks === 3) throw new Error('killed in the middle');
          },
        }),
      ).rejects.toThrow('killed in the middle');
      expect(chunks).toBe(3);
      expect(await counts()).toEqual(before);

      const latin1 = Buffer.from('Name,Email\nJos\xe9,jose@example.com\n', 'latin1');
      const bad = await start('latin1.csv', latin1);
      expect(bad.dryRun!.problems[0]).toMatchObject({ severity: 'error', code: 'bad-encoding', file: 'latin1.csv', line: 2 });
      const refused = await h.call('POST', `/api/v1/imports/${bad.id}/run`, { token: h.ownerToken });
      expect(refused.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
      const broken = await start('broken.csv', 'Name,Email\n"Ada,ada@example.com\n');
      expect(broken.dryRun!.problems[0]).toMatchObject({ code: 'malformed-csv', file: 'broken.csv', line: 2 });
      expect(await counts()).toEqual(before);
    });

    it('owners and admins only; a recruiter is refused and files of a checked import are refused', async () => {
      const recruiter = await h.tokenFor('recruiter');
      expect((await h.call('POST', '/api/v1/imports', { token: recruiter.token, body: { system: 'csv' } })).statusCode).toBe(403);
      expect((await h.call('GET', '/api/v1/imports', { token: recruiter.token })).statusCode).toBe(403);
      const admin = await h.tokenFor('admin');
      const list = await h.call('GET', '/api/v1/imports', { token: admin.token });
      expect(list.statusCode).toBe(200);
      const first = (list.json() as { items: ImportJobView[] }).items.find((j) => j.status === 'done')!;
      const late = await upload(first.id, 'late.csv', 'Name\nX\n');
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'IMPORT_STATE_INVALID' });
    });
  });
}
