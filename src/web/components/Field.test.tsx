// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextAreaField } from './Field.js';

afterEach(cleanup);

describe('TextAreaField', () => {
  it('is labelled, marks itself optional, and reports each change', () => {
    const onChange = vi.fn();
    render(<TextAreaField label="Comment" value="" onChange={onChange} optional maxLength={2000} />);
    const box = screen.getByRole('textbox', { name: 'Comment (optional)' });
    expect(box.getAttribute('maxlength')).toBe('2000');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(box, { target: { value: 'Inside the band' } });
    expect(onChange).toHaveBeenCalledWith('Inside the band');
  });

  it('shows an error beside the field, wired for screen readers, and carries the API field name', () => {
    render(<TextAreaField label="Evidence for Coding" name="evidence.coding" frameClassName="evidence-field" value="" onChange={() => undefined} error="Give one line of evidence." hint="What did they say or do?" />);
    const box = screen.getByRole('textbox', { name: 'Evidence for Coding' });
    expect(box.getAttribute('name')).toBe('evidence.coding');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const described = (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described[0]).toBe('What did they say or do?');
    expect(described[1]).toContain('Give one line of evidence.');
    expect(box.closest('.field')!.className).toBe('field evidence-field field-invalid');
  });
});
