// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { TodayEmpty, type TodayEmptyProps } from './TodayEmpty.js';

afterEach(cleanup);

const base: TodayEmptyProps = {
  role: 'owner',
  scope: 'mine',
  othersCount: 0,
  doneCount: 0,
  canAddCandidates: true,
  nothingInPlay: false,
  canCreateRoles: true,
  onSeeEverything: () => {},
};

function show(props: Partial<TodayEmptyProps>) {
  render(
    <MemoryRouter>
      <TodayEmpty {...base} {...props} />
    </MemoryRouter>,
  );
}

describe('TodayEmpty: the next step for an empty Today', () => {
  it('offers to create a role when no candidate is in a search yet', () => {
    show({ nothingInPlay: true });
    expect(screen.getByRole('link', { name: 'Create a role' }).getAttribute('href')).toBe('/roles/new');
    expect(screen.queryByRole('link', { name: 'Open a role board' })).toBeNull();
    expect(screen.getByText(/No candidate is in a search yet/)).toBeTruthy();
  });

  it('points to the role boards once searches are running', () => {
    show({ nothingInPlay: false });
    expect(screen.getByRole('link', { name: 'Open a role board' }).getAttribute('href')).toBe('/roles');
    expect(screen.queryByRole('link', { name: 'Create a role' })).toBeNull();
  });

  it('does not offer to create a role to someone who may not', () => {
    show({ role: 'hiring-manager', nothingInPlay: true, canCreateRoles: false });
    expect(screen.queryByRole('link', { name: 'Create a role' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open a role board' })).toBeTruthy();
  });

  it('sends an interviewer to their interviews whatever the workspace holds', () => {
    show({ role: 'interviewer', nothingInPlay: true });
    expect(screen.getByRole('heading', { name: 'No scorecard is overdue' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Your interviews' }).getAttribute('href')).toBe('/interviews');
  });
});
