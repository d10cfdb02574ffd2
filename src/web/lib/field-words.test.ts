import { describe, expect, it } from 'vitest';
import { fieldWords } from './field-words.js';

describe('fieldWords', () => {
  it.each([
    ['hiringManagerId', 'hiring manager'],
    ['processPlan', 'process plan'],
    ['settings.approvals', 'settings › approvals'],
    ['bands.series-a.baseMin', 'bands › series a › base min'],
    ['interviewerIds', 'interviewers'],
    ['data.lossReason', 'data › loss reason'],
    ['title', 'title'],
  ])('%s reads "%s"', (field, words) => {
    expect(fieldWords(field)).toBe(words);
  });
});
