import { describe, expect, it } from 'vitest';
import { describeAuditAction, describeAuditEntity } from './words.js';

describe('describeAuditAction', () => {
  it.each([
    ['role.create', [], 'Created a role'],
    ['role.band.set', ['bands.seed.baseMin'], 'Recorded a board-approved band'],
    ['company.update', ['settings.approvals'], 'Changed the approval settings'],
    ['company.update', ['settings.pipeline'], 'Changed the clock and risk settings'],
    ['company.update', ['name', 'stage'], 'Changed the company profile'],
    ['company.update', [], 'Changed the company profile or settings'],
    ['offer.approve-in-band', ['status'], 'Approved an offer inside the band'],
    ['widget.frobnicate', [], 'Widget frobnicate'],
  ])('%s with %j reads "%s"', (action, fields, words) => {
    expect(describeAuditAction(action, fields)).toBe(words);
  });
});

describe('describeAuditEntity', () => {
  it('names known record kinds and builds words for unknown ones', () => {
    expect(describeAuditEntity('api_token')).toBe('API token');
    expect(describeAuditEntity('role')).toBe('Role');
    expect(describeAuditEntity('gizmo_part')).toBe('Gizmo part');
  });
});
