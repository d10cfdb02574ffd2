import { describe, expect, it } from 'vitest';
import { SequenceTracker, isTypingTarget, shortcutGroups } from './shortcuts.js';
import { AREAS } from '../layout/areas.js';

describe('SequenceTracker', () => {
  const tracker = () => new SequenceTracker([['g', 't'], ['g', 'r']], 1000);

  it('completes a sequence pressed within the timeout', () => {
    const t = tracker();
    expect(t.push('g', 0)).toBe('pending');
    expect(t.push('t', 900)).toBe('g t');
  });

  it('forgets the first key after the timeout', () => {
    const t = tracker();
    t.push('g', 0);
    expect(t.push('t', 1001)).toBeUndefined();
  });

  it('ignores an unknown second key and starts over', () => {
    const t = tracker();
    t.push('g', 0);
    expect(t.push('x', 10)).toBeUndefined();
    expect(t.push('r', 20)).toBeUndefined();
  });

  it('lets a repeated first key start a new sequence', () => {
    const t = tracker();
    t.push('g', 0);
    expect(t.push('g', 10)).toBe('pending');
    expect(t.push('r', 20)).toBe('g r');
  });
});

describe('shortcutGroups', () => {
  it('lists a go-to shortcut for every area, with distinct keys', () => {
    const go = shortcutGroups('Ctrl')[0].shortcuts;
    expect(go.map((s) => s.description)).toEqual(AREAS.map((a) => a.label));
    expect(new Set(go.map((s) => s.keys.join(' '))).size).toBe(AREAS.length);
  });
});

describe('isTypingTarget', () => {
  it('is false for a missing target or a non-element', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({} as EventTarget)).toBe(false);
  });

  it('recognises text inputs but not checkboxes', () => {
    const element = (tagName: string, type = '') => ({ tagName, type, isContentEditable: false, closest: () => null }) as unknown as EventTarget;
    expect(isTypingTarget(element('INPUT', 'text'))).toBe(true);
    expect(isTypingTarget(element('INPUT', 'checkbox'))).toBe(false);
    expect(isTypingTarget(element('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(element('SELECT'))).toBe(true);
    expect(isTypingTarget(element('BUTTON'))).toBe(false);
  });
});
