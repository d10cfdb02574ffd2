// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScorecardTemplate } from './api.js';
import { AttributeRating } from './AttributeRating.js';
import { SaveStatus } from './SaveStatus.js';
import { ScorecardProblems } from './ScorecardProblems.js';

afterEach(cleanup);

const attribute = {
  id: 'coding',
  name: 'Coding',
  description: 'Writes working code under time pressure.',
  anchors: { '1': 'Could not start', '4': 'Clean and tested' },
} as unknown as ScorecardTemplate['attributes'][number];
const scale = { '1': 'Weak', '2': 'Mixed', '3': 'Good', '4': 'Strong' } as unknown as ScorecardTemplate['scale'];

describe('SaveStatus', () => {
  it.each([
    [{ status: 'idle' } as const, 'Draft saves as you type.'],
    [{ status: 'pending' } as const, 'Unsaved changes…'],
    [{ status: 'saving' } as const, 'Saving…'],
    [{ status: 'error', message: 'The server is not reachable.' } as const, 'Not saved: The server is not reachable. Your changes are kept on this device and will be sent with the next change.'],
  ])('says where the draft stands (%o)', (state, text) => {
    render(<SaveStatus state={state} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(text);
    expect(status.getAttribute('data-save-status')).toBe(state.status);
  });

  it('says when the draft was saved', () => {
    render(<SaveStatus state={{ status: 'saved', at: new Date(Date.now() - 3 * 60_000).toISOString() }} />);
    expect(screen.getByRole('status').textContent).toMatch(/^✓ Draft saved 3 minutes ago$/);
  });
});

describe('AttributeRating', () => {
  it('rates with the anchors, takes evidence, and names the field that changed', () => {
    const onChange = vi.fn();
    render(<AttributeRating attribute={attribute} scale={scale} row={{ rating: null, evidence: '' }} errors={{}} onChange={onChange} />);
    // The attribute's own anchors where it has them, the template's scale otherwise.
    expect(screen.getByText('Could not start')).toBeTruthy();
    expect(screen.getByText('Mixed')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^3/ }));
    expect(onChange).toHaveBeenLastCalledWith('rating.coding', { rating: 3, evidence: '' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Evidence for Coding' }), { target: { value: 'Built the parser' } });
    expect(onChange).toHaveBeenLastCalledWith('evidence.coding', { rating: null, evidence: 'Built the parser' });
    // Nothing to clear yet.
    expect(screen.queryByRole('button', { name: /Clear Coding/ })).toBeNull();
  });

  it('offers to clear a rated attribute the interview did not cover, and shows errors on the evidence', () => {
    const onChange = vi.fn();
    render(<AttributeRating attribute={attribute} scale={scale} row={{ rating: 2, evidence: '' }} errors={{ 'evidence.coding': 'Give one line of evidence for this rating.' }} onChange={onChange} />);
    const evidence = screen.getByRole('textbox', { name: 'Evidence for Coding' });
    expect(evidence.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give one line of evidence for this rating.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear Coding (not covered)' }));
    expect(onChange).toHaveBeenLastCalledWith('rating.coding', { rating: null, evidence: '' });
  });
});

describe('ScorecardProblems', () => {
  it('shows nothing without problems', () => {
    const { container } = render(<ScorecardProblems problems={[]} onShow={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('counts the problems and takes the person to each field', () => {
    const onShow = vi.fn();
    const problems = [
      { field: 'recommendation', message: 'Choose a recommendation.' },
      { field: 'evidence.coding', message: 'Give one line of evidence for Coding.' },
    ];
    render(
      <MemoryRouter>
        <ScorecardProblems problems={problems} onShow={onShow} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('alert').textContent).toContain('2 things to fix before submitting');
    fireEvent.click(screen.getByRole('button', { name: 'Give one line of evidence for Coding.' }));
    expect(onShow).toHaveBeenCalledWith(problems[1]);
    cleanup();
    render(<ScorecardProblems problems={[problems[0]!]} onShow={onShow} />);
    expect(screen.getByRole('alert').textContent).toContain('One thing to fix before submitting');
  });
});
