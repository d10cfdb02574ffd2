// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Candidate, DuplicateMatch, Role } from '../../api/pipeline.js';
import { CurrentPayFields, SourceFields, SpecializationChecks } from './CandidateFormFields.js';
import { DuplicateMatches } from './DuplicateMatches.js';
import { RoleAndFirstContactFields } from './RoleAndFirstContactFields.js';

afterEach(cleanup);

const role = (id: string, title: string, stages: string[]) =>
  ({ id, title, processPlan: { stages: stages.map((s) => ({ id: s.toLowerCase(), name: s })) } }) as unknown as Role;

describe('SourceFields', () => {
  it('asks for source, looking and years in words, and reports each change typed', () => {
    const onChange = vi.fn();
    render(<SourceFields value={{ source: 'outbound', passive: true, productionMlYears: '' }} errors={{ productionMlYears: 'Use a number of years, such as 3.5.' }} onChange={onChange} />);
    const source = screen.getByRole('combobox', { name: 'Source' });
    expect(within(source).getAllByRole('option').map((o) => o.textContent)).toContain('VC introduction');
    fireEvent.change(source, { target: { value: 'referral' } });
    expect(onChange).toHaveBeenCalledWith('source', 'referral');
    fireEvent.change(screen.getByRole('combobox', { name: 'Looking?' }), { target: { value: 'active' } });
    expect(onChange).toHaveBeenCalledWith('passive', false);
    const years = screen.getByRole('textbox', { name: 'Years of production ML (optional)' });
    expect(years.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(years, { target: { value: '4' } });
    expect(onChange).toHaveBeenCalledWith('productionMlYears', '4');
  });
});

describe('SpecializationChecks', () => {
  const options = [
    { key: 'mlops', name: 'MLOps / ML platform engineer' },
    { key: 'ai-safety', name: 'AI safety / alignment researcher' },
  ];

  it('is absent without options', () => {
    const { container } = render(<SpecializationChecks options={[]} value={[]} onChange={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('adds and removes a specialization by its key, showing names', () => {
    const onChange = vi.fn();
    render(<SpecializationChecks options={options} value={['mlops']} onChange={onChange} />);
    const mlops = screen.getByRole('checkbox', { name: 'MLOps / ML platform engineer' }) as HTMLInputElement;
    expect(mlops.checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'AI safety / alignment researcher' }));
    expect(onChange).toHaveBeenLastCalledWith(['mlops', 'ai-safety']);
    fireEvent.click(mlops);
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});

describe('CurrentPayFields', () => {
  it('names each amount after the API field, so its error lands beside it', () => {
    const onChange = vi.fn();
    render(<CurrentPayFields legend="Current pay (EUR, per year)" value={{ base: '120000', bonus: '', equityAnnual: '' }} errors={{ 'currentCompensation.bonus': 'Use a whole amount.' }} onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Current pay (EUR, per year)' });
    const bonus = within(group).getByRole('textbox', { name: 'Bonus (optional)' });
    expect(bonus.getAttribute('name')).toBe('currentCompensation.bonus');
    expect(bonus.getAttribute('aria-invalid')).toBe('true');
    expect((within(group).getByRole('textbox', { name: 'Base salary (optional)' }) as HTMLInputElement).value).toBe('120000');
    fireEvent.change(within(group).getByRole('textbox', { name: 'Equity per year (optional)' }), { target: { value: '30000' } });
    expect(onChange).toHaveBeenCalledWith('equityAnnual', '30000');
  });
});

describe('RoleAndFirstContactFields', () => {
  const draft = { roleId: '', stage: '', firstContact: 'outreach.sent' as const, firstContactOn: '' };

  it('says when there is no open role, once the roles have loaded', () => {
    render(<RoleAndFirstContactFields draft={draft} roles={[]} rolesLoaded errors={{}} onRole={() => undefined} onChange={() => undefined} />);
    expect(screen.getByRole('option', { name: 'No open roles yet' })).toBeTruthy();
    expect(screen.getByText('There is no open role: the person is saved without one.')).toBeTruthy();
    cleanup();
    render(<RoleAndFirstContactFields draft={draft} roles={[]} rolesLoaded={false} errors={{}} onRole={() => undefined} onChange={() => undefined} />);
    expect(screen.queryByText('There is no open role: the person is saved without one.')).toBeNull();
  });

  it("offers the chosen role's stages, first stage by default, and the date only when there was a first contact", () => {
    const onRole = vi.fn();
    const onChange = vi.fn();
    const roles = [role('r1', 'Staff ML Engineer', ['Screen', 'Onsite']), role('r2', 'Data Engineer', ['Call'])];
    const { rerender } = render(<RoleAndFirstContactFields draft={draft} roles={roles} rolesLoaded errors={{ roleId: 'Choose the role this person is a candidate for.' }} onRole={onRole} onChange={onChange} />);
    expect(screen.queryByRole('combobox', { name: 'Stage' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Role' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByRole('combobox', { name: 'Role' }), { target: { value: 'r1' } });
    expect(onRole).toHaveBeenCalledWith('r1');

    rerender(<RoleAndFirstContactFields draft={{ ...draft, roleId: 'r1' }} roles={roles} rolesLoaded errors={{}} onRole={onRole} onChange={onChange} />);
    const stage = screen.getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement;
    expect(stage.value).toBe('screen');
    expect(within(stage).getAllByRole('option').map((o) => o.textContent)).toEqual(['Screen', 'Onsite']);
    expect(screen.getByLabelText(/First contact on/)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'First contact' }), { target: { value: 'none' } });
    expect(onChange).toHaveBeenCalledWith('firstContact', 'none');
    rerender(<RoleAndFirstContactFields draft={{ ...draft, roleId: 'r1', firstContact: 'none' }} roles={roles} rolesLoaded errors={{}} onRole={onRole} onChange={onChange} />);
    expect(screen.queryByLabelText(/First contact on/)).toBeNull();
  });
});

describe('DuplicateMatches', () => {
  const existing = { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com', currentEmployer: 'Analytical' } as Candidate;
  const matches: DuplicateMatch[] = [{ candidate: existing, reasons: ['email', 'name-and-employer'] } as DuplicateMatch];

  it('shows why each record matched and uses it for the role being filled', () => {
    const onUse = vi.fn();
    const onCreate = vi.fn();
    render(<DuplicateMatches matches={matches} role={{ title: 'Staff ML Engineer' }} busy={false} onUseExisting={onUse} onCreateAnyway={onCreate} />);
    expect(screen.getByText('(same e-mail, name and employer)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use this record for Staff ML Engineer' }));
    expect(onUse).toHaveBeenCalledWith(existing);
    fireEvent.click(screen.getByRole('button', { name: 'Create a separate record anyway' }));
    expect(onCreate).toHaveBeenCalledTimes(1);
  });

  it('opens the record when no role is being filled', () => {
    render(<DuplicateMatches matches={matches} role={undefined} busy={false} onUseExisting={() => undefined} onCreateAnyway={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Open this record' })).toBeTruthy();
  });
});
