import { describe, expect, it } from 'vitest';
import { messageIdOf, ownWords, replyData } from './replies.js';

describe('replies', () => {
  it('measures latency since the outreach, the length of the own words and whether they ask something', () => {
    const text = 'Sounds good. What is the base?\n\nOn Mon, 2 Nov 2026, Founder wrote:\n> Hi, is the base ok?';
    expect(ownWords(text)).toBe('Sounds good. What is the base?');
    expect(replyData(text, '2026-11-02T09:00:00Z', '2026-11-03T10:30:00Z')).toEqual({ latencyHours: 25.5, length: 30, asksQuestion: true });
    expect(replyData('No thanks.\n> Is the base ok?', null, '2026-11-03T10:30:00Z')).toEqual({ latencyHours: 0, length: 10, asksQuestion: false });
  });
  it('reads the Message-ID of an In-Reply-To header', () => {
    expect(messageIdOf('<abc@acme.example>')).toBe('<abc@acme.example>');
    expect(messageIdOf(' abc@acme.example ')).toBe('<abc@acme.example>');
    expect(messageIdOf('garbage')).toBeNull();
    expect(messageIdOf(null)).toBeNull();
  });
});
