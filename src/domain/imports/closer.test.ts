import { describe, expect, it } from 'vitest';
import { parseCloser } from './closer.js';
import { fileFromText } from '../../test-support/import-files.js';

// A Closer export's scorecards and offers in the API's shapes, as the one downloaded file.
const EXPORT = {
  format: 'closer-company-export',
  version: 2,
  counts: {},
  candidates: [{ id: 'c1', name: 'Zoë', email: 'zoe@example.com', links: [], createdAt: '2026-10-01T00:00:00.000Z', mergedIntoId: null, source: 'referral' }],
  roles: [{ id: 'r1', title: 'ML Engineer', status: 'open', createdAt: '2026-09-01T00:00:00.000Z' }],
  applications: [{ id: 'a1', candidateId: 'c1', roleId: 'r1', stage: 'final', status: 'active', createdAt: '2026-10-01T00:00:00.000Z', events: [
    { type: 'stage.changed', occurredAt: '2026-10-02T00:00:00.000Z', data: { from: 'sourced', to: 'final' } },
  ] }],
  interviews: [{ id: 'i1', applicationId: 'a1', kind: 'onsite', stageName: 'Final interviews', scheduledAt: '2026-10-03T10:00:00.000Z', endsAt: '2026-10-03T11:00:00.000Z', status: 'completed', interviewers: [{ id: 'u1', name: 'Ann' }] }],
  scorecards: [
    { id: 's1', interviewId: 'i1', interviewerId: 'u1', interviewerName: 'Ann', status: 'submitted', ratings: [{ attributeId: 'mlops', rating: 3, evidence: 'ran the platform' }], recommendation: 'strong-yes', notes: 'hire', submittedAt: '2026-10-03T12:00:00.000Z' },
    { id: 's2', interviewId: 'i1', interviewerId: 'u2', interviewerName: 'Bob', status: 'draft', ratings: [], recommendation: null, notes: '', submittedAt: null },
  ],
  offers: [{ id: 'o1', applicationId: 'a1', status: 'extended', currentVersion: 2, currency: 'USD', respondedAt: null, versions: [] }],
  offerVersions: [
    { offerId: 'o1', version: 2, createdAt: '2026-10-05T00:00:00.000Z', terms: { currency: 'USD', base: 210000, equity: { shares: 1000, fullyDilutedShares: 100000 } }, submittedAt: '2026-10-05T01:00:00.000Z', approvers: [{ id: 'u9', decision: 'approved', decidedAt: '2026-10-05T02:00:00.000Z' }] },
    { offerId: 'o1', version: 1, createdAt: '2026-10-04T00:00:00.000Z', terms: { currency: 'USD', base: 200000, equity: { shares: 1000, fullyDilutedShares: 100000 } }, submittedAt: null, approvers: [] },
  ],
  auditLog: [{ id: 'x', action: 'company.exported' }],
};

describe('the Closer export as an import source', () => {
  it('puts interviews, submitted scorecards (as feedback) and offers with versions and approvals into the batch', async () => {
    const batch = await parseCloser([fileFromText('closer-export-2026-10-06.json', JSON.stringify(EXPORT), 113)]);
    expect(batch.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(batch.interviews).toEqual([{ externalSystem: 'closer', externalId: 'i1', applicationExternalId: 'a1', name: 'Final interviews', startsAt: '2026-10-03T10:00:00.000Z', endsAt: '2026-10-03T11:00:00.000Z', status: 'completed', interviewerExternalIds: ['u1'] }]);
    expect(batch.feedback).toEqual([
      expect.objectContaining({ externalId: 's1', applicationExternalId: 'a1', interviewName: 'Final interviews', authorName: 'Ann', recommendation: 'strong_yes', ratings: [{ attribute: 'mlops', rating: '3', note: 'ran the platform' }], notes: 'hire' }),
    ]);
    const [offer] = batch.offers;
    expect(offer).toMatchObject({ externalId: 'o1', applicationExternalId: 'a1', status: 'sent', approvals: [{ approverExternalId: 'u9', status: 'approved', resolvedAt: '2026-10-05T02:00:00.000Z' }] });
    expect(offer!.versions.map((v) => [v.version, v.base])).toEqual([[1, { amount: 200000, currency: 'USD' }], [2, { amount: 210000, currency: 'USD' }]]);
    expect(batch.applications[0]).toMatchObject({ sourceName: 'referral', stageHistory: [{ stageExternalId: 'sourced', at: '2026-10-01T00:00:00.000Z' }, { stageExternalId: 'final', at: '2026-10-02T00:00:00.000Z' }] });
  });

  it('reads importedOffers back as offers of the batch, with their source status, versions, pay, approvals and origin', async () => {
    const imported = [
      { id: 'io1', applicationId: 'a1', system: 'greenhouse', externalId: '901', status: 'accepted', sourceStatus: 'accepted', draftedAt: '2026-10-03T00:00:00.000Z', sentAt: '2026-10-04T00:00:00.000Z', resolvedAt: '2026-10-05T00:00:00.000Z', currentVersion: 1, approvals: [{ approverExternalId: '77', status: 'approved', resolvedAt: '2026-10-03T12:00:00.000Z' }], versions: [{ version: 1, createdAt: '2026-10-03T00:00:00.000Z', sentAt: '2026-10-04T00:00:00.000Z', startDate: '2026-11-01', base: 180000, currency: 'EUR', otherTerms: {} }] },
      { id: 'io2', applicationId: 'a1', system: 'lever', externalId: 'off-9', status: 'pending-approval', sourceStatus: 'odd', draftedAt: '2026-10-03T00:00:00.000Z', sentAt: null, resolvedAt: null, currentVersion: 1, approvals: [{ status: 'pending' }], versions: [{ version: 1, createdAt: '2026-10-03T00:00:00.000Z', sentAt: null, startDate: null, base: null, currency: null, otherTerms: { 'Base (as in the file)': '1.5 USD' } }] },
      { id: 'io3', applicationId: 'gone', system: 'ashby', externalId: 'x', status: 'draft', sourceStatus: 'draft', draftedAt: '2026-10-03T00:00:00.000Z', approvals: [], versions: [] },
    ];
    const batch = await parseCloser([fileFromText('closer-export.json', JSON.stringify({ ...EXPORT, offers: [], offerVersions: [], importedOffers: imported }), 113)]);
    expect(batch.offers).toEqual([
      { externalSystem: 'closer', externalId: 'io1', applicationExternalId: 'a1', status: 'accepted', resolvedAt: '2026-10-05T00:00:00.000Z', versions: [{ version: 1, createdAt: '2026-10-03T00:00:00.000Z', sentAt: '2026-10-04T00:00:00.000Z', startDate: '2026-11-01', base: { amount: 180000, currency: 'EUR' }, otherTerms: {} }], approvals: [{ approverExternalId: '77', status: 'approved', resolvedAt: '2026-10-03T12:00:00.000Z' }], origin: { system: 'greenhouse', externalId: '901' } },
      // An unknown source status falls back to Closer's status in canonical words; an amount that did not fit stays text.
      { externalSystem: 'closer', externalId: 'io2', applicationExternalId: 'a1', status: 'draft', versions: [{ version: 1, createdAt: '2026-10-03T00:00:00.000Z', otherTerms: { 'Base (as in the file)': '1.5 USD' } }], approvals: [{ status: 'pending' }], origin: { system: 'lever', externalId: 'off-9' } },
    ]);
    expect(batch.problems).toContainEqual(expect.objectContaining({ code: 'missing-reference', recordId: 'io3' }));
  });
});
