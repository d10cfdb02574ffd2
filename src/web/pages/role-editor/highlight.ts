/** A phrase the analyser matched, as the highlighter needs it: where it is and which specialization it evidences. */
export interface HighlightMatch {
  start: number;
  end: number;
  specialization: string;
}

/** A run of the text: plain, or a highlight that evidences one or more specializations (strongest first). */
export type Segment = { kind: 'text'; text: string; start: number } | { kind: 'mark'; text: string; start: number; specializations: string[] };

/**
 * Cuts `text` into plain runs and highlights. Overlapping or touching-inside matches (one phrase evidencing
 * two specializations, or nested phrases) merge into one highlight, so every highlight holds whole phrases.
 * `order` ranks specializations (strongest first) and orders each highlight's list.
 * @example segmentText('Own the model registry', [{ start: 8, end: 22, specialization: 'mlops' }], ['mlops'])
 */
export function segmentText(text: string, matches: readonly HighlightMatch[], order: readonly string[] = []): Segment[] {
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  const valid = matches
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.end > m.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: { start: number; end: number; keys: Set<string> }[] = [];
  for (const m of valid) {
    const last = clusters[clusters.length - 1];
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      last.keys.add(m.specialization);
    } else clusters.push({ start: m.start, end: m.end, keys: new Set([m.specialization]) });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const c of clusters) {
    if (c.start > at) segments.push({ kind: 'text', text: text.slice(at, c.start), start: at });
    segments.push({
      kind: 'mark',
      text: text.slice(c.start, c.end),
      start: c.start,
      specializations: [...c.keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    });
    at = c.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at), start: at });
  return segments;
}
