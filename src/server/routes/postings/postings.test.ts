import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { computeClocks, type TimedEvent } from '../../../domain/pipeline/index.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { rebuildProjections } from '../../services/projections.js';
import { DEFAULT_BAND, expectOk, makeRole } from '../../../test-support/offer-fixtures.js';

const TEXT = [
  'You will own the training and serving of our ranking models: PyTorch training pipelines on GPUs, model deployment to Kubernetes, monitoring for drift.',
  '',
  'We have 120 K USD of GPU credits and three years of proprietary logistics data.',
].join('\n');

const content = (over: Record<string, unknown> = {}) => ({
  title: 'Senior ML Engineer',
  publicText: TEXT,
  location: 'Berlin',
  remotePolicy: 'hybrid',
  signals: [{ id: 'compute-budget-stated', text: '120 K USD of GPU credits for 2027' }],
  questions: [{ id: 'shipped', label: 'What model have you shipped to users?', required: true }],
  ...over,
});

/** A multipart body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----closerTestBoundary7MA4YWxk';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cv"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The JSON-LD blocks of a page. */
function jsonLd(html: string): Array<Record<string, any>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/** The schema.org JobPosting shape (https://schema.org/JobPosting and Google's required properties), with types. */
function jobPostingProblems(ld: Record<string, any>): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => (ok ? undefined : problems.push(what));
  need(ld['@context'] === 'https://schema.org', '@context');
  need(ld['@type'] === 'JobPosting', '@type');
  for (const k of ['title', 'description', 'datePosted']) need(typeof ld[k] === 'string' && ld[k].length > 0, k);
  need(!Number.isNaN(Date.parse(ld.datePosted)), 'datePosted is a date');
  need(ld.hiringOrganization?.['@type'] === 'Organization' && typeof ld.hiringOrganization?.name === 'string', 'hiringOrganization');
  need(ld.jobLocation?.['@type'] === 'Place' || ld.jobLocationType === 'TELECOMMUTE', 'jobLocation or TELECOMMUTE');
  if (ld.jobLocation) need(ld.jobLocation.address?.['@type'] === 'PostalAddress', 'jobLocation.address');
  if (ld.baseSalary) {
    const s = ld.baseSalary;
    need(s['@type'] === 'MonetaryAmount', 'baseSalary @type');
    need(/^[A-Z]{3}$/.test(s.currency), 'baseSalary.currency');
    need(s.value?.['@type'] === 'QuantitativeValue', 'baseSalary.value @type');
    need(Number.isInteger(s.value?.minValue) && Number.isInteger(s.value?.maxValue) && s.value.minValue <= s.value.maxValue, 'min/max');
    need(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'].includes(s.value?.unitText), 'unitText');
  }
  return problems;
}

for (const dialect of dialectsUnderTest()) {
  describe(`job postings and the public board [${dialect.name}]`, () => {
    let h: Harness;
    let role: any;
    let posting: any;
    let manager: { token: string; userId: string };
    let ip = 0;
    const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      role = await makeRole(h, { band: DEFAULT_BAND, title: 'Senior ML Engineer' });
    });
    afterAll(async () => h.close());

    const put = (roleId: string, body: unknown, etag?: string, token = h.ownerToken) => h.call('PUT', `/api/v1/roles/${roleId}/posting`, { token, body, headers: etag ? { 'if-match': etag } : {} });
    const act = (roleId: string, what: string, etag: string | undefined, body?: unknown, token = h.ownerToken) =>
      h.call('POST', `/api/v1/roles/${roleId}/posting/${what}`, { token, ...(body !== undefined ? { body } : {}), headers: etag ? { 'if-match': etag } : {} });
    const apply = async (slug: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }, address = nextIp()) => {
      const page = await h.app.inject({ method: 'GET', url: `/jobs/${slug}` });
      const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const { payload, headers } = multipart({ formToken: token, ...fields }, file);
      return h.app.inject({ method: 'POST', url: `/jobs/${slug}/apply`, payload, headers, remoteAddress: address });
    };
    const counts = async () => ({
      candidates: Number((await h.store.db.selectFrom('candidates').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      applications: Number((await h.store.db.selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      files: Number((await h.store.db.selectFrom('candidate_files').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });

    it('PUT creates the draft (201, ETag "1"), audited by field names; a second PUT needs If-Match', async () => {
      const res = await put(role.id, content());
      expect(res.statusCode).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      posting = res.json();
      expect(posting).toMatchObject({ status: 'draft', baseRange: null, bandRange: { min: 180_000, max: 220_000, currency: 'USD' }, publicPath: `/jobs/${posting.slug}` });
      expect(posting.slug).toMatch(/^senior-ml-engineer-[a-z0-9]{8}$/);
      expect((await put(role.id, content())).statusCode).toBe(428);
      expect((await put(role.id, content(), '"9"')).statusCode).toBe(412);
      const audit = (await h.call('GET', `/api/v1/audit?entity=posting&entityId=${posting.id}`, { token: h.ownerToken })).json().items;
      expect(audit).toEqual([expect.objectContaining({ action: 'posting.create' })]);
      expect(JSON.stringify(audit)).not.toContain('GPU credits');
    });

    it('a draft is not on the board', async () => {
      expect((await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}` })).statusCode).toBe(404);
    });

    it('publishing without a base range is a warning naming the pay-transparency laws; findings must be acknowledged first', async () => {
      const bare = await makeRole(h, { title: 'ML Engineer, no band' });
      const draft = (await put(bare.id, content({ title: 'ML Engineer', publicText: `Equity: 1% stock options.\n\n${TEXT}` }))).json();
      const rules = draft.findings.map((f: { rule: string }) => f.rule);
      expect(rules).toEqual(expect.arrayContaining(['posting.no-base-range', 'posting.equity-before-cash']));
      const noRange = draft.findings.find((f: { rule: string }) => f.rule === 'posting.no-base-range');
      expect(noRange.severity).toBe('warning');
      for (const law of ['Colorado', 'California', 'New York', 'Washington', 'European Union']) expect(noRange.message).toContain(law);
      const refused = await act(bare.id, 'publish', '"1"', { acknowledgeFindings: false });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('POSTING_FINDINGS_UNACKNOWLEDGED');
      const done = await act(bare.id, 'publish', '"1"', { acknowledgeFindings: true });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ status: 'published', baseRange: null, version: 2 });
      const page = await h.app.inject({ method: 'GET', url: `/jobs/${draft.slug}` });
      expect(page.body).toContain('Base pay discussed at the first call');
      expect(jsonLd(page.body)[0]!.baseSalary).toBeUndefined();
      expect((await act(bare.id, 'close', '"2"')).json().status).toBe('closed');
      expect((await act(bare.id, 'publish', '"3"', { acknowledgeFindings: true })).json().code).toBe('POSTING_STATE_INVALID');
    });

    it('flags a role spanning too many specializations (the analyser) before publishing', async () => {
      const broad = await makeRole(h, { title: 'AI Engineer', band: DEFAULT_BAND });
      const text = [
        'Train and fine-tune deep learning models with PyTorch, build feature engineering pipelines and model training at scale.',
        'Own MLOps: model deployment, model registry, Kubernetes serving, CI/CD for models, model monitoring.',
        'Design prompts, prompt engineering and LLM evaluation, RAG retrieval augmented generation with vector databases.',
        'Build data pipelines: ETL, Spark, Airflow, data warehouse, data quality.',
        'Do applied research: publish papers, run novel experiments, read the literature on reinforcement learning.',
        'Red teaming, alignment and AI safety evaluations, interpretability research.',
      ].join('\n');
      const draft = (await put(broad.id, content({ title: 'AI Engineer', publicText: text }))).json();
      expect(draft.findings.map((f: { rule: string }) => f.rule)).toContain('scope.too-broad');
    });

    it('publishes with the band as base range; interviewers, recruiters and other hiring managers are refused', async () => {
      const interviewer = await h.tokenFor('interviewer');
      const recruiter = await h.tokenFor('recruiter');
      const otherManager = await h.tokenFor('hiring-manager');
      for (const t of [interviewer.token, recruiter.token]) {
        expect((await h.call('GET', `/api/v1/roles/${role.id}/posting`, { token: t })).statusCode).toBe(403);
        expect((await act(role.id, 'publish', '"1"', { acknowledgeFindings: true }, t)).statusCode).toBe(403);
      }
      expect((await act(role.id, 'publish', '"1"', { acknowledgeFindings: true }, otherManager.token)).statusCode).toBe(403);
      expect((await act(role.id, 'publish', undefined, { acknowledgeFindings: true })).statusCode).toBe(428);
      manager = await h.tokenFor('hiring-manager');
      await expectOk(h.call('PATCH', `/api/v1/roles/${role.id}`, { token: h.ownerToken, body: { hiringManagerId: manager.userId }, headers: { 'if-match': `"${role.version}"` } }), 200, 'assign manager');
      const res = await act(role.id, 'publish', '"1"', { acknowledgeFindings: true }, manager.token);
      expect(res.statusCode).toBe(200);
      posting = res.json();
      expect(posting).toMatchObject({ status: 'published', baseRange: { min: 180_000, max: 220_000, currency: 'USD' } });
      expect(res.headers.etag).toBe('"2"');
    });

    it('serves /jobs and the posting page: cash first, JSON-LD of the schema.org JobPosting shape, cache headers, 304, CSP', async () => {
      const list = await h.app.inject({ method: 'GET', url: '/jobs' });
      expect(list.statusCode).toBe(200);
      expect(list.headers['content-type']).toContain('text/html');
      expect(list.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      expect(list.body).toContain('Senior ML Engineer');
      expect(list.body).toContain('Base 180,000–220,000 USD a year');
      expect((await h.app.inject({ method: 'GET', url: '/jobs?specialization=mlops&location=Berlin' })).body).toContain(posting.slug);
      expect((await h.app.inject({ method: 'GET', url: '/jobs?specialization=prompt-engineering' })).body).not.toContain(posting.slug);
      expect((await h.app.inject({ method: 'GET', url: '/jobs?location=Lisbon' })).body).toContain('No open jobs match');

      const page = await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}` });
      expect(page.statusCode).toBe(200);
      const [ld] = jsonLd(page.body);
      expect(jobPostingProblems(ld!)).toEqual([]);
      expect(ld!.baseSalary).toEqual({ '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 180_000, maxValue: 220_000, unitText: 'YEAR' } });
      expect(page.body.indexOf('Base 180,000')).toBeLessThan(page.body.indexOf('About the job'));
      expect(page.body).toContain('120 K USD of GPU credits for 2027');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
      expect(page.body).not.toMatch(/\sstyle=|<style/);
      const etag = String(page.headers.etag);
      expect(page.headers['last-modified']).toBeTruthy();
      const again = await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}`, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      const feed = await h.app.inject({ method: 'GET', url: '/jobs/feed.json' });
      expect(feed.json()).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [expect.objectContaining({ title: 'Senior ML Engineer' })] });
      const css = await h.app.inject({ method: 'GET', url: '/jobs/board.css' });
      expect(css.headers['content-type']).toContain('text/css');
      expect(css.body).toContain('--brand:#1f4fd1');
    });

    it('a burst of visitors costs no query: the page is served from the cache until the next publish', async () => {
      const before = (await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}` })).headers.etag;
      // Change the row behind the API's back: the cached page stays until a write through the API clears it.
      await h.store.db.updateTable('postings').set({ title: 'Changed underneath' }).where('id', '=', posting.id).execute();
      for (let i = 0; i < 20; i++) expect((await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}` })).headers.etag).toBe(before);
      await h.store.db.updateTable('postings').set({ title: 'Senior ML Engineer' }).where('id', '=', posting.id).execute();
      const settings = await h.call('PUT', '/api/v1/job-board/settings', { token: h.ownerToken, body: { logoUrl: 'https://cdn.example.com/logo.svg', brandColour: '#aa0055', textColour: '#111111', talentPoolMonths: 6, publicUrl: 'https://jobs.test.example' } });
      expect(settings.statusCode).toBe(200);
      const page = await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}` });
      expect(page.headers.etag).not.toBe(before);
      expect(page.headers['content-security-policy']).toContain("img-src 'self' https://cdn.example.com");
      expect(jsonLd(page.body)[0]!.url).toBe(`https://jobs.test.example/jobs/${posting.slug}`);
      // The company's name and logo from Settings, on the page and in the structured data.
      const company = 'Test Co';
      expect(page.body).toContain(`<img class="logo" src="https://cdn.example.com/logo.svg" alt="${company} logo"`);
      expect(jsonLd(page.body)[0]!.hiringOrganization).toMatchObject({ name: company, logo: 'https://cdn.example.com/logo.svg' });
      expect(page.body).toContain('for 6 months');
      expect((await h.app.inject({ method: 'GET', url: '/jobs/board.css' })).body).toContain('--brand:#aa0055');
      expect((await h.call('PUT', '/api/v1/job-board/settings', { token: h.ownerToken, body: { logoUrl: 'javascript:alert(1)', brandColour: 'red;}', textColour: '#111111', talentPoolMonths: 6, publicUrl: null } })).statusCode).toBe(400);
    });

    it('an application creates the candidate (source inbound), records application.received, queues the confirmation, and shows on Today', async () => {
      const before = await counts();
      const res = await apply(posting.slug, { name: 'Ada Applicant', email: 'ada.applicant@test.example', links: 'https://github.com/ada', 'q-shipped': 'A ranking model for 2M users.', talentPool: 'yes' }, { name: 'ada.pdf', type: 'application/pdf', bytes: PDF });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/jobs/${posting.slug}/thanks`);
      expect((await h.app.inject({ method: 'GET', url: String(res.headers.location) })).body).toContain('We received your application');
      expect(await counts()).toEqual({ candidates: before.candidates + 1, applications: before.applications + 1, files: before.files + 1 });
      const candidate = await h.store.db.selectFrom('candidates').selectAll().where('email', '=', 'ada.applicant@test.example').executeTakeFirstOrThrow();
      expect(candidate.source).toBe('inbound');
      expect(candidate.talent_pool_consent_at).not.toBeNull();
      const app = await h.store.db.selectFrom('applications').selectAll().where('candidate_id', '=', candidate.id).executeTakeFirstOrThrow();
      const events = await h.store.db.selectFrom('application_events').selectAll().where('application_id', '=', app.id).execute();
      // Only the application is recorded (no fabricated candidate.replied); the reply clock starts from it.
      expect(events.map((e) => [e.type, JSON.parse(e.data)])).toEqual([['application.received', { source: 'inbound' }]]);
      expect(computeClocks(events.map((e) => ({ type: e.type, occurredAt: e.occurred_at, data: JSON.parse(e.data) })) as TimedEvent[], h.clock.now()).filter((c) => c.id === 'reply.to-candidate')).toEqual([
        expect.objectContaining({ state: 'ok', startedAt: h.clock.now().toISOString() }),
      ]);
      const mail = await h.store.db.selectFrom('outbox').selectAll().where('recipient', '=', 'ada.applicant@test.example').execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toContain('Senior ML Engineer');
      const answers = await h.store.db.selectFrom('posting_answers').selectAll().where('application_id', '=', app.id).executeTakeFirstOrThrow();
      expect(JSON.parse(answers.answers)).toEqual([{ id: 'shipped', label: 'What model have you shipped to users?', answer: 'A ranking model for 2M users.' }]);
      expect(answers.talent_pool_months).toBe(6);
      // On Today at once, without the clock moving: a new applicant on the Today of the person who answers for the
      // role (its hiring manager, as it names no recruiter) and under "Everything", with the one next action.
      const newItem = { level: 'new', name: 'New applicant', action: "Review Ada Applicant's application and reply within 24 h", do: expect.objectContaining({ kind: 'record', label: 'Log that we replied to Ada' }) };
      for (const [token, scope] of [[manager.token, 'mine'], [h.ownerToken, 'all']] as const) {
        const now = (await h.call('GET', `/api/v1/today?scope=${scope}`, { token })).json();
        expect(now.cards.find((c: { applicationId: string }) => c.applicationId === app.id)).toMatchObject({ level: 'new', items: [expect.objectContaining(newItem)] });
      }
      expect((await h.call('GET', '/api/v1/today', { token: h.ownerToken })).json().cards.map((c: { applicationId: string }) => c.applicationId)).not.toContain(app.id);
      // Past the reply target it is late instead (the reply clock's item), no longer new.
      h.clock.advanceHours(25);
      const today = await h.call('GET', '/api/v1/today?scope=all', { token: h.ownerToken });
      expect(today.statusCode).toBe(200);
      const card = today.json().cards.find((c: { applicationId: string }) => c.applicationId === app.id);
      expect(card.items.map((i: { id: string; level: string }) => `${i.id}:${i.level}`)).toEqual(['reply.to-candidate:warning']);
      // Applying again with the same e-mail merges into the same person: no second candidate, no second application.
      const again = await apply(posting.slug, { name: 'Ada A.', email: 'ADA.applicant@test.example', 'q-shipped': 'Again' });
      expect(again.statusCode).toBe(303);
      expect((await counts()).candidates).toBe(before.candidates + 1);
      expect((await counts()).applications).toBe(before.applications + 1);
      // The export and the erasure cover what the form stored.
      const exported = (await h.call('GET', `/api/v1/candidates/${candidate.id}/export`, { token: h.ownerToken })).json();
      expect(exported.tables.posting_answers).toHaveLength(1);
      const current = (await h.call('GET', `/api/v1/candidates/${candidate.id}`, { token: h.ownerToken })).json();
      expect((await h.call('DELETE', `/api/v1/candidates/${candidate.id}`, { token: h.ownerToken, headers: { 'if-match': `"${current.version}"` } })).statusCode).toBe(204);
      expect(await h.store.db.selectFrom('posting_answers').selectAll().where('candidate_id', '=', candidate.id).execute()).toEqual([]);
      expect(await h.store.db.selectFrom('outbox').selectAll().where('recipient', '=', 'ada.applicant@test.example').execute()).toEqual([]);
    });

    it('a new applicant leaves Today when replied to, moved on or closed; the rebuild writes the same rows', async () => {
      const ids: string[] = [];
      for (const who of ['Rhea Reply', 'Mo Moved', 'Cleo Closed']) {
        expect((await apply(posting.slug, { name: who, email: `${who.split(' ')[0]!.toLowerCase()}@new.example`, 'q-shipped': 'x' })).statusCode).toBe(303);
        const c = await h.store.db.selectFrom('candidates').select('id').where('name', '=', who).executeTakeFirstOrThrow();
        ids.push((await h.store.db.selectFrom('applications').select('id').where('candidate_id', '=', c.id).executeTakeFirstOrThrow()).id);
      }
      const newOnToday = async () =>
        (await h.call('GET', '/api/v1/today', { token: manager.token })).json().cards.flatMap((c: any) => c.items.filter((i: any) => i.level === 'new').map(() => c.applicationId));
      expect(await newOnToday()).toEqual(expect.arrayContaining(ids));
      expect(await rebuildProjections(h.store, h.clock.now())).toMatchObject({ created: 0, corrected: 0 });
      expect(await newOnToday()).toEqual(expect.arrayContaining(ids));
      const stage = (await h.call('GET', `/api/v1/applications/${ids[1]}`, { token: h.ownerToken })).json().stage;
      const next = role.processPlan.stages.map((s: { id: string }) => s.id).find((id: string) => id !== stage);
      const events = [
        [ids[0], { type: 'team.replied' }],
        [ids[1], { type: 'stage.changed', data: { from: stage, to: next } }],
        [ids[2], { type: 'application.closed', data: { status: 'lost', lossReason: 'compensation' } }],
      ] as const;
      for (const [id, body] of events) await expectOk(h.call('POST', `/api/v1/applications/${id}/events`, { token: manager.token, body }), 201, body.type);
      expect((await newOnToday()).filter((id: string) => ids.includes(id))).toEqual([]);
    });

    it('refuses hostile input with a 4xx page and stores nothing: fake and oversized PDFs, NUL, no token, honeypot', async () => {
      const before = await counts();
      const good = { name: 'Bob Builder', email: 'bob@test.example', 'q-shipped': 'Things' };
      const fake = await apply(posting.slug, good, { name: 'cv.pdf', type: 'application/pdf', bytes: Buffer.from('MZ\u0090\u0000 this is an exe') });
      expect(fake.statusCode).toBe(415);
      expect(fake.body).toContain('not a PDF');
      expect((await apply(posting.slug, good, { name: 'cv.txt', type: 'text/plain', bytes: Buffer.from('plain text cv') })).statusCode).toBe(415);
      const huge = await apply(posting.slug, good, { name: 'cv.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 0x20)]) });
      expect(huge.statusCode).toBe(413);
      // NUL in every field the form has.
      for (const field of ['name', 'email', 'links', 'q-shipped'] as const) {
        const nul = await apply(posting.slug, { ...good, links: 'https://github.com/bob', [field]: field === 'email' ? 'bob\u0000@test.example' : `Bob\u0000${field === 'links' ? 'https://x.example' : 'Builder'}` });
        expect(nul.statusCode, field).toBe(400);
        expect(nul.body, field).toContain('control characters');
      }
      const { payload, headers } = multipart(good);
      const noToken = await h.app.inject({ method: 'POST', url: `/jobs/${posting.slug}/apply`, payload, headers, remoteAddress: nextIp() });
      expect(noToken.statusCode).toBe(403);
      const forged = multipart({ ...good, formToken: `${h.clock.now().getTime()}.${'A'.repeat(43)}` });
      expect((await h.app.inject({ method: 'POST', url: `/jobs/${posting.slug}/apply`, payload: forged.payload, headers: forged.headers, remoteAddress: nextIp() })).statusCode).toBe(403);
      const trap = await apply(posting.slug, { ...good, website: 'http://spam.example' });
      expect(trap.statusCode).toBe(303);
      expect((await apply('no-such-job-12345678', good)).statusCode).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it('renders script in every field escaped: posting content and what an applicant typed', async () => {
      const evil = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';
      const r = await makeRole(h, { title: 'Evil role', band: DEFAULT_BAND });
      const draft = (await put(r.id, content({ title: `ML ${evil}`, publicText: `${TEXT}\n\n${evil}`, location: `Berlin ${evil}`, signals: [{ id: 'proprietary-data', text: evil }], questions: [{ id: 'q1', label: evil, required: true }] }))).json();
      await expectOk(act(r.id, 'publish', '"1"', { acknowledgeFindings: true }), 200, 'publish');
      const page = (await h.app.inject({ method: 'GET', url: `/jobs/${draft.slug}` })).body;
      const list = (await h.app.inject({ method: 'GET', url: `/jobs?location=${encodeURIComponent(`Berlin ${evil}`)}` })).body;
      for (const html of [page, list]) {
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img src=x');
      }
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(jsonLd(page)[0]!.title).toBe(`ML ${evil}`);
      // An applicant's script comes back escaped in the form shown again after an error (a bad e-mail here).
      // Every field the applicant typed: name, e-mail, links, the answer.
      const res = await apply(draft.slug, { name: evil, email: `${evil}@x.example`, links: evil, q1: evil, 'q-q1': evil });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).not.toContain('<img src=x');
      expect(res.body.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThanOrEqual(4);
      // Closing the role (filled) takes its posting off the board at once.
      const current = (await h.call('GET', `/api/v1/roles/${r.id}`, { token: h.ownerToken })).json();
      await expectOk(h.call('PATCH', `/api/v1/roles/${r.id}`, { token: h.ownerToken, body: { status: 'closed' }, headers: { 'if-match': `"${current.version}"` } }), 200, 'close role');
      expect((await h.app.inject({ method: 'GET', url: `/jobs/${draft.slug}` })).statusCode).toBe(404);
    });

    it('answers 429 to the sixth and every later of 200 submissions from one address', async () => {
      const address = '203.0.113.77';
      const statuses: number[] = [];
      const { payload, headers } = multipart({ name: 'Spam', email: 'spam@test.example' });
      for (let i = 0; i < 200; i++) statuses.push((await h.app.inject({ method: 'POST', url: `/jobs/${posting.slug}/apply`, payload, headers, remoteAddress: address })).statusCode);
      expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
      const last = await h.app.inject({ method: 'POST', url: `/jobs/${posting.slug}/apply`, payload, headers, remoteAddress: address });
      expect(last.headers['retry-after']).toBeTruthy();
      expect((await apply(posting.slug, { name: 'Other', email: 'other@test.example', 'q-shipped': 'x' }, undefined, '203.0.113.78')).statusCode).toBe(303);
    });

    it('unpublish takes the posting off the board at once; close ends it', async () => {
      const current = (await h.call('GET', `/api/v1/roles/${role.id}/posting`, { token: h.ownerToken })).json();
      const res = await act(role.id, 'unpublish', `"${current.version}"`);
      expect(res.json().status).toBe('unpublished');
      expect((await h.app.inject({ method: 'GET', url: `/jobs/${posting.slug}` })).statusCode).toBe(404);
      expect((await h.app.inject({ method: 'GET', url: '/jobs' })).body).not.toContain(posting.slug);
      expect((await act(role.id, 'unpublish', `"${current.version + 1}"`)).json().code).toBe('POSTING_STATE_INVALID');
      const closed = await act(role.id, 'close', `"${current.version + 1}"`);
      expect(closed.json()).toMatchObject({ status: 'closed' });
      const audit = (await h.call('GET', `/api/v1/audit?entity=posting&entityId=${posting.id}`, { token: h.ownerToken })).json().items.map((e: { action: string }) => e.action);
      expect(audit).toEqual(expect.arrayContaining(['posting.create', 'posting.publish', 'posting.unpublish', 'posting.close']));
    });
  });
}
