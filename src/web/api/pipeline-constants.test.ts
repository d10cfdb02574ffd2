import { describe, expect, it } from 'vitest';
import * as domain from '../../domain/pipeline/index.js';
import { CANDIDATE_SOURCES, CLOCK_IDS, LOGGED_SIGNALS, LOSS_REASONS, OUTREACH_CHANNELS } from './pipeline.js';

describe('pipeline lists repeated in the web app', () => {
  it('equal the domain lists (the web copies keep zod and data files out of the entry chunk)', () => {
    expect(CANDIDATE_SOURCES).toEqual(domain.CANDIDATE_SOURCES);
    expect(CLOCK_IDS).toEqual(domain.CLOCK_IDS);
    expect(LOGGED_SIGNALS).toEqual(domain.LOGGED_SIGNALS);
    expect(LOSS_REASONS).toEqual(domain.LOSS_REASONS);
    expect(OUTREACH_CHANNELS).toEqual(domain.OUTREACH_CHANNELS);
  });
});
