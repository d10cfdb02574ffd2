/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPlan } from './index.js';

const files = import.meta.glob('../../../examples/*.yaml', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

function load(name: string): unknown {
  const key = Object.keys(files).find((k) => k.endsWith(`/${name}`));
  if (!key) throw new Error(`example ${name} not found`);
  return parse(files[key]);
}

function rules(name: string): string[] {
  return checkPlan(load(name)).findings.map((f) => `${f.rule}:${f.severity}`);
}

describe('examples/*.yaml', () => {
  it('ships the clean plan and one plan per field-report mistake', () => {
    expect(Object.keys(files).map((k) => k.split('/').pop()).sort()).toEqual([
      'plan-approval-not-prenegotiated.yaml',
      'plan-clean.yaml',
      'plan-equity-first-outreach.yaml',
      'plan-equity-not-fully-diluted.yaml',
      'plan-offer-sla.yaml',
      'plan-referral-only.yaml',
      'plan-six-week-loop.yaml',
      'plan-two-take-homes.yaml',
    ]);
  });

  it('plan-clean.yaml passes with no error and no warning', () => {
    const result = checkPlan(load('plan-clean.yaml'));
    expect(result.findings).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
  });

  it.each([
    ['plan-six-week-loop.yaml', ['process.too-long:error', 'process.no-single-day-onsite:warning']],
    ['plan-two-take-homes.yaml', ['process.multiple-take-homes:error']],
    ['plan-approval-not-prenegotiated.yaml', ['process.approval-not-prenegotiated:warning']],
    ['plan-offer-sla.yaml', ['process.offer-sla:error']],
    ['plan-equity-not-fully-diluted.yaml', ['comp.equity-not-fully-diluted:error']],
    ['plan-equity-first-outreach.yaml', ['outreach.equity-first:warning']],
    ['plan-referral-only.yaml', ['sourcing.referral-only:warning']],
  ])('%s gives exactly the findings of its mistake', (name, expected) => {
    expect(rules(name)).toEqual(expected);
  });

  it('points each finding at the path of the mistake', () => {
    const paths = (name: string) => checkPlan(load(name)).findings.map((f) => f.path);
    expect(paths('plan-six-week-loop.yaml')).toEqual(['process.stages[3]', 'process.stages[4]']);
    expect(paths('plan-two-take-homes.yaml')).toEqual(['process.stages[3]']);
    expect(paths('plan-offer-sla.yaml')).toEqual(['process.offerAfterFinalHours']);
    expect(paths('plan-equity-not-fully-diluted.yaml')).toEqual(['compensation.equity.shares']);
    expect(paths('plan-referral-only.yaml')).toEqual(['sourcing.mix']);
  });
});
