import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_MINUTES, icsProperty, parseIcs, unescapeIcsText, type IcsComponent } from '../../../domain/interviews/index.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { expectOk, makeInterview, makePipeline } from '../../../test-support/offer-fixtures.js';

/** Planted in the candidate's current pay: no invite and no interviewer view may carry it. */
const PAY = 613_579;
const PAY_TEXTS = [String(PAY), PAY.toLocaleString('en-US'), '614k'];

type Person = { token: string; userId: string };
type Json = any;

const day = '2026-11-05';
const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;

function event(text: string, index = 0): IcsComponent {
  return parseIcs(text).components[index]!;
}
const value = (c: IcsComponent, name: string) => unescapeIcsText(icsProperty(c, name)?.value ?? '');

for (const dialect of dialectsUnderTest()) {
  describe(`interview loops API [${dialect.name}]`, () => {
    let h: Harness;
    let ann: Person;
    let bob: Person;
    let cat: Person;
    let recruiter: Person;

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      ann = await h.tokenFor('interviewer', `ann-loops-${dialect.name}@test.example`);
      bob = await h.tokenFor('interviewer', `bob-loops-${dialect.name}@test.example`);
      cat = await h.tokenFor('interviewer', `cat-loops-${dialect.name}@test.example`);
      recruiter = await h.tokenFor('recruiter', `rita-loops-${dialect.name}@test.example`);
    });
    afterAll(async () => h.close());

    /** mlops + data-engineering: production-deployment, mlops-ownership, distributed-training, inference-under-cost, data */
    const pipeline = () =>
      makePipeline(h, {
        role: { specializations: ['mlops', 'data-engineering'] },
        candidate: { name: 'Grace Hopper', currentCompensation: { base: PAY, bonus: 0, equityAnnual: 0, currency: 'USD' } },
      });
    const events = async (applicationId: string) =>
      (await h.call('GET', `/api/v1/applications/${applicationId}/events`, { token: h.ownerToken })).json().items as Array<{ type: string; data: Json }>;
    const audit = async (interviewId: string) =>
      ((await h.call('GET', `/api/v1/audit?entity=interview&entityId=${interviewId}`, { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[]; actorId: string }>).reverse();
    const listed = async (applicationId: string) => (await h.call('GET', `/api/v1/applications/${applicationId}/interviews`, { token: h.ownerToken })).json().items as Json[];

    const onsiteBody = () => ({
      stageId: 'final',
      location: 'Office, 2nd floor; ask at reception',
      slots: [
        { kind: 'system-design', interviewerIds: [ann.userId], scheduledAt: at('09:00'), durationMinutes: 60, focusAttributeIds: ['distributed-training', 'inference-under-cost'], notes: 'Probe the NCCL incident' },
        { kind: 'technical-deep-dive', interviewerIds: [bob.userId], scheduledAt: at('10:15'), durationMinutes: 45, focusAttributeIds: ['mlops-ownership'] },
        { kind: 'founder-call', interviewerIds: [ann.userId, cat.userId], scheduledAt: at('11:30'), focusAttributeIds: ['production-deployment', 'data'], final: true },
      ],
    });

    describe('POST /api/v1/applications/{id}/interviews with stage, length, place and focus', () => {
      it('stores the stage, length, location and focus; defaults to the current stage, the data default length and every attribute', async () => {
        const { application } = await pipeline();
        const iv = await makeInterview(
          h,
          application.id,
          { kind: 'system-design', interviewerIds: [ann.userId], scheduledAt: at('14:00'), stageId: 'technical', durationMinutes: 45, location: 'https://meet.example/abc', focusAttributeIds: ['data', 'mlops-ownership'] },
          recruiter.token,
        );
        expect(iv).toMatchObject({
          stageId: 'technical',
          stageName: 'Technical interview',
          durationMinutes: 45,
          endsAt: at('14:45'),
          location: 'https://meet.example/abc',
          focusAttributeIds: ['data', 'mlops-ownership'],
          focus: [
            { id: 'mlops-ownership', name: expect.any(String) },
            { id: 'data', name: expect.any(String) },
          ],
          onsiteId: null,
        });
        expect(iv.template.attributes.map((a: { id: string }) => a.id)).toEqual(['mlops-ownership', 'data']);
        const plain = await makeInterview(h, application.id, { kind: 'recruiter-screen', interviewerIds: [ann.userId], scheduledAt: at('16:00') });
        expect(plain).toMatchObject({ stageId: 'sourced', durationMinutes: DEFAULT_DURATION_MINUTES, location: null, focusAttributeIds: null });
        expect(plain.focus).toHaveLength(5);
        expect((await audit(iv.id)).map((a) => [a.action, a.fields, a.actorId])).toEqual([
          ['interview.create', ['durationMinutes', 'focusAttributeIds', 'interviewerIds', 'kind', 'location', 'scheduledAt', 'stageId'], recruiter.userId],
        ]);
      });

      it.each([
        ['a stage that is not in the role plan', { stageId: 'onsite-day' }, 'VALIDATION_FAILED', 'stageId'],
        ['an attribute that is not on the role template', { focusAttributeIds: ['data', 'ai-safety-alignment'] }, 'VALIDATION_FAILED', 'focusAttributeIds[1]'],
        ['a length of 5 minutes', { durationMinutes: 5 }, 'VALIDATION_FAILED', 'durationMinutes'],
      ])('refuses %s with 400 and stores nothing', async (_what, over, code, field) => {
        const { application } = await pipeline();
        const res = await h.call('POST', `/api/v1/applications/${application.id}/interviews`, {
          token: h.ownerToken,
          body: { kind: 'onsite', interviewerIds: [ann.userId], scheduledAt: at('09:00'), ...over },
        });
        expect([res.statusCode, res.json().code, res.json().field]).toEqual([400, code, field]);
        expect(await listed(application.id)).toEqual([]);
        expect((await events(application.id)).filter((e) => e.type === 'interview.scheduled')).toEqual([]);
      });
    });

    describe('scorecards of a focused interview', () => {
      it('the form covers only the focus, a rating outside it is refused, and the decision view flags the rest as uncovered', async () => {
        const { application } = await pipeline();
        const iv = await makeInterview(h, application.id, { kind: 'system-design', interviewerIds: [ann.userId], scheduledAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString(), focusAttributeIds: ['data'] });
        const mine = (await h.call('GET', `/api/v1/interviews/${iv.id}/scorecard`, { token: ann.token })).json();
        expect(mine.template.attributes.map((a: { id: string }) => a.id)).toEqual(['data']);
        const outside = await h.call('PUT', `/api/v1/interviews/${iv.id}/scorecard`, { token: ann.token, body: { ratings: [{ attributeId: 'mlops-ownership', rating: 3 }] } });
        expect([outside.statusCode, outside.json().code, outside.json().field]).toEqual([400, 'RATING_INVALID', 'ratings[0].attributeId']);
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/complete`, { token: ann.token, body: {} }), 200, 'complete');
        await expectOk(
          h.call('POST', `/api/v1/interviews/${iv.id}/scorecard/submit`, { token: ann.token, body: { ratings: [{ attributeId: 'data', rating: 3, evidence: 'Built the feature store.' }], recommendation: 'yes' } }),
          200,
          'submit',
        );
        const decision = (await h.call('GET', `/api/v1/applications/${application.id}/decision`, { token: h.ownerToken })).json();
        expect(decision.uncovered).toEqual(['production-deployment', 'mlops-ownership', 'distributed-training', 'inference-under-cost']);
      });
    });

    describe('POST /api/v1/applications/{id}/onsites', () => {
      it('schedules every interview of the day at once, with one audit entry and one interview.scheduled event each', async () => {
        const { application } = await pipeline();
        const res = await h.call('POST', `/api/v1/applications/${application.id}/onsites`, { token: recruiter.token, body: onsiteBody() });
        expect(res.statusCode, res.body).toBe(201);
        const { onsiteId, interviews } = res.json() as { onsiteId: string; interviews: Json[] };
        expect(interviews.map((i) => [i.kind, i.scheduledAt, i.durationMinutes, i.stageId, i.onsiteId, i.location])).toEqual([
          ['system-design', at('09:00'), 60, 'final', onsiteId, 'Office, 2nd floor; ask at reception'],
          ['technical-deep-dive', at('10:15'), 45, 'final', onsiteId, 'Office, 2nd floor; ask at reception'],
          ['founder-call', at('11:30'), DEFAULT_DURATION_MINUTES, 'final', onsiteId, 'Office, 2nd floor; ask at reception'],
        ]);
        expect(interviews[2].final).toBe(true);
        expect(interviews[1].focus.map((a: { id: string }) => a.id)).toEqual(['mlops-ownership']);
        const scheduled = (await events(application.id)).filter((e) => e.type === 'interview.scheduled');
        expect(scheduled.map((e) => e.data)).toEqual(interviews.map((i) => ({ interviewId: i.id, at: i.scheduledAt })));
        for (const i of interviews) {
          const entries = await audit(i.id);
          expect(entries).toHaveLength(1);
          expect(entries[0]).toMatchObject({ action: 'interview.create', actorId: recruiter.userId });
          expect(entries[0]!.fields).toEqual(expect.arrayContaining(['onsiteId', 'stageId', 'location', 'scheduledAt', 'interviewerIds']));
        }
        // Each interviewer sees only their own slots of the day.
        const bobs = (await h.call('GET', `/api/v1/applications/${application.id}/interviews`, { token: bob.token })).json().items as Json[];
        expect(bobs.map((i) => i.kind)).toEqual(['technical-deep-dive']);
      });

      it.each([
        [
          'the same interviewer in two overlapping slots',
          (b: Json) => (b.slots[1] = { ...b.slots[1], interviewerIds: [bob.userId, ann.userId], scheduledAt: at('09:30') }),
          409,
          'INTERVIEW_OVERLAP',
          'slots[1].interviewerIds',
        ],
        ['two overlapping slots (the candidate cannot be in both)', (b: Json) => (b.slots[2].scheduledAt = at('10:30')), 409, 'INTERVIEW_OVERLAP', 'slots[2].scheduledAt'],
        ['a slot on another day', (b: Json) => (b.slots[2].scheduledAt = '2026-11-06T11:30:00.000Z'), 400, 'VALIDATION_FAILED', 'slots[2].scheduledAt'],
        ['an attribute not on the template in one slot', (b: Json) => (b.slots[2].focusAttributeIds = ['ai-safety-alignment']), 400, 'VALIDATION_FAILED', 'slots[2].focusAttributeIds[0]'],
        ['an interviewer who cannot write scorecards', (b: Json) => (b.slots[1].interviewerIds = ['no-such-user']), 400, 'INTERVIEWER_INVALID', 'slots[1].interviewerIds[0]'],
        ['a stage that is not in the plan', (b: Json) => (b.stageId = 'onsite'), 400, 'VALIDATION_FAILED', 'stageId'],
        ['a single slot', (b: Json) => (b.slots = b.slots.slice(0, 1)), 400, 'VALIDATION_FAILED', 'slots'],
      ])('refuses %s and schedules none of the day', async (_what, spoil, status, code, field) => {
        const { application } = await pipeline();
        const body = onsiteBody();
        spoil(body);
        const res = await h.call('POST', `/api/v1/applications/${application.id}/onsites`, { token: h.ownerToken, body });
        expect([res.statusCode, res.json().code, res.json().field]).toEqual([status, code, field]);
        if (code === 'INTERVIEW_OVERLAP' && field.endsWith('interviewerIds')) expect(res.json().message).toContain('interviewer');
        expect(await listed(application.id)).toEqual([]);
        expect((await events(application.id)).filter((e) => e.type === 'interview.scheduled')).toEqual([]);
      });

      it('is for people who schedule interviews: an interviewer gets 403', async () => {
        const { application } = await pipeline();
        const res = await h.call('POST', `/api/v1/applications/${application.id}/onsites`, { token: ann.token, body: onsiteBody() });
        expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
      });
    });

    describe('reschedule and cancel under If-Match', () => {
      it('PATCH: 428 without If-Match, 412 when stale, 200 with the ETag; audited with field names and a new interview.scheduled', async () => {
        const { application } = await pipeline();
        const iv = await makeInterview(h, application.id, { kind: 'system-design', interviewerIds: [ann.userId], scheduledAt: at('09:00') });
        const body = { scheduledAt: at('13:00'), durationMinutes: 90, location: 'Room 4' };
        const missing = await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body });
        expect([missing.statusCode, missing.json().code]).toEqual([428, 'PRECONDITION_REQUIRED']);
        const stale = await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body, headers: { 'if-match': `"${iv.version + 1}"` } });
        expect([stale.statusCode, stale.json().code]).toEqual([412, 'PRECONDITION_FAILED']);
        expect((await h.call('GET', `/api/v1/interviews/${iv.id}`, { token: h.ownerToken })).json()).toMatchObject({ scheduledAt: at('09:00'), version: iv.version });
        const ok = await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body, headers: { 'if-match': `"${iv.version}"` } });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.headers.etag).toBe(`"${iv.version + 1}"`);
        expect(ok.json()).toMatchObject({ scheduledAt: at('13:00'), endsAt: at('14:30'), location: 'Room 4' });
        const entries = await audit(iv.id);
        expect(entries.map((a) => [a.action, a.fields])).toEqual([
          ['interview.create', ['interviewerIds', 'kind', 'scheduledAt'].sort()],
          ['interview.update', ['durationMinutes', 'location', 'scheduledAt']],
        ]);
        expect((await events(application.id)).filter((e) => e.type === 'interview.scheduled').map((e) => e.data.at)).toEqual([at('09:00'), at('13:00')]);
        // Back to every attribute, and no stage outside the plan.
        const all = await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body: { focusAttributeIds: null }, headers: { 'if-match': ok.headers.etag as string } });
        expect(all.statusCode).toBe(200);
        const badStage = await h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: recruiter.token, body: { stageId: 'nope' }, headers: { 'if-match': ok.headers.etag as string } });
        expect([badStage.statusCode, badStage.json().field]).toEqual([400, 'stageId']);
      });

      it('refuses to move an onsite interview onto another of the same day with the same interviewer (409), and changes nothing', async () => {
        const { application } = await pipeline();
        const { interviews } = await expectOk(h.call('POST', `/api/v1/applications/${application.id}/onsites`, { token: h.ownerToken, body: onsiteBody() }), 201, 'onsite');
        const third = interviews[2];
        const res = await h.call('PATCH', `/api/v1/interviews/${third.id}`, { token: h.ownerToken, body: { scheduledAt: at('09:30') }, headers: { 'if-match': `"${third.version}"` } });
        expect([res.statusCode, res.json().code, res.json().field]).toEqual([409, 'INTERVIEW_OVERLAP', 'scheduledAt']);
        expect(res.json().message).toMatch(/^interviewer \d+ is also in the System design at 09:00 UTC/);
        expect((await h.call('GET', `/api/v1/interviews/${third.id}`, { token: h.ownerToken })).json()).toMatchObject({ scheduledAt: at('11:30'), version: third.version });
        expect(await audit(third.id)).toHaveLength(1);
        const later = await h.call('PATCH', `/api/v1/interviews/${third.id}`, { token: h.ownerToken, body: { scheduledAt: at('15:00') }, headers: { 'if-match': `"${third.version}"` } });
        expect(later.statusCode).toBe(200);
      });

      it('cancel: 428 without If-Match, 412 when stale, then cancelled, audited and noted; a second cancel is 409', async () => {
        const { application } = await pipeline();
        const iv = await makeInterview(h, application.id, { kind: 'system-design', interviewerIds: [ann.userId], scheduledAt: at('09:00') });
        const url = `/api/v1/interviews/${iv.id}/cancel`;
        expect((await h.call('POST', url, { token: recruiter.token, body: {} })).statusCode).toBe(428);
        expect((await h.call('POST', url, { token: recruiter.token, body: {}, headers: { 'if-match': '"7"' } })).statusCode).toBe(412);
        expect((await h.call('GET', `/api/v1/interviews/${iv.id}`, { token: h.ownerToken })).json().status).toBe('scheduled');
        const ok = await h.call('POST', url, { token: recruiter.token, body: {}, headers: { 'if-match': `"${iv.version}"` } });
        expect(ok.statusCode).toBe(200);
        expect(ok.json()).toMatchObject({ status: 'cancelled', cancelledAt: h.clock.now().toISOString() });
        expect(ok.headers.etag).toBe(`"${iv.version + 1}"`);
        expect((await audit(iv.id)).map((a) => [a.action, a.fields])).toEqual([
          ['interview.create', ['interviewerIds', 'kind', 'scheduledAt']],
          ['interview.cancel', ['cancelledAt', 'status']],
        ]);
        expect((await events(application.id)).some((e) => e.type === 'note' && /cancelled/.test(e.data.text))).toBe(true);
        const again = await h.call('POST', url, { token: recruiter.token, body: {}, headers: { 'if-match': ok.headers.etag as string } });
        expect([again.statusCode, again.json().code]).toEqual([409, 'INTERVIEW_STATE_INVALID']);
        const interviewer = await h.call('POST', url, { token: ann.token, body: {}, headers: { 'if-match': ok.headers.etag as string } });
        expect(interviewer.statusCode).toBe(403);
      });
    });

    describe('GET /api/v1/interviews/{id}/invite.ics and /onsites/{id}/invite.ics', () => {
      async function onsite() {
        const setup = await pipeline();
        const res = await expectOk(h.call('POST', `/api/v1/applications/${setup.application.id}/onsites`, { token: recruiter.token, body: onsiteBody() }), 201, 'onsite');
        return { ...setup, onsiteId: res.onsiteId as string, interviews: res.interviews as Json[] };
      }

      it("gives an interviewer their own invite: text/calendar REQUEST, UTC times, focus and notes, organizer the scheduler, no pay and no candidate e-mail", async () => {
        const { candidate, interviews } = await onsite();
        const res = await h.call('GET', `/api/v1/interviews/${interviews[0].id}/invite.ics`, { token: ann.token });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
        expect(res.headers['content-disposition']).toBe('attachment; filename="interview-2026-11-05-system-design.ics"');
        const cal = parseIcs(res.body);
        expect(icsProperty(cal, 'METHOD')!.value).toBe('REQUEST');
        const e = event(res.body);
        expect([value(e, 'UID'), value(e, 'SEQUENCE'), value(e, 'DTSTART'), value(e, 'DTEND'), value(e, 'STATUS')]).toEqual([
          `interview-${interviews[0].id}@closer`,
          '0',
          '20261105T090000Z',
          '20261105T100000Z',
          'CONFIRMED',
        ]);
        expect(value(e, 'DESCRIPTION')).toContain('Notes: Probe the NCCL incident');
        expect(value(e, 'DESCRIPTION')).toContain('Cover: Distributed training');
        expect(value(e, 'LOCATION')).toBe('Office, 2nd floor; ask at reception');
        expect(icsProperty(e, 'ORGANIZER')).toMatchObject({ params: { CN: expect.stringMatching(/recruiter/) }, value: `mailto:rita-loops-${dialect.name}@test.example` });
        expect(e.properties.filter((p) => p.name === 'ATTENDEE').map((p) => p.value)).toEqual([`mailto:ann-loops-${dialect.name}@test.example`]);
        for (const t of [...PAY_TEXTS, candidate.email]) expect(res.body).not.toContain(t);
      });

      it('lets an interviewer download nothing else: 403 for the candidate or a colleague, 404 for an interview they are not on', async () => {
        const { interviews } = await onsite();
        const forCandidate = await h.call('GET', `/api/v1/interviews/${interviews[2].id}/invite.ics?for=candidate`, { token: ann.token });
        expect([forCandidate.statusCode, forCandidate.json().code]).toEqual([403, 'FORBIDDEN']);
        const forCat = await h.call('GET', `/api/v1/interviews/${interviews[2].id}/invite.ics?for=${cat.userId}`, { token: ann.token });
        expect(forCat.statusCode).toBe(403);
        const notOn = await h.call('GET', `/api/v1/interviews/${interviews[1].id}/invite.ics`, { token: ann.token });
        expect([notOn.statusCode, notOn.json().code]).toEqual([404, 'INTERVIEW_NOT_FOUND']);
        expect((await h.call('GET', `/api/v1/interviews/${interviews[2].id}/invite.ics`, { token: cat.token })).statusCode).toBe(200);
      });

      it("lets staff download any interviewer's invite and the candidate's, which carries no notes, focus, stage or pay", async () => {
        const { candidate, interviews } = await onsite();
        const bobs = await h.call('GET', `/api/v1/interviews/${interviews[1].id}/invite.ics?for=${bob.userId}`, { token: recruiter.token });
        expect(bobs.statusCode).toBe(200);
        expect(event(bobs.body).properties.find((p) => p.name === 'ATTENDEE')!.value).toBe(`mailto:bob-loops-${dialect.name}@test.example`);
        const res = await h.call('GET', `/api/v1/interviews/${interviews[0].id}/invite.ics?for=candidate`, { token: recruiter.token });
        expect(res.statusCode).toBe(200);
        const e = event(res.body);
        expect(value(e, 'UID')).toBe(`interview-${interviews[0].id}-candidate@closer`);
        expect(value(e, 'SUMMARY')).toBe('System design with Test Co');
        expect(e.properties.filter((p) => p.name === 'ATTENDEE').map((p) => p.value)).toEqual([`mailto:${candidate.email}`]);
        for (const t of [...PAY_TEXTS, 'NCCL', 'Distributed training', 'Final interviews', `ann-loops-${dialect.name}`]) expect(res.body).not.toContain(t);
        const notOnIt = await h.call('GET', `/api/v1/interviews/${interviews[0].id}/invite.ics?for=${bob.userId}`, { token: recruiter.token });
        expect([notOnIt.statusCode, notOnIt.json().field]).toEqual([400, 'for']);
        const own = await h.call('GET', `/api/v1/interviews/${interviews[0].id}/invite.ics`, { token: recruiter.token });
        expect([own.statusCode, own.json().field]).toEqual([400, 'for']);
      });

      it('keeps the UID, raises SEQUENCE on a reschedule, and sends CANCEL with STATUS:CANCELLED after a cancel', async () => {
        const { interviews } = await onsite();
        const iv = interviews[1];
        const url = `/api/v1/interviews/${iv.id}/invite.ics?for=${bob.userId}`;
        const before = event((await h.call('GET', url, { token: h.ownerToken })).body);
        const moved = await expectOk(h.call('PATCH', `/api/v1/interviews/${iv.id}`, { token: h.ownerToken, body: { scheduledAt: at('14:00') }, headers: { 'if-match': `"${iv.version}"` } }), 200, 'move');
        const after = event((await h.call('GET', url, { token: h.ownerToken })).body);
        expect(value(after, 'UID')).toBe(value(before, 'UID'));
        expect(Number(value(after, 'SEQUENCE'))).toBeGreaterThan(Number(value(before, 'SEQUENCE')));
        expect(value(after, 'DTSTART')).toBe('20261105T140000Z');
        await expectOk(h.call('POST', `/api/v1/interviews/${iv.id}/cancel`, { token: h.ownerToken, body: {}, headers: { 'if-match': `"${moved.version}"` } }), 200, 'cancel');
        const res = await h.call('GET', `/api/v1/interviews/${iv.id}/invite.ics`, { token: bob.token });
        expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
        const cancelled = event(res.body);
        expect(icsProperty(parseIcs(res.body), 'METHOD')!.value).toBe('CANCEL');
        expect([value(cancelled, 'UID'), value(cancelled, 'STATUS')]).toEqual([value(before, 'UID'), 'CANCELLED']);
        expect(Number(value(cancelled, 'SEQUENCE'))).toBeGreaterThan(Number(value(after, 'SEQUENCE')));
      });

      it("serves the candidate's whole onsite as one calendar to staff only", async () => {
        const { onsiteId, interviews, candidate } = await onsite();
        const res = await h.call('GET', `/api/v1/onsites/${onsiteId}/invite.ics`, { token: recruiter.token });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toBe('attachment; filename="onsite-2026-11-05-candidate.ics"');
        const cal = parseIcs(res.body);
        expect(cal.components.map((c) => value(c, 'UID'))).toEqual(interviews.map((i) => `interview-${i.id}-candidate@closer`));
        expect(cal.components.every((c) => c.properties.find((p) => p.name === 'ATTENDEE')!.value === `mailto:${candidate.email}`)).toBe(true);
        for (const t of [...PAY_TEXTS, 'NCCL']) expect(res.body).not.toContain(t);
        expect((await h.call('GET', `/api/v1/onsites/${onsiteId}/invite.ics`, { token: ann.token })).statusCode).toBe(403);
        const unknown = await h.call('GET', '/api/v1/onsites/no-such-onsite/invite.ics', { token: recruiter.token });
        expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'ONSITE_NOT_FOUND']);
      });

      it('an interviewer never sees pay on any interview view of the loop', async () => {
        const { application, interviews } = await onsite();
        for (const url of [`/api/v1/interviews/${interviews[0].id}`, `/api/v1/applications/${application.id}/interviews`, '/api/v1/interviews?mine=true', `/api/v1/interviews/${interviews[0].id}/scorecard`]) {
          const res = await h.call('GET', url, { token: ann.token });
          expect(res.statusCode, url).toBe(200);
          for (const t of PAY_TEXTS) expect(res.body, url).not.toContain(t);
          expect(res.body).not.toContain('currentCompensation');
        }
      });
    });
  });
}
