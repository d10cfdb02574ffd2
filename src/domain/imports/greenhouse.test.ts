import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportBatch } from './canonical.js';
import { greenhouseResource, parseGreenhouse } from './greenhouse.js';
import { fileFromText, filesFromDir } from '../../test-support/import-files.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/greenhouse', import.meta.url));
const byId = <T extends { externalId: string }>(list: T[]): Record<string, T> => Object.fromEntries(list.map((x) => [x.externalId, x]));
const strip = <T extends object>(list: T[]) => list.map(({ externalSystem: _s, ...rest }: T & { externalSystem?: unknown }) => rest);

describe('parseGreenhouse on a Harvest v3 export with a v1 dump beside it', () => {
  let batch: ImportBatch;
  it('reads every entity with its external id', async () => {
    batch = await parseGreenhouse(filesFromDir(FIXTURES));
    expect(batch.system).toBe('greenhouse');
    expect({
      users: batch.users.length, roles: batch.roles.length, stages: batch.stages.length, candidates: batch.candidates.length,
      applications: batch.applications.length, interviews: batch.interviews.length, feedback: batch.feedback.length, offers: batch.offers.length, notes: batch.notes.length,
    }).toEqual({ users: 2, roles: 2, stages: 8, candidates: 5, applications: 6, interviews: 1, feedback: 2, offers: 2, notes: 1 });
    for (const list of [batch.users, batch.roles, batch.stages, batch.candidates, batch.applications, batch.offers]) {
      for (const r of list) expect(r.externalSystem).toBe('greenhouse');
    }
  });

  it('reads candidates from paginated pages and a nested v1 dump, v3 winning when both hold one, with unicode names', () => {
    const c = byId(batch.candidates);
    expect(c['1001']).toEqual({
      externalSystem: 'greenhouse', externalId: '1001', name: 'Zoë Müller-Łukasiewicz', email: 'zoe@example.com', otherEmails: ['zoe.m@work.test'],
      phone: '+49 30 1234567', links: ['https://zoe.example.com', 'https://github.com/zoe'], location: 'Berlin', currentEmployer: 'DeepLab',
      title: 'Research Scientist', tags: ['Python', 'LLM'], createdAt: '2026-09-02T10:00:00.000Z',
    });
    expect(c['1003']).toEqual({ externalSystem: 'greenhouse', externalId: '1003', name: 'Amara Ndiaye', email: 'amara@example.com', otherEmails: [], links: [], tags: [], createdAt: '2026-09-10T09:00:00.000Z' });
    expect(c['3001']).toMatchObject({ name: 'Søren Kierkegård', email: 'soren@example.dk', currentEmployer: 'Fjord AI', tags: ['Rust'] });
    expect(c['3002'].name).toBe('Ana Peña');
  });

  it('reads roles from v3 ids and v1 nested departments and offices, and stages per job in plan order', () => {
    expect(strip(batch.roles).sort((a, b) => a.externalId.localeCompare(b.externalId))).toEqual([
      { externalId: '501', title: 'ML Research Engineer', status: 'open', openedAt: '2026-09-01T09:00:00.000Z', department: 'Research', location: 'Berlin' },
      { externalId: '502', title: 'Inference Engineer', status: 'closed', openedAt: '2025-05-20T09:00:00.000Z', closedAt: '2025-07-01T09:00:00.000Z', department: 'Platform', location: 'Copenhagen, Denmark' },
    ]);
    const plan = (role: string) => batch.stages.filter((s) => s.roleExternalId === role).sort((a, b) => a.order - b.order).map((s) => s.name);
    expect(plan('501')).toEqual(['Application Review', 'Phone Screen', 'Technical Interview', 'Onsite', 'Offer']);
    expect(plan('502')).toEqual(['Application Review', 'Take-home', 'Final']);
  });

  it('keeps the stage history with real entry times: v3 application_stages, v1 application_history, else the current stage', () => {
    const a = byId(batch.applications);
    expect(a['2001']).toEqual({
      externalSystem: 'greenhouse', externalId: '2001', candidateExternalId: '1001', roleExternalId: '501', createdAt: '2026-09-03T08:00:00.000Z', sourceName: 'LinkedIn',
      stageHistory: [
        { stageExternalId: '601', at: '2026-09-03T08:00:00.000Z' },
        { stageExternalId: '602', at: '2026-09-04T10:00:00.000Z' },
        { stageExternalId: '603', at: '2026-09-08T09:00:00.000Z' },
        { stageExternalId: '604', at: '2026-09-15T09:00:00.000Z' },
        { stageExternalId: '605', at: '2026-09-22T09:00:00.000Z' },
      ],
      currentStageExternalId: '605', status: 'hired', closedAt: '2026-09-28T09:30:00.000Z', prospect: false,
    });
    // A stage the application never entered (entered_at null) is not history; rows listed out of time order are sorted.
    expect(a['2002'].stageHistory.map((h) => h.stageExternalId)).toEqual(['601', '602', '603']);
    expect(a['2003'].stageHistory).toEqual([{ stageExternalId: '601', at: '2026-09-10T09:00:00.000Z' }, { stageExternalId: '602', at: '2026-09-12T09:00:00.000Z' }]);
    expect(a['4001'].stageHistory).toEqual([{ stageExternalId: '700', at: '2025-06-01T08:00:00.000Z' }, { stageExternalId: '701', at: '2025-06-05T08:00:00.000Z' }]);
    expect(a['4002'].stageHistory).toEqual([{ stageExternalId: '700', at: '2025-06-03T08:00:00.000Z' }]);
    expect(batch.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'no-stage-history', message: expect.stringContaining('1 application') }));
  });

  it('closes rejected applications with their mapped reason, keeps sources and referrers, and marks prospects', () => {
    const a = byId(batch.applications);
    expect(a['2002']).toMatchObject({ status: 'rejected', closedAt: '2026-09-20T16:00:00.000Z', rejectionReason: 'Lacking skill(s)', sourceName: 'Referral', referrerName: 'Kai Tanaka' });
    expect(a['4002']).toMatchObject({ status: 'rejected', closedAt: '2025-06-10T08:00:00.000Z', rejectionReason: 'Went with another candidate', referrerName: 'Jonas Weiß' });
    expect(a['4001']).toMatchObject({ status: 'active', sourceName: 'Company website', roleExternalId: '502' });
    expect(a['4001'].referrerName).toBeUndefined();
    expect(a['2005']).toMatchObject({ prospect: true, stageHistory: [] });
    expect(a['2005'].roleExternalId).toBeUndefined();
  });

  it('reports missing references with file, line and record id instead of throwing', () => {
    expect(batch.applications.map((a) => a.externalId)).not.toContain('2004');
    expect(batch.problems).toContainEqual({ severity: 'warning', code: 'missing-reference', message: expect.stringContaining('candidate 9999'), file: 'harvest-v3/applications.json', line: 52, recordId: '2004', field: 'candidate_id' });
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'missing-reference', recordId: '2999', file: 'harvest-v3/application_stages.json', line: 101 }));
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'out-of-order', recordId: '2003', file: 'harvest-v3/application_stages.json' }));
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'duplicate-record' }));
    expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads scorecards as imported feedback from v3 joins and v1 nested attributes, skipping drafts and private notes', () => {
    const f = byId(batch.feedback);
    expect(f['801']).toEqual({
      externalSystem: 'greenhouse', externalId: '801', applicationExternalId: '2001', authorExternalId: '102', authorName: 'Jonas Weiß', submittedAt: '2026-09-08T16:30:00.000Z',
      recommendation: 'strong_yes', ratings: [{ attribute: 'PyTorch', rating: 'strong_yes' }, { attribute: 'Research taste', rating: 'yes', note: 'Asked good questions' }],
      answers: [{ question: 'Would you hire?', answer: 'Yes' }], notes: 'Excellent depth on attention variants.',
    });
    expect(f['5001']).toMatchObject({ recommendation: 'strong_no', interviewName: 'Take-home review', authorName: 'Mira Okafor', answers: [{ question: 'Key observations', answer: 'No tests for the batching code.' }] });
    expect(f['5001'].ratings).toEqual([{ attribute: 'Code quality', rating: 'no' }, { attribute: 'Communication', rating: 'yes', note: 'Clear write-up' }]);
    expect(f['802']).toBeUndefined();
    expect(JSON.stringify(batch.feedback)).not.toContain('Expects a high salary');
  });

  it('groups offer versions per application, oldest first, with pay from custom fields and the approvals of every version', () => {
    const o = byId(batch.offers);
    expect(o['901']).toEqual({
      externalSystem: 'greenhouse', externalId: '901', applicationExternalId: '2001', status: 'accepted', resolvedAt: '2026-09-28T09:30:00.000Z',
      versions: [
        { version: 1, createdAt: '2026-09-23T00:00:00.000Z', sentAt: '2026-09-23T00:00:00.000Z', startDate: '2026-11-01', base: { amount: 180000, currency: 'EUR' }, otherTerms: { equity_shares: '20000' } },
        { version: 2, createdAt: '2026-09-25T10:00:00.000Z', sentAt: '2026-09-26T00:00:00.000Z', startDate: '2026-11-15', base: { amount: 195000, currency: 'EUR' }, otherTerms: { equity_shares: '25000' } },
      ],
      approvals: [
        { approverExternalId: '101', status: 'approved', resolvedAt: '2026-09-22T15:00:00.000Z' },
        { approverExternalId: '101', status: 'approved', resolvedAt: '2026-09-25T11:00:00.000Z' },
        { approverExternalId: '102', status: 'approved', resolvedAt: '2026-09-25T12:00:00.000Z' },
      ],
    });
    expect(o['6001']).toMatchObject({ status: 'draft', versions: [{ version: 1, startDate: '2025-08-01', base: { amount: 150000, currency: 'USD' }, otherTerms: { Bonus: '10%' } }] });
  });

  it('reads interviews with their names and interviewers, and notes', () => {
    expect(strip(batch.interviews)).toEqual([{ externalId: '1101', applicationExternalId: '2001', name: 'Technical deep dive', startsAt: '2026-09-08T14:00:00.000Z', endsAt: '2026-09-08T15:00:00.000Z', status: 'complete', interviewerExternalIds: ['102'] }]);
    expect(strip(batch.notes)).toEqual([{ externalId: '1301', candidateExternalId: '1001', body: 'Met at NeurIPS 🎉', createdAt: '2026-09-02T11:00:00.000Z', authorExternalId: '101' }]);
  });
});

describe('parseGreenhouse whatever the chunking', () => {
  it('gives the same batch when the files arrive one character at a time or whole', async () => {
    const whole = await parseGreenhouse(filesFromDir(FIXTURES, 1 << 20));
    const tiny = await parseGreenhouse(filesFromDir(FIXTURES, 1));
    expect(tiny).toEqual(whole);
  });

  it('reads one file that holds several resources under their names', async () => {
    const batch = await parseGreenhouse([fileFromText('export.json', JSON.stringify({
      jobs: [{ id: 1, name: 'Researcher', status: 'open' }],
      candidates: [{ id: 2, first_name: 'Ada', last_name: 'L', created_at: '2026-01-01T00:00:00Z', email_addresses: [] }],
      applications: [{ id: 3, candidate_id: 2, job_id: 1, created_at: '2026-01-02T00:00:00Z', status: 'in_process', prospect: false }],
      exported_by: 'someone',
    }), 5)]);
    expect(batch.applications).toEqual([expect.objectContaining({ externalId: '3', candidateExternalId: '2', roleExternalId: '1' })]);
    expect(batch.problems).toEqual([]);
  });
});

describe('parseGreenhouse on bad input', () => {
  it('turns malformed JSON, files of unknown resources and missing dates into problems and keeps the good records', async () => {
    const batch = await parseGreenhouse([
      fileFromText('candidates.json', '[{"id": 1, "first_name": "A", "created_at": "2026-01-01T00:00:00Z"},\n{"id": 2, "first_name": }\n]', 7),
      fileFromText('mystery.json', '[{"id": 1}]'),
      fileFromText('applications.json', '{"data": [{"id": 10, "candidate_id": 1, "job_id": 99, "status": "in_process", "prospect": false}]}'),
      fileFromText('readme.txt', 'hello'),
    ]);
    expect(batch.candidates.map((c) => c.externalId)).toEqual(['1']);
    expect(batch.applications).toEqual([]);
    expect(batch.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: 'error', code: 'malformed-json', file: 'candidates.json', line: 2 }),
      expect.objectContaining({ code: 'unknown-file', file: 'mystery.json' }),
      expect.objectContaining({ code: 'unknown-file', file: 'readme.txt' }),
      expect.objectContaining({ code: 'missing-field', recordId: '10', field: 'created_at' }),
    ]));
  });

  it('names resources from file names, page folders and v1/v3 prefixes', () => {
    expect(greenhouseResource('candidates')).toBe('candidates');
    expect(greenhouseResource('applicationStages')).toBe('application_stages');
    expect(greenhouseResource('v1_scorecards')).toBe('scorecards');
    expect(greenhouseResource('custom_field_options')).toBe('custom_fields');
    expect(greenhouseResource('nothing')).toBeUndefined();
  });
});
