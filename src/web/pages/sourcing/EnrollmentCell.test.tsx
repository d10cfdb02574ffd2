// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Enrollment } from '../../api/sequences.js';
import { EnrollmentCell } from './EnrollmentCell.js';

afterEach(cleanup);

const task = { index: 2, kind: 'task' as const, templateId: null, templateName: null, businessDays: null, task: 'call' as const, note: null };
const enrollment = (over: Partial<Enrollment>): Enrollment => ({
  id: 'enr-1', sequenceId: 'seq-1', sequenceName: 'Cash first', prospectId: 'p1', prospectName: 'Ada Lovelace', status: 'waiting-task', stepIndex: 2, stepCount: 3,
  currentStep: task, dueAt: '2026-12-07T09:00:00.000Z', stopReason: null, enrolledBy: null, createdAt: '', updatedAt: '', version: 4, ...over,
});

describe('EnrollmentCell', () => {
  it('shows a due task with a button that marks it done, and a stopped one with its reason and no button', () => {
    const onTaskDone = vi.fn();
    const due = enrollment({});
    render(
      <MemoryRouter>
        <EnrollmentCell items={[due, enrollment({ id: 'enr-2', sequenceName: 'Nurture', status: 'stopped', stopReason: 'replied', currentStep: null })]} canWrite onTaskDone={onTaskDone} />
      </MemoryRouter>,
    );
    expect(screen.getByText(/To do \(step 3 of 3\): task: call them/)).toBeTruthy();
    expect(screen.getByText(/Stopped: they replied/)).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Mark the Cash first task for Ada Lovelace done' }));
    expect(onTaskDone).toHaveBeenCalledWith(due);
    expect(screen.getByRole('link', { name: 'Cash first' }).getAttribute('href')).toBe('/sourcing/sequences/seq-1');
  });

  it('offers no button to someone who may only read, and says so when a person is in no sequence', () => {
    const { rerender } = render(<MemoryRouter><EnrollmentCell items={[enrollment({})]} canWrite={false} onTaskDone={() => {}} /></MemoryRouter>);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<MemoryRouter><EnrollmentCell items={[]} canWrite onTaskDone={() => {}} /></MemoryRouter>);
    expect(screen.getByText('Not in a sequence')).toBeTruthy();
  });
});
