import type { AddressInfo } from 'node:net';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { daysSinceFirstContact, describeFirstContact } from '../../domain/pipeline/clock-text.js';
import { scanForNotifications } from '../../server/services/notifications.js';
import { createHarness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import type { ApplicationDetail, Board, Clock } from '../../web/api/pipeline.js';
import { ClockRow } from '../../web/pages/candidates/ClockRow.js';
import { daysLabel } from '../../web/pages/roles/board-state.js';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';

const HOUR_MS = 3_600_000;
/** 290 hours: 12 whole days and 2 hours. "Day 13" (counting the first day as day 1) is the mistake this test catches. */
const ELAPSED_HOURS = 290;

const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
/** Every whole number of days in a text: "12 days", "12 working days", and 12 in "12 of 10 days". */
const dayCounts = (text: string) => [...text.matchAll(/\b(\d+)(?: of \d+)? (?:working )?days?\b/g)].map((m) => Number(m[1]));

describe('one day count for one candidate on every page, in the CLI and in notifications', () => {
  for (const dialect of dialectsUnderTest()) {
    it(`the header, the board card, the clock row, Today, \`closer today\` and the notification all say 12 days [${dialect.name}]`, async () => {
      const h = await createHarness(await dialect.createStore());
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const env = { CLOSER_URL: `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`, CLOSER_TOKEN: h.ownerToken };
      const post = async (url: string, body: unknown) => {
        const res = await h.call('POST', url, { token: h.ownerToken, body });
        expect(res.statusCode, res.body).toBe(201);
        return res.json();
      };
      try {
        const role = await post('/api/v1/roles', { title: 'Founding ML Engineer', seniority: 'senior' });
        const candidate = await post('/api/v1/candidates', { name: 'Ada Quinn', email: 'ada@example.com', source: 'referral' });
        const app = await post('/api/v1/applications', { candidateId: candidate.id, roleId: role.id });
        const contacted = new Date(h.clock.now().getTime() - ELAPSED_HOURS * HOUR_MS).toISOString();
        await post(`/api/v1/applications/${app.id}/events`, { type: 'outreach.sent', occurredAt: contacted, data: { channel: 'email' } });

        // The application's header (ApplicationPanel) and its cycle clock row (ClockRow), rendered.
        const detail = (await h.call('GET', `/api/v1/applications/${app.id}`, { token: h.ownerToken })).json() as ApplicationDetail;
        const header = describeFirstContact(detail);
        const cycle = detail.clocks.find((c) => c.id === 'cycle.total') as Clock;
        const clockRow = plain(renderToStaticMarkup(createElement(ClockRow, { clock: cycle })));

        // The role board's card: its visible label and what a screen reader hears.
        const board = (await h.call('GET', `/api/v1/roles/${role.id}/board`, { token: h.ownerToken })).json() as Board;
        const card = board.columns.flatMap((c) => c.cards).find((c) => c.applicationId === app.id)!;

        // Today (the API the page and `closer today` read), the CLI's own output, and the notification a scan sends.
        const today = (await h.call('GET', '/api/v1/today', { token: h.ownerToken })).json() as { items: Array<{ applicationId: string; id: string; action: string }> };
        const todayCycle = today.items.find((i) => i.applicationId === app.id && i.id === 'cycle.total')!;
        const todayIdle = today.items.find((i) => i.applicationId === app.id && i.id === 'stage.idle')!;
        const io = captureIo({ env });
        expect(await main(['today'], io)).toBe(0);
        const cliLines = io.out().split('\n').filter((l) => l.includes('Ada Quinn'));
        await scanForNotifications({ store: h.store, now: h.clock.now });
        const notes = (await h.call('GET', '/api/v1/notifications', { token: h.ownerToken })).json().items as Array<{ title: string; body: string }>;
        const cycleNote = notes.find((n) => n.title.includes('Hiring cycle'))!;

        const surfaces: Record<string, string> = {
          header,
          clockRow,
          boardCard: daysLabel(card),
          boardCardSpoken: describeFirstContact(card),
          today: todayCycle.action,
          todayIdle: todayIdle.action,
          cli: cliLines.join('\n'),
          notification: cycleNote.body,
        };
        expect(daysSinceFirstContact(detail)).toBe(12);
        expect(daysSinceFirstContact(card)).toBe(12);
        for (const [where, text] of Object.entries(surfaces)) {
          const counts = dayCounts(text).filter((n) => n !== 10); // 10 is the target
          expect(counts.length, `${where}: ${text}`).toBeGreaterThan(0);
          expect(new Set(counts), `${where}: ${text}`).toEqual(new Set([12]));
        }
        expect(header).toBe('12 days since first contact; the target is 10 days (over target)');
        expect(surfaces.boardCard).toBe('12 of 10 days');
        expect(clockRow).toContain('12 days of 10 days');
        expect(todayCycle.action).toMatch(/^12 days since first contact, past the target of 10 days/);
        expect(surfaces.cli).toContain(todayCycle.action);
        expect(cycleNote.body).toMatch(/^Hiring cycle has run 12 days\. Next: 12 days since first contact/);
      } finally {
        await h.close();
      }
    });
  }
});
