import { describe, expect, it } from 'vitest';
import { offerSummaryFileName } from './render.js';

describe('offerSummaryFileName', () => {
  it('names the candidate and the version, with only safe characters', () => {
    expect(offerSummaryFileName({ candidateName: 'Ana María O\'Neil', version: 3 })).toBe('offer-Ana-Mar-a-O-Neil-v3.pdf');
    expect(offerSummaryFileName({ candidateName: '"; rm -rf /', version: 1 })).toBe('offer-rm--rf-v1.pdf');
  });
  it('falls back to "offer" when nothing of the name is safe, and keeps at most 60 characters of it', () => {
    expect(offerSummaryFileName({ candidateName: '李雷', version: 2 })).toBe('offer-offer-v2.pdf');
    expect(offerSummaryFileName({ candidateName: 'x'.repeat(100), version: 1 })).toBe(`offer-${'x'.repeat(60)}-v1.pdf`);
  });
});
