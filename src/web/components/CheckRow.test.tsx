// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckRow } from './CheckRow.js';

afterEach(cleanup);

describe('CheckRow', () => {
  it('is a labelled checkbox described by its hint, reporting each change', () => {
    const onChange = vi.fn();
    render(<CheckRow name="email" label="E-mail" hint="Sent once the company has set up e-mail." checked={false} onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: 'E-mail' });
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe('Sent once the company has set up e-mail.');
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('can be fixed on', () => {
    render(<CheckRow name="inApp" label="In the app" checked disabled />);
    const box = screen.getByRole('checkbox', { name: 'In the app' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBeNull();
  });
});
