// A small RFC 5545 (iCalendar) writer and reader for interview invites. Pure and browser-safe: no I/O, no
// dependencies. Writes UTC times only (no VTIMEZONE needed), escapes TEXT values, quotes parameter values and
// folds lines at 75 octets without splitting a UTF-8 character.

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsAttendee extends IcsPerson {
  role: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT' | 'CHAIR';
  partstat: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  rsvp: boolean;
}

export interface IcsEvent {
  /** Stable across every change of the event, so calendars update it instead of adding a copy. */
  uid: string;
  /** Rises with each change (RFC 5545 3.8.7.4): a calendar applies the copy with the highest SEQUENCE. */
  sequence: number;
  /** When this copy of the event was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  organizer: IcsPerson;
  attendees: readonly IcsAttendee[];
}

export interface IcsCalendar {
  /** iTIP method (RFC 5546): REQUEST invites or updates, CANCEL withdraws. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  prodId: string;
  events: readonly IcsEvent[];
}

export const ICS_PRODUCT_ID = '-//Closer//Interview invites//EN';
const FOLD_OCTETS = 75;
const encoder = new TextEncoder();

/** `20261103T143000Z`: a DATE-TIME in UTC (RFC 5545 3.3.5, form #2). */
export function formatIcsDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid date for an iCalendar DATE-TIME');
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Control characters other than tab and line breaks are not allowed in TEXT (RFC 5545 3.3.11). */
function dropControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash, line breaks become `\n`.
 * @example escapeIcsText('Room 4; floor 2, left\nbring ID') // 'Room 4\\; floor 2\\, left\\nbring ID'
 */
export function escapeIcsText(value: string): string {
  return dropControls(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Reverses escapeIcsText. */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * A parameter value (RFC 5545 3.2): quoted when it holds `:`, `;` or `,`; double quotes, which a parameter value
 * cannot carry, become single quotes; line breaks become spaces.
 */
export function icsParamValue(value: string): string {
  const clean = dropControls(value).replace(/[\r\n\t]+/g, ' ').replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** A `mailto:` URI for a CAL-ADDRESS: the address without spaces or controls. */
function mailto(email: string): string {
  return `mailto:${dropControls(email).replace(/[\s<>"]/g, '')}`;
}

/**
 * Folds one content line (RFC 5545 3.1): at most 75 octets a line, continuation lines start with one space, and a
 * multi-octet UTF-8 character is never split. Lines joined with CRLF.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > FOLD_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function property(name: string, value: string, params: ReadonlyArray<[string, string]> = []): string {
  const head = [name, ...params.map(([k, v]) => `${k}=${icsParamValue(v)}`)].join(';');
  return foldIcsLine(`${head}:${value}`);
}

function eventLines(e: IcsEvent): string[] {
  if (e.end.getTime() <= e.start.getTime()) throw new RangeError('An event ends after it starts');
  const lines = [
    'BEGIN:VEVENT',
    property('UID', escapeIcsText(e.uid)),
    property('SEQUENCE', String(Math.max(0, Math.trunc(e.sequence)))),
    property('DTSTAMP', formatIcsDateTime(e.stamp)),
    property('DTSTART', formatIcsDateTime(e.start)),
    property('DTEND', formatIcsDateTime(e.end)),
    property('SUMMARY', escapeIcsText(e.summary)),
  ];
  if (e.description) lines.push(property('DESCRIPTION', escapeIcsText(e.description)));
  if (e.location) lines.push(property('LOCATION', escapeIcsText(e.location)));
  lines.push(property('STATUS', e.status));
  lines.push(property('TRANSP', e.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'));
  lines.push(property('ORGANIZER', mailto(e.organizer.email), [['CN', e.organizer.name]]));
  for (const a of e.attendees) {
    lines.push(
      property('ATTENDEE', mailto(a.email), [
        ['CN', a.name],
        ['CUTYPE', 'INDIVIDUAL'],
        ['ROLE', a.role],
        ['PARTSTAT', a.partstat],
        ['RSVP', a.rsvp ? 'TRUE' : 'FALSE'],
      ]),
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Writes an iCalendar object: one VCALENDAR with the method and every event, CRLF line ends, folded lines.
 * @example writeIcs({ method: 'REQUEST', prodId: ICS_PRODUCT_ID, events: [event] }).startsWith('BEGIN:VCALENDAR\r\n')
 */
export function writeIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', escapeIcsText(calendar.prodId)),
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/* ---------------------------------------------------------------- reading */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  /** The raw value: TEXT values still escaped (use unescapeIcsText). */
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

/** Splits one unfolded content line into name, parameters and value, honouring quoted parameter values. */
export function parseIcsLine(line: string): IcsProperty {
  let i = 0;
  const readName = () => {
    const start = i;
    while (i < line.length && line[i] !== ';' && line[i] !== ':' && line[i] !== '=') i++;
    return line.slice(start, i);
  };
  const name = readName().toUpperCase();
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    i++;
    const key = readName().toUpperCase();
    if (line[i] !== '=') throw new SyntaxError(`Parameter without a value in "${line.slice(0, 40)}"`);
    i++;
    let value = '';
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      if (close < 0) throw new SyntaxError('Unclosed quoted parameter value');
      value = line.slice(i + 1, close);
      i = close + 1;
    } else {
      const start = i;
      while (i < line.length && line[i] !== ';' && line[i] !== ':') i++;
      value = line.slice(start, i);
    }
    params[key] = value;
  }
  if (line[i] !== ':') throw new SyntaxError(`Content line without a value: "${line.slice(0, 40)}"`);
  return { name, params, value: line.slice(i + 1) };
}

/**
 * Reads an iCalendar object written by writeIcs (or any well-formed one): unfolds lines and builds the tree of
 * components. Throws SyntaxError on unbalanced BEGIN/END.
 */
export function parseIcs(text: string): IcsComponent {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l !== '');
  const root: IcsComponent = { name: '', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of lines) {
    const p = parseIcsLine(line);
    if (p.name === 'BEGIN') {
      const c: IcsComponent = { name: p.value.toUpperCase(), properties: [], components: [] };
      stack[stack.length - 1]!.components.push(c);
      stack.push(c);
    } else if (p.name === 'END') {
      const open = stack.pop();
      if (!open || open === root || open.name !== p.value.toUpperCase()) throw new SyntaxError(`END:${p.value} does not close ${open?.name ?? 'anything'}`);
    } else {
      stack[stack.length - 1]!.properties.push(p);
    }
  }
  if (stack.length !== 1 || root.components.length !== 1) throw new SyntaxError('Expected exactly one complete VCALENDAR');
  return root.components[0]!;
}

/** The first property of a name, or undefined. */
export function icsProperty(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name.toUpperCase());
}
