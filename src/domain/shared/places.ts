/**
 * Places in the app that error messages point people to. A message names a place by its `words`
 * ("Choose approvers in Settings → Approvals"); the web turns those words into a link to `path`.
 * Pure and browser-safe.
 */
const PLACES = {
  approvals: { words: 'Settings → Approvals', path: '/settings/approvals' },
  users: { words: 'Settings → Users', path: '/settings/users' },
} as const;

export interface MessagePart {
  text: string;
  /** Set when the text is the name of a place: where it links to. */
  path?: string;
}

/**
 * Splits a message into plain text and the names of places, in order, so a caller can render the places as links.
 * @example splitPlaces('Choose approvers in Settings → Approvals.') // [{ text: 'Choose approvers in ' }, { text: 'Settings → Approvals', path: '/settings/approvals' }, { text: '.' }]
 */
export function splitPlaces(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let rest = message;
  for (;;) {
    let first: { index: number; words: string; path: string } | undefined;
    for (const place of Object.values(PLACES)) {
      const index = rest.indexOf(place.words);
      if (index >= 0 && (first === undefined || index < first.index)) first = { index, words: place.words, path: place.path };
    }
    if (!first) break;
    if (first.index > 0) parts.push({ text: rest.slice(0, first.index) });
    parts.push({ text: first.words, path: first.path });
    rest = rest.slice(first.index + first.words.length);
  }
  if (rest) parts.push({ text: rest });
  return parts;
}
