import { describe, expect, it } from 'vitest';
import { segmentText } from './highlight.js';

describe('segmentText', () => {
  it('returns the whole text as one plain run when nothing matched', () => {
    expect(segmentText('Plain backend job', [])).toEqual([{ kind: 'text', text: 'Plain backend job', start: 0 }]);
  });

  it('returns no segments for empty text', () => {
    expect(segmentText('', [])).toEqual([]);
  });

  it('cuts plain runs around each highlight and keeps offsets', () => {
    const text = 'Own the model registry and Kubernetes.';
    const segments = segmentText(text, [
      { start: 8, end: 22, specialization: 'mlops' },
      { start: 27, end: 37, specialization: 'mlops' },
    ]);
    expect(segments).toEqual([
      { kind: 'text', text: 'Own the ', start: 0 },
      { kind: 'mark', text: 'model registry', start: 8, specializations: ['mlops'] },
      { kind: 'text', text: ' and ', start: 22 },
      { kind: 'mark', text: 'Kubernetes', start: 27, specializations: ['mlops'] },
      { kind: 'text', text: '.', start: 37 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges a phrase that evidences two specializations into one highlight, strongest first', () => {
    const segments = segmentText('Spark jobs', [
      { start: 0, end: 5, specialization: 'data-engineering' },
      { start: 0, end: 5, specialization: 'mlops' },
    ], ['mlops', 'data-engineering']);
    expect(segments[0]).toEqual({ kind: 'mark', text: 'Spark', start: 0, specializations: ['mlops', 'data-engineering'] });
  });

  it('merges overlapping phrases so no highlight cuts a phrase in two', () => {
    const segments = segmentText('fine-tuning LLM outputs', [
      { start: 0, end: 15, specialization: 'applied-research' },
      { start: 12, end: 23, specialization: 'prompt-engineering' },
    ]);
    expect(segments).toEqual([{ kind: 'mark', text: 'fine-tuning LLM outputs', start: 0, specializations: ['applied-research', 'prompt-engineering'] }]);
  });

  it('keeps touching phrases apart (end equals the next start)', () => {
    const segments = segmentText('ab', [
      { start: 0, end: 1, specialization: 'x' },
      { start: 1, end: 2, specialization: 'y' },
    ]);
    expect(segments.map((s) => s.kind)).toEqual(['mark', 'mark']);
  });

  it('ignores matches outside the text or empty ones (stale offsets after an edit)', () => {
    const segments = segmentText('short', [
      { start: 2, end: 40, specialization: 'x' },
      { start: 3, end: 3, specialization: 'y' },
      { start: -1, end: 2, specialization: 'z' },
    ]);
    expect(segments).toEqual([{ kind: 'text', text: 'short', start: 0 }]);
  });
});
