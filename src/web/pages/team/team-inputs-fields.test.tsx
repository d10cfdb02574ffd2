// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetFields } from './BudgetFields.js';
import { TeamMembersFields } from './TeamMembersFields.js';
import { GENERALIST, specializationOptions, toForm } from './team-plan-form.js';

afterEach(cleanup);

const profile = { stage: 'seed', headcount: 12, aiTeamSize: 2, currency: 'USD', raisedUsd: 4_000_000 };

describe('BudgetFields', () => {
  it("points at setup's amount raised, and fills it in when the budget is stated as raise and runway", () => {
    const set = vi.fn();
    render(<BudgetFields form={toForm(null, profile)} profile={profile} errors={{}} set={set} />);
    const kind = screen.getByRole('combobox', { name: 'How to state the budget' });
    expect(document.getElementById(kind.getAttribute('aria-describedby')!)?.textContent).toContain('Setup recorded $4,000,000 raised');
    fireEvent.change(kind, { target: { value: 'raise' } });
    expect(set).toHaveBeenCalledWith({ budgetKind: 'raise', raise: '4000000' });
  });

  it('does not fill in a dollar figure for a company that works in another currency', () => {
    const set = vi.fn();
    const euros = { ...profile, currency: 'EUR' };
    render(<BudgetFields form={toForm(null, euros)} profile={euros} errors={{}} set={set} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'How to state the budget' }), { target: { value: 'raise' } });
    expect(set).toHaveBeenCalledWith({ budgetKind: 'raise' });
  });
});

describe('TeamMembersFields', () => {
  it("offers one row per person setup counted, and adds and removes rows", () => {
    const set = vi.fn();
    const form = toForm(null, profile);
    render(<TeamMembersFields form={form} profile={profile} stored={false} errors={{}} set={set} />);
    expect(screen.getByText(/Setup says 2 people build ML\/AI/)).toBeTruthy();
    expect(screen.getAllByRole('combobox', { name: /^Seniority of member/ })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove member 1' }));
    expect(set).toHaveBeenLastCalledWith({ members: [form.members[1]] });
    fireEvent.click(screen.getByRole('button', { name: 'Add a team member' }));
    expect(set).toHaveBeenLastCalledWith({ members: [...form.members, { name: '', specializations: GENERALIST, seniority: 'senior', pay: '' }] });
  });

  it('keeps a stored specialization outside the list as it is', () => {
    expect(specializationOptions('ml-engineering,robotics')[0]).toEqual({ value: 'ml-engineering,robotics', label: 'ml-engineering, robotics' });
    expect(specializationOptions('?')[0]).toEqual({ value: '?', label: 'Choose…' });
  });
});
