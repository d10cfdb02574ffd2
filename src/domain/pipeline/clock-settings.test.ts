import { describe, expect, it } from 'vitest';
import clocksData from '../../../data/pipeline/clocks.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';
import { CLOCK_IDS, DEFAULT_CLOCK_SETTINGS, effectiveTarget, resolveClockSettings } from './clock-settings.js';

function failure(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('DEFAULT_CLOCK_SETTINGS', () => {
  it.each([
    ['cycle.total', 240, 504],
    ['offer.after-final', 24, 48],
    ['approval.pending', 24, 48],
    ['reply.to-candidate', 24, 72],
    ['scorecard.due', 24, 72],
    ['stage.idle', 72, 168],
  ] as const)('%s warns after %i h and is critical after %i h, as the spec says', (id, warning, critical) => {
    expect(DEFAULT_CLOCK_SETTINGS.targets[id]).toEqual({ warningHours: warning, criticalHours: critical });
  });

  it('counts calendar hours by default and every figure carries a source', () => {
    expect(DEFAULT_CLOCK_SETTINGS.hours).toEqual({ mode: 'calendar' });
    for (const id of CLOCK_IDS) {
      expect(clocksData.clocks[id].warningHours.source).toMatch(/velocity-and-signals\.md/);
      expect(clocksData.clocks[id].criticalHours.source).toMatch(/velocity-and-signals\.md/);
    }
  });
});

describe('resolveClockSettings', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolveClockSettings(DEFAULT_CLOCK_SETTINGS)).toEqual(DEFAULT_CLOCK_SETTINGS);
  });

  it('applies company then role overrides field by field, the role winning', () => {
    const resolved = resolveClockSettings(
      DEFAULT_CLOCK_SETTINGS,
      { targets: { 'cycle.total': { warningHours: 168, criticalHours: 336 }, 'stage.idle': { warningHours: 48 } } },
      { targets: { 'cycle.total': { warningHours: 120 } } },
    );
    expect(resolved.targets['cycle.total']).toEqual({ warningHours: 120, criticalHours: 336 });
    expect(resolved.targets['stage.idle']).toEqual({ warningHours: 48, criticalHours: 168 });
    expect(resolved.targets['offer.after-final']).toEqual(DEFAULT_CLOCK_SETTINGS.targets['offer.after-final']);
  });

  it('fills business hours from the defaults and lets a role adjust them', () => {
    const company = { hours: { mode: 'business', timeZone: 'Europe/Berlin' } };
    expect(resolveClockSettings(DEFAULT_CLOCK_SETTINGS, company).hours).toEqual({
      mode: 'business',
      timeZone: 'Europe/Berlin',
      workdays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      holidays: [],
    });
    const role = { hours: { mode: 'business', start: '08:00' } };
    expect(resolveClockSettings(DEFAULT_CLOCK_SETTINGS, company, role).hours).toMatchObject({ timeZone: 'Europe/Berlin', start: '08:00', end: '17:00' });
    expect(resolveClockSettings(DEFAULT_CLOCK_SETTINGS, company, { hours: { mode: 'calendar' } }).hours).toEqual({ mode: 'calendar' });
  });

  it.each([
    ['warning after critical', { targets: { 'offer.after-final': { warningHours: 60 } } }, 'CLOCK_SETTINGS_INVALID', 'targets.offer.after-final.criticalHours'],
    ['zero hours', { targets: { 'stage.idle': { warningHours: 0 } } }, 'CLOCK_SETTINGS_INVALID', 'targets.stage.idle.warningHours'],
    ['a string for hours', { targets: { 'stage.idle': { warningHours: '72' } } }, 'CLOCK_SETTINGS_INVALID', 'targets.stage.idle.warningHours'],
    ['an unknown clock', { targets: { 'offer.sent': { warningHours: 1 } } }, 'UNKNOWN_FIELD', 'targets.offer.sent'],
    ['an unknown field', { colour: 'red' }, 'UNKNOWN_FIELD', 'colour'],
    ['business hours without a zone', { hours: { mode: 'business' } }, 'CLOCK_SETTINGS_INVALID', 'hours.timeZone'],
    ['an unknown zone', { hours: { mode: 'business', timeZone: 'Mars/Olympus' } }, 'CLOCK_SETTINGS_INVALID', 'hours.timeZone'],
    ['a day that ends before it starts', { hours: { mode: 'business', timeZone: 'UTC', start: '18:00' } }, 'CLOCK_SETTINGS_INVALID', 'hours.end'],
    ['a bad time', { hours: { mode: 'business', timeZone: 'UTC', start: '9:00' } }, 'CLOCK_SETTINGS_INVALID', 'hours.start'],
    ['weekday 8', { hours: { mode: 'business', timeZone: 'UTC', workdays: [1, 8] } }, 'CLOCK_SETTINGS_INVALID', 'hours.workdays[1]'],
    ['a bad holiday', { hours: { mode: 'business', timeZone: 'UTC', holidays: ['25 Dec'] } }, 'CLOCK_SETTINGS_INVALID', 'hours.holidays[0]'],
  ])('rejects %s', (_name, override, code, field) => {
    expect(failure(() => resolveClockSettings(DEFAULT_CLOCK_SETTINGS, override))).toEqual({ code, field });
    expect(failure(() => resolveClockSettings(DEFAULT_CLOCK_SETTINGS, undefined, override))).toEqual({ code, field });
  });
});

describe('effectiveTarget', () => {
  it('is the calendar target in calendar mode', () => {
    expect(effectiveTarget(DEFAULT_CLOCK_SETTINGS, 'stage.idle')).toEqual({ warningHours: 72, criticalHours: 168, dayHours: 24, basis: 'calendar' });
  });

  it('counts one working day per 24 h of target in business mode', () => {
    const settings = resolveClockSettings(DEFAULT_CLOCK_SETTINGS, { hours: { mode: 'business', timeZone: 'UTC' } });
    expect(effectiveTarget(settings, 'offer.after-final')).toEqual({ warningHours: 8, criticalHours: 16, dayHours: 8, basis: 'business' });
    expect(effectiveTarget(settings, 'cycle.total')).toEqual({ warningHours: 80, criticalHours: 168, dayHours: 8, basis: 'business' });
  });
});
