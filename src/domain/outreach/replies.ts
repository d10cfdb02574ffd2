import { z } from 'zod';

/**
 * Replies to outreach (issue 13): the inbound e-mail a mail provider posts to `POST /api/v1/inbound/email`, and the
 * `candidate.replied` data a reply records (velocity-and-signals.md: latencyHours, length, asksQuestion). Pure.
 */

export const InboundEmail = z.strictObject({
  from: z.string().min(3).max(320),
  to: z.string().min(3).max(320),
  subject: z.string().max(2_000).default(''),
  text: z.string().max(1_000_000),
  inReplyTo: z.string().min(3).max(998).nullable().optional(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type InboundEmail = z.infer<typeof InboundEmail>;

/** The reply's own words: quoted lines (`> ...`) and everything from "On ... wrote:" down are the earlier message. */
export function ownWords(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (/^On .+wrote:\s*$/i.test(line.trim()) || /^-{2,}\s*Original Message\s*-{2,}$/i.test(line.trim())) break;
    if (line.trimStart().startsWith('>')) continue;
    out.push(line);
  }
  return out.join('\n').trim();
}

/**
 * The `candidate.replied` data of a reply: hours since the outreach it answers (0 when it came first, rounded to
 * a tenth), the length of its own words in characters, and whether those words ask something.
 * @example replyData('Sounds good. What is the base?\n> old', '2026-11-02T09:00:00Z', '2026-11-03T09:00:00Z') // { latencyHours: 24, length: 30, asksQuestion: true }
 */
export function replyData(text: string, lastOutreachAt: string | null, receivedAt: string): { latencyHours: number; length: number; asksQuestion: boolean } {
  const own = ownWords(text);
  const hours = lastOutreachAt === null ? 0 : Math.max(0, (Date.parse(receivedAt) - Date.parse(lastOutreachAt)) / 3_600_000);
  return { latencyHours: Math.min(24 * 366, Math.round(hours * 10) / 10), length: [...own].length, asksQuestion: own.includes('?') };
}

/** The Message-ID an `In-Reply-To` header names, with its angle brackets ("<id@host>"), or null. */
export function messageIdOf(inReplyTo: string | null | undefined): string | null {
  if (!inReplyTo) return null;
  const m = /<[^<>\s]+>/.exec(inReplyTo);
  if (m) return m[0];
  const bare = inReplyTo.trim();
  return /^[^<>\s]+@[^<>\s]+$/.test(bare) ? `<${bare}>` : null;
}
