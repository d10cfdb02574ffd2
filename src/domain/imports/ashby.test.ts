import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from './canonical.js';
import { ashbyResource, parseAshby } from './ashby.js';
import { fileFromText, filesFromDir } from '../../test-support/import-files.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/ashby', import.meta.url));
const byId = <T extends { externalId: string }>(list: T[]): Record<string, T> => Object.fromEntries(list.map((x) => [x.externalId, x]));

describe('parseAshby on API pages', () => {
  let batch: ImportBatch;
  beforeAll(async () => {
    batch = await parseAshby(filesFromDir(FIXTURES));
  });

  it('reads jobs with department and location names, and interview stages in plan order on their job', () => {
    expect(batch.roles).toEqual([{ externalSystem: 'ashby', externalId: 'job-1', title: 'Founding ML Engineer', status: 'open', openedAt: '2026-09-15T16:00:00.000Z', department: 'Engineering', location: 'San Francisco' }]);
    expect([...batch.stages].sort((a, b) => a.order - b.order).map((s) => [s.name, s.roleExternalId])).toEqual([
      ['Application Review', 'job-1'], ['Recruiter Screen', 'job-1'], ['Technical Interview', 'job-1'], ['Offer', 'job-1'], ['Hired', 'job-1'],
    ]);
  });

  it('reads candidates across pages with unicode names, and a nameless one by e-mail with a warning', () => {
    const c = byId(batch.candidates);
    expect(c['cand-1']).toEqual({
      externalSystem: 'ashby', externalId: 'cand-1', name: 'Mateus Conceição', email: 'mateus@example.br', otherEmails: ['m.conceicao@uni.example'], phone: '+55 11 91234-5678',
      links: ['https://linkedin.example/in/mateus'], location: 'São Paulo, Brazil', currentEmployer: 'Nubank', title: 'Staff ML Engineer', tags: ['Referral'], createdAt: '2026-09-16T10:00:00.000Z',
    });
    expect(c['cand-2']).toEqual({ externalSystem: 'ashby', externalId: 'cand-2', name: '山田 愛子', otherEmails: [], links: [], tags: [], createdAt: '2026-09-20T10:00:00.000Z' });
    expect(c['cand-3'].name).toBe('lead@example.com');
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'missing-field', recordId: 'cand-3', file: 'candidate.list/page-2.json', line: 4 }));
  });

  it('builds stage history from listHistory, closes hired and archived applications, and marks leads', () => {
    const a = byId(batch.applications);
    expect(a['app-1']).toEqual({
      externalSystem: 'ashby', externalId: 'app-1', candidateExternalId: 'cand-1', roleExternalId: 'job-1', createdAt: '2026-09-16T10:00:00.000Z', sourceName: 'Referral', referrerName: 'Ravi Iyer',
      stageHistory: [
        { stageExternalId: 'stg-app', at: '2026-09-16T10:00:00.000Z' },
        { stageExternalId: 'stg-screen', at: '2026-09-18T10:00:00.000Z' },
        { stageExternalId: 'stg-tech', at: '2026-09-25T10:00:00.000Z' },
        { stageExternalId: 'stg-offer', at: '2026-10-05T10:00:00.000Z' },
        { stageExternalId: 'stg-hired', at: '2026-10-20T10:00:00.000Z' },
      ],
      currentStageExternalId: 'stg-hired', status: 'hired', closedAt: '2026-10-20T10:00:00.000Z', prospect: false,
    });
    expect(a['app-2']).toMatchObject({ status: 'withdrawn', rejectionReason: 'Accepted another offer', closedAt: '2026-10-02T10:00:00.000Z', currentStageExternalId: 'stg-screen' });
    expect(a['app-2'].stageHistory.map((h) => h.stageExternalId)).toEqual(['stg-app', 'stg-screen']);
    expect(a['app-3']).toMatchObject({ prospect: true, status: 'active', stageHistory: [] });
    expect(a['app-4']).toBeUndefined();
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'missing-reference', recordId: 'app-4', file: 'application.list.json', line: 97 }));
    expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads feedback with the overall recommendation, scores as ratings and text as answers', () => {
    expect(batch.feedback).toEqual([{
      externalSystem: 'ashby', externalId: 'fb-1', applicationExternalId: 'app-1', interviewExternalId: 'int-1', authorExternalId: 'usr-2', authorName: 'Ravi Iyer', submittedAt: '2026-09-30T18:00:00.000Z',
      recommendation: 'strong_yes', ratings: [{ attribute: 'System design', rating: '3' }], answers: [{ question: 'Notes', answer: 'Shipped a feature store at scale — très solide.' }],
    }]);
  });

  it('reads an offer with two versions oldest first, pay, custom fields and approvals', () => {
    expect(batch.offers).toEqual([{
      externalSystem: 'ashby', externalId: 'off-1', applicationExternalId: 'app-1', status: 'accepted', resolvedAt: '2026-10-18T12:00:00.000Z',
      versions: [
        { version: 1, createdAt: '2026-10-06T09:00:00.000Z', startDate: '2026-11-15', base: { amount: 195000, currency: 'USD' }, otherTerms: { 'Equity (shares)': '30000' } },
        { version: 2, createdAt: '2026-10-12T09:00:00.000Z', startDate: '2026-12-01', base: { amount: 210000, currency: 'USD' }, otherTerms: { 'Equity (shares)': '40000' } },
      ],
      approvals: [
        { approverExternalId: 'usr-1', status: 'approved', resolvedAt: '2026-10-06T15:00:00.000Z' },
        { approverExternalId: 'usr-1', status: 'approved', resolvedAt: '2026-10-12T15:00:00.000Z' },
      ],
    }]);
    expect(batch.interviews).toEqual([{ externalSystem: 'ashby', externalId: 'int-1', applicationExternalId: 'app-1', name: 'Technical Interview', startsAt: '2026-09-30T16:00:00.000Z', endsAt: '2026-09-30T17:00:00.000Z', status: 'Complete', interviewerExternalIds: ['usr-2'] }]);
  });
});

describe('parseAshby on bad input', () => {
  it('treats a success:false page as an error and reads the pages around it', async () => {
    const batch = await parseAshby([
      fileFromText('candidate.list/page-1.json', '{"success": true, "results": [{"id": "c1", "name": "A", "createdAt": "2026-01-01T00:00:00Z"}], "moreDataAvailable": true}', 11),
      fileFromText('candidate.list/page-2.json', '{"success": false, "errors": ["invalid_cursor"]}', 5),
    ]);
    expect(batch.candidates.map((c) => c.externalId)).toEqual(['c1']);
    expect(batch.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'vendor-error', file: 'candidate.list/page-2.json', message: expect.stringContaining('invalid_cursor') })]);
  });

  it('names resources from RPC-style file names', () => {
    expect(ashbyResource('application.listHistory')).toBe('history');
    expect(ashbyResource('applicationFeedback.list')).toBe('feedback');
    expect(ashbyResource('interview_stages')).toBe('stages');
    expect(ashbyResource('archiveReasons')).toBe('archive_reasons');
    expect(ashbyResource('candidates')).toBe('candidates');
    expect(ashbyResource('weather')).toBeUndefined();
  });
});
