import { describe, expect, it } from 'vitest';
import { applyProspectEvent, buildNurtureItems, DEFAULT_NURTURE_SETTINGS, guessMapping, networkReach, normalizeLink, parseCsv, readProfileUrls, type NurtureProspect, type ReachPerson } from './index.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

describe('prospect status rule', () => {
  it('an outreach moves new to contacted; a reply moves contacted to replied; a manual status stays', () => {
    const start = { status: 'new' as const, touches: 0, lastTouchAt: null, lastReplyAt: null };
    const sent = applyProspectEvent(start, { type: 'outreach.sent', occurredAt: daysAgo(3) });
    expect(sent).toEqual({ status: 'contacted', touches: 1, lastTouchAt: daysAgo(3), lastReplyAt: null });
    expect(applyProspectEvent(sent, { type: 'candidate.replied', occurredAt: daysAgo(2) }).status).toBe('replied');
    expect(applyProspectEvent({ ...sent, status: 'not-interested' }, { type: 'candidate.replied', occurredAt: daysAgo(1) }).status).toBe('not-interested');
    expect(applyProspectEvent(sent, { type: 'note', occurredAt: daysAgo(1) })).toEqual(sent);
  });
});

describe('CSV and URL lists', () => {
  it('parses quotes, commas and line breaks inside quotes, CRLF and a BOM; guesses the mapping from usual headers', () => {
    expect(parseCsv('\ufeffName,Note\r\n"Doe, Jane","said ""hi""\nthen left"\r\n\r\n')).toEqual([['Name', 'Note'], ['Doe, Jane', 'said "hi"\nthen left']]);
    expect(() => parseCsv('a,"b\n')).toThrow(/not closed/);
    expect(guessMapping(['Full name', 'E-mail', 'LinkedIn', 'Company', 'Lab', 'Notes'])).toEqual({ 'Full name': 'name', 'E-mail': 'email', LinkedIn: 'links', Company: 'currentEmployer', Lab: 'lab', Notes: null });
  });

  it('reads a pasted URL list: names from the slug, one problem per bad line, repeated links refused', () => {
    const r = readProfileUrls('https://www.linkedin.com/in/grace-hopper-9a1/\nhttps://linkedin.com/in/Grace-Hopper-9a1\nhello world', { foundHow: 'search' });
    expect(r.drafts.map((d) => d.name)).toEqual(['Grace Hopper']);
    expect(r.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(normalizeLink('HTTPS://www.GitHub.com/Ada/')).toBe(normalizeLink('http://github.com/ada'));
  });
});

describe('nurture pace (Today sourcing items)', () => {
  const p = (over: Partial<NurtureProspect>): NurtureProspect => ({ id: 'p', name: 'P', poolId: 'pool', poolName: 'Pool', cadenceDays: 21, status: 'contacted', touches: 1, lastTouchAt: daysAgo(5), lastReplyAt: null, createdAt: daysAgo(60), ...over });
  it('flags open prospects past their pool cadence and those with many touches and no reply, once each', () => {
    const items = buildNurtureItems(
      [
        p({ id: 'fresh' }),
        p({ id: 'late', name: 'Late', lastTouchAt: daysAgo(30) }),
        p({ id: 'never', name: 'Never', status: 'new', touches: 0, lastTouchAt: null, createdAt: daysAgo(25) }),
        p({ id: 'many', name: 'Many', touches: DEFAULT_NURTURE_SETTINGS.manyTouches, lastTouchAt: daysAgo(40) }),
        p({ id: 'replied', status: 'replied', lastTouchAt: daysAgo(90) }),
        p({ id: 'many-replied', touches: 9, lastReplyAt: daysAgo(1) }),
      ],
      NOW,
    );
    expect(items.map((i) => [i.prospectId, i.kind, i.daysSinceTouch])).toEqual([['many', 'many-touches', 40], ['late', 'neglected', 30], ['never', 'neglected', 25]]);
    expect(items[0]!.action).toContain('base salary first');
  });
});

describe('network reach', () => {
  it('counts shares, the HHI of origins and the widened referral-only warning, against a hand count', () => {
    const people: ReachPerson[] = [
      ...Array.from({ length: 4 }, () => ({ source: 'referral', referrer: 'Ann', employer: null, lab: null })),
      ...Array.from({ length: 3 }, () => ({ source: 'outbound', referrer: null, employer: 'DeepCo', lab: 'Brain Lab' })),
      { source: 'inbound', referrer: null, employer: 'Acme', lab: null },
      { source: 'event', referrer: null, employer: null, lab: null },
      { source: 'event', referrer: null, employer: null, lab: null },
    ];
    const r = networkReach(people);
    expect(r.total).toBe(10);
    expect(r.bySource).toEqual([{ key: 'referral', count: 4, share: 0.4 }, { key: 'outbound', count: 3, share: 0.3 }, { key: 'event', count: 2, share: 0.2 }, { key: 'inbound', count: 1, share: 0.1 }]);
    expect(r.byReferrer).toEqual([{ key: 'Ann', count: 4, share: 0.4 }]);
    expect(r.byEmployer.map((s) => [s.key, s.count])).toEqual([['unknown', 6], ['Brain Lab', 3], ['Acme', 1]]);
    // HHI: Ann .4^2 + Brain Lab .3^2 + Acme .1^2 + two unknowns as one origin each (.1^2 each) = .16 + .09 + .01 + .02
    expect(r.concentration).toBeCloseTo(0.28, 10);
    expect(r.warning).toMatchObject({ share: 0.7, origins: 2, keys: ['Ann', 'Brain Lab'], message: expect.stringMatching(/^70% of this pipeline comes from 2 referrers or labs/) });
    expect(networkReach(people.slice(0, 4)).warning).toBeNull();
    expect(networkReach([...people, ...Array.from({ length: 10 }, (_, i) => ({ source: 'outbound', referrer: null, employer: `Co ${i}`, lab: null }))]).warning).toBeNull();
  });
});
