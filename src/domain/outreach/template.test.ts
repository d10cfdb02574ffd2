import { describe, expect, it } from 'vitest';
import { baseRangeWords, firstBaseFigure, firstNameOf, lintOutreachTemplate, renderTemplate, type MergeValues } from './template.js';

const rules = (r: ReturnType<typeof lintOutreachTemplate>) => r.findings.map((f) => `${f.rule}:${f.severity}:${f.path}`);

describe('lintOutreachTemplate', () => {
  it('passes a cash-first message with a base range field and an infrastructure signal', () => {
    const r = lintOutreachTemplate({ subject: '{{role_title}} at Acme', body: 'Hi {{first_name}}, the base is {{base_range}}. You would work with {{senior_ai_team}}; equity on top.' }, 'passive');
    expect(r).toEqual({ findings: [], errors: 0, warnings: 0, infos: 0 });
  });

  it('makes a missing base figure an error for passive candidates and a warning otherwise', () => {
    const t = { subject: 'Join our mission', body: 'We have a great GPU cluster and generous equity.' };
    expect(rules(lintOutreachTemplate(t, 'passive'))).toEqual(['outreach.equity-first:error:body']);
    expect(rules(lintOutreachTemplate(t, 'active'))).toEqual(['outreach.equity-first:warning:body']);
  });

  it('warns when equity or mission comes before the base figure, pointing at where it is', () => {
    const r = lintOutreachTemplate({ subject: 'Our mission', body: 'Base salary $180,000 and a compute budget.' }, 'passive');
    expect(rules(r)).toEqual(['outreach.equity-first:warning:subject']);
    expect(r.errors).toBe(0);
    const after = lintOutreachTemplate({ subject: 'Hello', body: 'Base salary $180,000, then equity and our mission. Data: plenty.' }, 'passive');
    expect(after.findings).toEqual([]);
  });

  it('notes a message with no infrastructure signal, and counts the compute budget field as one', () => {
    expect(rules(lintOutreachTemplate({ subject: 'Hi', body: 'Base 180k EUR.' }, 'passive'))).toEqual(['outreach.no-infra-signal:info:body']);
    expect(lintOutreachTemplate({ subject: 'Hi', body: 'Base 180k EUR, {{compute_budget}}.' }, 'passive').findings).toEqual([]);
  });

  it('refuses a merge field Closer cannot fill', () => {
    const r = lintOutreachTemplate({ subject: 'Hi {{nickname}}', body: 'Base {{base_range}}, data and GPUs.' }, 'passive');
    expect(rules(r)).toEqual(['outreach.unknown-merge-field:error:subject']);
  });
});

describe('firstBaseFigure', () => {
  it('finds money written in the usual ways and ignores small numbers and words', () => {
    expect(firstBaseFigure('we pay $180,000')).toBe(7);
    expect(firstBaseFigure('180k base')).toBe(0);
    expect(firstBaseFigure('pay: 150 000 EUR')).toBe(5);
    expect(firstBaseFigure('a team of 5 and 2 GPUs, since 2019')).toBeNull();
    expect(firstBaseFigure('run 10 kilometres')).toBeNull();
    expect(firstBaseFigure('$20 lunch')).toBeNull();
  });
});

describe('renderTemplate', () => {
  const values: MergeValues = { first_name: 'Ada', role_title: 'ML Engineer', base_range: baseRangeWords({ baseMin: 180000, baseMax: 220000, currency: 'USD' }), compute_budget: null, senior_ai_team: '2 senior ML engineers' };
  it('fills the fields and lists those with no value', () => {
    const r = renderTemplate({ subject: '{{role_title}}\nfor {{ first_name }}', body: 'Base {{base_range}}; {{compute_budget}}with {{senior_ai_team}}.' }, values);
    expect(r).toEqual({ subject: 'ML Engineer for Ada', body: 'Base 180,000–220,000 USD; with 2 senior ML engineers.', missing: ['compute_budget'] });
    expect(firstNameOf('  Grace  Hopper ')).toBe('Grace');
  });
});
