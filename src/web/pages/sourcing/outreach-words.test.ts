import { describe, expect, it } from 'vitest';
import type { Enrollment } from '../../api/sequences.js';
import { enrollmentWords, enrollOutcomeWords, lintSummary, moveItem, stepWords } from './outreach-words.js';

const enrollment = (over: Partial<Enrollment>): Enrollment => ({
  id: 'e1', sequenceId: 's1', sequenceName: 'Cash first', prospectId: 'p1', prospectName: 'Ada Lovelace', status: 'active', stepIndex: 1, stepCount: 3,
  currentStep: { index: 1, kind: 'wait', templateId: null, templateName: null, businessDays: 1, task: null, note: null },
  dueAt: '2026-12-07T09:00:00.000Z', stopReason: null, enrolledBy: null, createdAt: '', updatedAt: '', version: 1, ...over,
});

describe('outreach words', () => {
  it('says each step in words, with singular and plural days and the task note', () => {
    expect(stepWords({ kind: 'email', templateName: 'First touch' })).toBe('E-mail: First touch');
    expect(stepWords({ kind: 'wait', businessDays: 1 })).toBe('Wait 1 business day');
    expect(stepWords({ kind: 'wait', businessDays: 4 })).toBe('Wait 4 business days');
    expect(stepWords({ kind: 'task', task: 'call', note: 'after 5 pm' })).toBe('Task: call them (after 5 pm)');
  });

  it('says where an enrollment is, or why it stopped, never the ids', () => {
    expect(enrollmentWords(enrollment({}))).toBe('Next (step 2 of 3): wait 1 business day');
    expect(enrollmentWords(enrollment({ status: 'waiting-task', currentStep: { index: 1, kind: 'task', templateId: null, templateName: null, businessDays: null, task: 'message', note: null } }))).toBe('To do (step 2 of 3): task: message them on another network');
    expect(enrollmentWords(enrollment({ status: 'stopped', stopReason: 'opted-out' }))).toBe('Stopped: they opted out');
    expect(enrollmentWords(enrollment({ status: 'finished', stepIndex: 3, currentStep: null }))).toBe('Finished every step');
    expect(enrollOutcomeWords({ prospectId: 'p', outcome: 'suppressed', reason: 'bounced' })).toBe('Not enrolled: their address bounced');
    expect(enrollOutcomeWords({ prospectId: 'p', outcome: 'already', reason: 'already-enrolled' })).toBe('Already in this sequence');
  });

  it('moves a step within the list and counts the lint in words', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(lintSummary({ errors: 1, warnings: 2, infos: 1 })).toBe('1 error, 2 warnings, 1 note');
    expect(lintSummary({ errors: 0, warnings: 0, infos: 0 })).toBe('No problems found');
  });
});
