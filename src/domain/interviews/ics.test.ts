import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeIcsText,
  foldIcsLine,
  formatIcsDateTime,
  icsParamValue,
  icsProperty,
  parseIcs,
  parseIcsLine,
  unescapeIcsText,
  writeIcs,
  type IcsEvent,
} from './ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

function event(over: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'interview-1@closer',
    sequence: 0,
    stamp: new Date('2026-11-02T15:00:00Z'),
    start: new Date('2026-11-03T14:30:00Z'),
    end: new Date('2026-11-03T15:30:00Z'),
    summary: 'System design: Ada Lovelace (ML Engineer)',
    status: 'CONFIRMED',
    organizer: { name: 'Olive Owner', email: 'olive@example.com' },
    attendees: [{ name: 'Ivan Interviewer', email: 'ivan@example.com', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: true }],
    ...over,
  };
}

describe('formatIcsDateTime', () => {
  it.each([
    ['2026-11-03T14:30:00.000Z', '20261103T143000Z'],
    ['2026-11-03T14:30:00+02:00', '20261103T123000Z'],
    ['2027-01-01T00:00:59.999Z', '20270101T000059Z'],
  ])('%s is %s in UTC', (iso, want) => {
    expect(formatIcsDateTime(new Date(iso))).toBe(want);
  });

  it('refuses an invalid date', () => {
    expect(() => formatIcsDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('escapeIcsText', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['crlf\r\nline', 'crlf\\nline'],
    ['colon: stays', 'colon: stays'],
    ['bell\u0007gone', 'bellgone'],
  ])('%j -> %j', (raw, escaped) => {
    expect(escapeIcsText(raw)).toBe(escaped);
  });

  it('round-trips any text without controls through unescape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n|\r/g, '\n');
        expect(unescapeIcsText(escapeIcsText(s))).toBe(clean);
      }),
    );
  });
});

describe('icsParamValue', () => {
  it.each([
    ['Ivan', 'Ivan'],
    ['Smith, Ann', '"Smith, Ann"'],
    ['Dr. Who: Time Lord', '"Dr. Who: Time Lord"'],
    ['The "Boss"', "The 'Boss'"],
    ['two\nlines', 'two lines'],
  ])('%j -> %j', (raw, want) => {
    expect(icsParamValue(raw)).toBe(want);
  });
});

describe('foldIcsLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every physical line within 75 octets and never splits a UTF-8 character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const line = `DESCRIPTION:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldIcsLine(line);
        const parts = folded.split('\r\n');
        for (const [i, p] of parts.entries()) {
          expect(octets(p)).toBeLessThanOrEqual(75);
          if (i > 0) expect(p.startsWith(' ')).toBe(true);
          expect(p.isWellFormed()).toBe(true);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('folds before a 4-octet emoji rather than inside it', () => {
    const line = `${'a'.repeat(73)}😀b`;
    expect(foldIcsLine(line)).toBe(`${'a'.repeat(73)}\r\n 😀b`);
  });
});

describe('parseIcsLine', () => {
  it('reads quoted parameter values that hold separators', () => {
    expect(parseIcsLine('ATTENDEE;CN="Smith, Ann: PhD";ROLE=REQ-PARTICIPANT:mailto:ann@example.com')).toEqual({
      name: 'ATTENDEE',
      params: { CN: 'Smith, Ann: PhD', ROLE: 'REQ-PARTICIPANT' },
      value: 'mailto:ann@example.com',
    });
  });
});

describe('writeIcs', () => {
  it('writes a REQUEST with CRLF line ends, UTC times, UID, SEQUENCE, STATUS, organizer and attendee', () => {
    const text = writeIcs({ method: 'REQUEST', prodId: '-//Closer//Test//EN', events: [event({ sequence: 2, location: 'Room 4; floor 2, left' })] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Closer//Test//EN', 'CALSCALE:GREGORIAN', 'METHOD:REQUEST']);
    expect(lines).toContain('UID:interview-1@closer');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('DTSTART:20261103T143000Z');
    expect(lines).toContain('DTEND:20261103T153000Z');
    expect(lines).toContain('DTSTAMP:20261102T150000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('LOCATION:Room 4\\; floor 2\\, left');
    expect(lines).toContain('ORGANIZER;CN=Olive Owner:mailto:olive@example.com');
    expect(lines).toContain('ATTENDEE;CN=Ivan Interviewer;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ivan@example.com');
  });

  it('refuses an event that ends before it starts', () => {
    expect(() => writeIcs({ method: 'REQUEST', prodId: 'x', events: [event({ end: new Date('2026-11-03T14:30:00Z') })] })).toThrow(RangeError);
  });

  it('reads back what it wrote: a long, escaped, multilingual description survives folding', () => {
    const description = `Cover: Production deployment; MLOps ownership, inference under cost\nNotes: ask about the 3 a.m. incident — "why"? \\ 日本語のメモ 😀 ${'long '.repeat(40)}`;
    const text = writeIcs({
      method: 'REQUEST',
      prodId: '-//Closer//Test//EN',
      events: [event({ description, summary: 'Ünïcødé, with; separators' }), event({ uid: 'interview-2@closer', status: 'CANCELLED', sequence: 5 })],
    });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const cal = parseIcs(text);
    expect(cal.name).toBe('VCALENDAR');
    expect(icsProperty(cal, 'METHOD')?.value).toBe('REQUEST');
    const [first, second] = cal.components;
    expect(first!.name).toBe('VEVENT');
    expect(unescapeIcsText(icsProperty(first!, 'DESCRIPTION')!.value)).toBe(description);
    expect(unescapeIcsText(icsProperty(first!, 'SUMMARY')!.value)).toBe('Ünïcødé, with; separators');
    expect(icsProperty(first!, 'ATTENDEE')!.params).toMatchObject({ CN: 'Ivan Interviewer', RSVP: 'TRUE' });
    expect([icsProperty(second!, 'UID')!.value, icsProperty(second!, 'STATUS')!.value, icsProperty(second!, 'SEQUENCE')!.value, icsProperty(second!, 'TRANSP')!.value]).toEqual([
      'interview-2@closer',
      'CANCELLED',
      '5',
      'TRANSPARENT',
    ]);
  });

  it('quotes a display name with a comma so the address is still read right', () => {
    const text = writeIcs({ method: 'REQUEST', prodId: 'x', events: [event({ organizer: { name: 'Owner, Olive "OO"', email: 'olive@example.com' } })] });
    const organizer = icsProperty(parseIcs(text).components[0]!, 'ORGANIZER')!;
    expect(organizer).toEqual({ name: 'ORGANIZER', params: { CN: "Owner, Olive 'OO'" }, value: 'mailto:olive@example.com' });
  });
});

describe('parseIcs', () => {
  it('refuses unbalanced components', () => {
    expect(() => parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow(SyntaxError);
    expect(() => parseIcs('BEGIN:VCALENDAR\r\n')).toThrow(SyntaxError);
  });
});
