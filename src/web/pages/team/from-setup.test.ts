import { describe, expect, it } from 'vitest';
import { knownSentence } from './CompanyPage.js';
import { profileSentence } from './TeamPage.js';
import { toBody, toForm } from './team-plan-form.js';

const profile = { stage: 'seed', headcount: 12, aiTeamSize: 3, currency: 'USD', raisedUsd: 4_000_000 };

describe('the Team pages start from what setup recorded', () => {
  it('gives one row per person setup counted, each to be described, and refuses to save a row left undescribed', () => {
    const form = toForm(null, profile);
    expect(form.members).toHaveLength(3);
    const first = toBody(form);
    expect(first).toEqual({ field: 'aiTeam[0].specializations', message: 'Choose what member 1 does, or remove the row.' });
    const described = { ...form, members: form.members.map((m) => ({ ...m, specializations: 'mlops' })) };
    expect(toBody(described)).toEqual({ field: 'aiTeam[0].seniority', message: 'Choose the seniority of member 1, or remove the row.' });
    const ready = { ...form, members: form.members.map((m, i) => ({ ...m, specializations: 'mlops', seniority: i === 0 ? ('senior' as const) : ('mid' as const) })) };
    expect(toBody(ready)).toMatchObject({ body: { aiTeam: [{ seniority: 'senior' }, { seniority: 'mid' }, { seniority: 'mid' }] } });
  });

  it('keeps stored inputs as they are, and asks nothing when setup counted nobody', () => {
    expect(toForm({ bottleneck: 'data', aiTeam: [] }, profile).members).toEqual([]);
    expect(toForm(null, { ...profile, aiTeamSize: 0 }).members).toEqual([]);
    expect(toForm(null, { ...profile, aiTeamSize: 40 }).members).toHaveLength(12);
  });

  it('states the profile instead of assuming there is no AI team', () => {
    expect(profileSentence({ headcount: 12, stage: 'seed', aiTeamSize: 3 })).toBe(
      'From setup: 12 people at Seed; 3 of them build ML/AI, not yet described, so none counts as a senior AI practitioner.',
    );
    expect(profileSentence({ headcount: 1, stage: 'series-a', aiTeamSize: 0 })).toBe('From setup: 1 person at Series A; nobody builds ML/AI yet.');
  });

  it('says which attractiveness signals are known without asking, and from where', () => {
    const signals = [{ id: 'senior-ai-practitioner', label: 'x', state: 'absent' as const, weight: 15, contribution: 0, potential: 15, source: 's' }];
    expect(knownSentence({ fundingStage: 'seed', seniorAiPractitionerFrom: null, signals })).toBe('Funding stage: Seed (company profile).');
    expect(knownSentence({ fundingStage: 'seed', seniorAiPractitionerFrom: 'company-profile', signals })).toBe(
      'Funding stage: Seed (company profile). No senior AI practitioner is on the team (from setup: nobody builds ML/AI yet).',
    );
    expect(knownSentence({ fundingStage: 'seed', seniorAiPractitionerFrom: 'ai-team', signals: [{ ...signals[0]!, state: 'present' }] })).toBe(
      'Funding stage: Seed (company profile). A senior AI practitioner is on the team (from the AI team on the Team page).',
    );
  });
});
