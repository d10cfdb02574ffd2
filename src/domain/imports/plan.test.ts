import { describe, expect, it } from 'vitest';
import { emptyBatch, type ImportBatch } from './canonical.js';
import { planImport, type ImportLookups } from './plan.js';

const STAGES = [
  { id: 'sourced', name: 'Sourced' },
  { id: 'screen', name: 'Screen' },
  { id: 'final', name: 'Final' },
];
const NOW = new Date('2026-12-01T00:00:00Z');
const none: ImportLookups = { links: { roles: new Map(), candidates: new Map(), applications: new Map(), feedback: new Map(), notes: new Map(), interviews: new Map(), offers: new Map() }, candidatesByEmail: new Map() };

function batch(): ImportBatch {
  const b = emptyBatch('lever');
  b.roles.push({ externalSystem: 'lever', externalId: 'r1', title: 'ML', status: 'open' });
  b.stages.push({ externalSystem: 'lever', externalId: 's1', name: 'Phone', order: 1 }, { externalSystem: 'lever', externalId: 's2', name: 'Onsite', order: 2 });
  b.candidates.push({ externalSystem: 'lever', externalId: 'c1', name: 'Ada', email: 'ada@x.example', otherEmails: [], links: [], tags: [], createdAt: '2026-01-01T00:00:00Z' });
  const app = { externalSystem: 'lever' as const, candidateExternalId: 'c1', roleExternalId: 'r1', createdAt: '2026-01-01T00:00:00Z', prospect: false };
  b.applications.push(
    { ...app, externalId: 'a1', status: 'rejected', rejectionReason: 'Candidate withdrew', stageHistory: [{ stageExternalId: 's2', at: '2026-01-09T00:00:00Z' }, { stageExternalId: 's1', at: '2026-01-05T00:00:00Z' }] },
    { ...app, externalId: 'a2', roleExternalId: 'missing', status: 'active', stageHistory: [] },
    { ...app, externalId: 'a3', status: 'active', stageHistory: [{ stageExternalId: 's1', at: '2027-06-01T00:00:00Z' }] },
  );
  b.feedback.push({ externalSystem: 'lever', externalId: 'f1', applicationExternalId: 'a1', recommendation: 'yes', ratings: [], answers: [] });
  return b;
}

let n = 0;
const options = { stages: STAGES, mapping: { phone: 'screen', onsite: 'final' }, now: NOW, newId: () => `id-${++n}` };

describe('planImport', () => {
  it('puts history in time order, maps withdrawals and reasons, and reports missing records and future times as warnings', () => {
    const plan = planImport(batch(), none, options);
    expect(plan.applications).toHaveLength(1);
    const [a1] = plan.applications;
    expect(plan.eventsOf(a1!).map((e) => [e.type, e.occurredAt])).toEqual([
      ['application.received', '2026-01-01T00:00:00.000Z'],
      ['stage.changed', '2026-01-05T00:00:00.000Z'],
      ['stage.changed', '2026-01-09T00:00:00.000Z'],
      ['application.closed', '2026-01-09T00:00:00.000Z'],
    ]);
    expect(a1).toMatchObject({ stage: 'final', status: 'withdrawn', closedAt: '2026-01-09T00:00:00.000Z' });
    expect(plan.report.problems.map((p) => [p.code, p.recordId])).toEqual([
      ['out-of-order', 'a1'],
      ['missing-reference', 'a2'],
      ['bad-time', 'a3'],
    ]);
    expect(plan.report.counts.applications).toEqual({ create: 1, merge: 0, skip: 2 });
    expect(plan.report.counts.feedback.create).toBe(1);
    expect(plan.report.errors).toBe(0);
  });

  it('merges by e-mail, skips what earlier imports linked, and lists unmapped stages', () => {
    const merged = planImport(batch(), { ...none, candidatesByEmail: new Map([['ada@x.example', 'existing']]) }, options);
    expect(merged.merges).toEqual([{ externalId: 'c1', candidateId: 'existing' }]);
    expect(merged.applications[0]!.candidateId).toBe('existing');
    const linked = planImport(batch(), { ...none, links: { ...none.links, candidates: new Map([['c1', 'k']]), applications: new Map([['a1', 'x']]) } }, { ...options, mapping: {} });
    expect(linked.report.counts.candidates).toEqual({ create: 0, merge: 0, skip: 1 });
    expect(linked.report.stages).toEqual([
      { name: 'Phone', mappedTo: null },
      { name: 'Onsite', mappedTo: null },
    ]);
  });
});
