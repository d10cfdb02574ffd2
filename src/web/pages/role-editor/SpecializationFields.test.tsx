// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeJobDescription } from '../../../domain/scoping/analyze-job-description.js';
import { SpecializationFields } from './SpecializationFields.js';
import { analysisStatus, specializationChoices, toggled } from './role-draft.js';

afterEach(cleanup);

const choices = [
  { key: 'mlops', name: 'MLOps / ML platform' },
  { key: 'ai-safety', name: 'AI safety / alignment' },
];

describe('SpecializationFields', () => {
  it('follows the analysis until set by hand, and a checkbox sets the list by hand', () => {
    const update = vi.fn();
    render(<SpecializationFields choices={choices} specializations={['mlops']} seniority="senior" following errors={{}} update={update} />);
    expect(screen.getByText(/Following the analysis/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use the analysis again' })).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'MLOps / ML platform' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'AI safety / alignment' }));
    expect(update).toHaveBeenCalledWith({ specializations: ['mlops', 'ai-safety'] });
    fireEvent.change(screen.getByRole('combobox', { name: 'Seniority' }), { target: { value: 'lead' } });
    expect(update).toHaveBeenCalledWith({ seniority: 'lead' });
  });

  it('offers to follow the analysis again once set by hand', () => {
    const update = vi.fn();
    render(<SpecializationFields choices={choices} specializations={[]} seniority="unknown" following={false} errors={{ specializations: 'Choose at least one.' }} update={update} />);
    expect(screen.getByRole('group', { name: 'Specializations' }).getAttribute('aria-describedby')).toBe('specializations-error');
    fireEvent.click(screen.getByRole('button', { name: 'Use the analysis again' }));
    expect(update).toHaveBeenCalledWith({ specializations: null, seniority: null });
  });
});

describe('the role draft', () => {
  it('toggles a specialization on at the end and off', () => {
    expect(toggled(['mlops', 'data-engineering'], 'mlops', true)).toEqual(['data-engineering', 'mlops']);
    expect(toggled(['mlops'], 'mlops', false)).toEqual([]);
  });

  it('keeps the taxonomy order and appends a chosen key it does not know', () => {
    expect(specializationChoices({ specializations: choices }, ['robotics', 'mlops']).map((c) => c.key)).toEqual(['mlops', 'ai-safety', 'robotics']);
  });

  it('says what the analysis found, for screen readers', () => {
    expect(analysisStatus(null, [])).toBe('');
    const analysis = analyzeJobDescription({ title: 'MLOps Engineer', text: 'Own CI/CD for models, the model registry, model serving on GPUs and drift monitoring.' });
    expect(analysisStatus(analysis, [])).toMatch(/^Analysis updated: \d+ core specializations?(, primary [^;]+)?; 0 findings\.$/);
  });
});
