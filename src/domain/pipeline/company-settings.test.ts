import { describe, expect, it } from 'vitest';
import { companyPipelineSettings, withZone } from './company-settings.js';

describe('companyPipelineSettings', () => {
  it('reads the pipeline part of the settings', () => {
    expect(companyPipelineSettings({ pipeline: { clocks: { a: 1 }, risk: { b: 2 } }, other: 1 })).toEqual({ clocks: { a: 1 }, risk: { b: 2 } });
  });
  it('reads anything that is not an object as no settings', () => {
    expect(companyPipelineSettings(undefined)).toEqual({});
    expect(companyPipelineSettings({})).toEqual({});
    expect(companyPipelineSettings({ pipeline: [1] })).toEqual({});
    expect(companyPipelineSettings({ pipeline: 'x' })).toEqual({});
  });
});

describe('withZone', () => {
  it('gives business hours the company time zone when they name none', () => {
    const overrides = { targets: {}, hours: { mode: 'business' } };
    expect(withZone(overrides, 'Europe/Berlin')).toEqual({ targets: {}, hours: { mode: 'business', timeZone: 'Europe/Berlin' } });
    expect(overrides.hours).toEqual({ mode: 'business' });
  });
  it('keeps a time zone the settings name, calendar hours and anything without hours as they are', () => {
    const own = { hours: { mode: 'business', timeZone: 'Asia/Tokyo' } };
    expect(withZone(own, 'Europe/Berlin')).toBe(own);
    const calendar = { hours: { mode: 'calendar' } };
    expect(withZone(calendar, 'Europe/Berlin')).toBe(calendar);
    const none = { targets: {} };
    expect(withZone(none, 'Europe/Berlin')).toBe(none);
    expect(withZone(undefined, 'Europe/Berlin')).toBeUndefined();
    expect(withZone(own, undefined)).toBe(own);
  });
});
