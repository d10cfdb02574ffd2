import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from './canonical.js';
import { parseLever } from './lever.js';
import { fileFromText, filesFromDir } from '../../test-support/import-files.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/lever', import.meta.url));
const byId = <T extends { externalId: string }>(list: T[]): Record<string, T> => Object.fromEntries(list.map((x) => [x.externalId, x]));

describe('parseLever on an API export (paginated opportunities, per-opportunity folders, reference lists)', () => {
  let batch: ImportBatch;
  beforeAll(async () => {
    batch = await parseLever(filesFromDir(FIXTURES));
  });

  it('reads account-wide stages in order, postings as roles and users', () => {
    expect(batch.stages.map((s) => [s.externalId, s.name, s.order])).toEqual([
      ['lead-new', 'New lead', 0], ['applicant-new', 'New applicant', 1], ['st-phone', 'Phone screen', 2], ['st-onsite', 'On-site interview', 3], ['offer', 'Offer', 4],
    ]);
    expect(batch.roles).toEqual([{ externalSystem: 'lever', externalId: 'post-1', title: 'Applied Scientist, LLM Evals', status: 'open', openedAt: '2026-08-01T09:00:00.000Z', department: 'R&D', location: 'London' }]);
    expect(batch.users.map((u) => u.name)).toEqual(['Priya Raman', 'Tomás Ortega']);
  });

  it('makes one candidate per contact across opportunities, with unicode names and every address', () => {
    expect(batch.candidates.map((c) => c.externalId)).toEqual(['c-1', 'c-2', 'c-4']);
    expect(byId(batch.candidates)['c-1']).toEqual({
      externalSystem: 'lever', externalId: 'c-1', name: 'Ingrid Ødegaard', email: 'ingrid@example.no', otherEmails: ['ingrid.o@old.example'], phone: '+47 912 34 567',
      links: ['https://scholar.example/ingrid'], location: 'Oslo', title: 'Ex-DeepMind, evals', tags: ['NLP'], createdAt: '2026-07-01T09:00:00.000Z',
    });
    expect(byId(batch.candidates)['c-4'].name).toBe('anon@example.com');
  });

  it('turns stageChanges in epoch milliseconds into the stage history, sorted, with archive reasons as outcomes', () => {
    const a = byId(batch.applications);
    expect(a['opp-1']).toEqual({
      externalSystem: 'lever', externalId: 'opp-1', candidateExternalId: 'c-1', roleExternalId: 'post-1', createdAt: '2026-08-05T09:00:00.000Z', sourceName: 'LinkedIn',
      stageHistory: [
        { stageExternalId: 'applicant-new', at: '2026-08-05T09:00:00.000Z' },
        { stageExternalId: 'st-phone', at: '2026-08-07T09:00:00.000Z' },
        { stageExternalId: 'st-onsite', at: '2026-08-14T09:00:00.000Z' },
        { stageExternalId: 'offer', at: '2026-08-21T09:00:00.000Z' },
      ],
      currentStageExternalId: 'offer', status: 'hired', closedAt: '2026-08-30T12:00:00.000Z', prospect: false,
    });
    expect(a['opp-2']).toMatchObject({
      roleExternalId: 'post-1', status: 'rejected', rejectionReason: 'Underqualified', closedAt: '2026-08-12T10:00:00.000Z', referrerName: 'Tomás Ortega',
      stageHistory: [{ stageExternalId: 'applicant-new', at: '2026-08-08T10:00:00.000Z' }, { stageExternalId: 'st-phone', at: '2026-08-10T10:00:00.000Z' }],
    });
    expect(a['opp-3']).toMatchObject({ status: 'active', stageHistory: [{ stageExternalId: 'applicant-new', at: '2026-07-01T09:00:00.000Z' }] });
    expect(a['opp-3'].roleExternalId).toBeUndefined();
    expect(a['opp-4']).toMatchObject({ status: 'rejected', prospect: true, closedAt: '2026-08-25T09:00:00.000Z' });
    expect(a['opp-4'].rejectionReason).toBeUndefined();
  });

  it('reports missing references, a missing name, out-of-order changes and a missing history', () => {
    const codes = batch.problems.map((p) => [p.code, p.recordId]);
    expect(codes).toEqual(expect.arrayContaining([
      ['missing-reference', 'opp-3'], ['missing-field', 'opp-4'], ['missing-reference', 'opp-4'], ['missing-reference', 'off-9'], ['out-of-order', 'opp-2'],
    ]));
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'missing-reference', recordId: 'opp-3', file: 'opportunities/page-2.json', line: 3 }));
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'no-stage-history' }));
    expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads feedback from a per-opportunity folder with its recommendation, scorecard ratings and answers', () => {
    expect(batch.feedback).toEqual([{
      externalSystem: 'lever', externalId: 'fb-1', applicationExternalId: 'opp-1', interviewExternalId: 'int-1', interviewName: 'On-site feedback', authorExternalId: 'u-2', authorName: 'Tomás Ortega',
      submittedAt: '2026-08-14T16:00:00.000Z', recommendation: 'strong_yes',
      ratings: [{ attribute: 'ML depth', rating: '4' }, { attribute: 'Coding', rating: '3', note: 'Solid' }],
      answers: [{ question: 'Notes', answer: 'Great on evals — très bien' }, { question: 'Would you work with her?', answer: 'yes' }],
    }]);
  });

  it('keeps two offers on one opportunity as two versions with pay, start dates and approvals', () => {
    expect(batch.offers).toEqual([{
      externalSystem: 'lever', externalId: 'off-1', applicationExternalId: 'opp-1', status: 'accepted', resolvedAt: '2026-08-29T08:00:00.000Z',
      versions: [
        { version: 1, createdAt: '2026-08-21T10:00:00.000Z', startDate: '2026-10-01', base: { amount: 150000, currency: 'GBP' }, otherTerms: {} },
        { version: 2, createdAt: '2026-08-24T10:00:00.000Z', sentAt: '2026-08-24T14:00:00.000Z', startDate: '2026-10-15', base: { amount: 160000, currency: 'GBP' }, otherTerms: { 'Sign-on bonus': '10000' } },
      ],
      approvals: [{ status: 'approved', resolvedAt: '2026-08-21T15:00:00.000Z' }, { status: 'approved', resolvedAt: '2026-08-24T12:00:00.000Z' }],
    }]);
  });

  it('reads interviews with an end from their duration, and notes embedded in an opportunity', () => {
    expect(batch.interviews).toEqual([{ externalSystem: 'lever', externalId: 'int-1', applicationExternalId: 'opp-1', name: 'On-site: research talk', startsAt: '2026-08-14T13:00:00.000Z', endsAt: '2026-08-14T14:30:00.000Z', status: 'scheduled', interviewerExternalIds: ['u-2'] }]);
    expect(batch.notes).toEqual([{ externalSystem: 'lever', externalId: 'note-1', applicationExternalId: 'opp-2', body: 'Referred by Tomás after NeurIPS.', createdAt: '2026-08-08T11:00:00.000Z', authorExternalId: 'u-2' }]);
  });
});

describe('parseLever on bad input', () => {
  it('names stages it cannot find from their index, and reports a malformed page without losing the others', async () => {
    const batch = await parseLever([
      fileFromText('opportunities.json', '{"data": [{"id": "o1", "name": "A", "contact": "c1", "createdAt": 1780000000000, "stageChanges": [{"toStageId": "s9", "toStageIndex": 3, "updatedAt": 1780000000000}]}, {"id": "o2", oops}]}', 13),
    ]);
    expect(batch.applications.map((a) => a.externalId)).toEqual(['o1']);
    expect(batch.stages).toEqual([{ externalSystem: 'lever', externalId: 's9', name: 'Stage 3', order: 3 }]);
    expect(batch.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: 'error', code: 'malformed-json', file: 'opportunities.json', line: 1 }),
      expect.objectContaining({ code: 'stage-name-unknown' }),
    ]));
  });
});
