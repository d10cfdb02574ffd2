export interface PaletteItem {
  id: string;
  label: string;
  /** Group heading: "Go to", "Settings", "Actions", later "Candidates", "Roles". */
  group: string;
  /** Secondary text on the right: a summary, a shortcut. */
  hint?: string;
  /** Extra words that should find this item ("people" for Users). */
  keywords?: readonly string[];
  /** Where to go; or `perform` for an action. */
  to?: string;
  perform?: () => void;
}

/** How well `query` matches `text`: 4 prefix, 3 word prefix, 2 substring, 1 letters in order, 0 none. */
export function matchScore(query: string, text: string): number {
  const q = query.trim().toLowerCase();
  const t = text.toLowerCase();
  if (!q) return 1;
  if (t.startsWith(q)) return 4;
  if (t.split(/[\s\-/]+/).some((word) => word.startsWith(q))) return 3;
  if (t.includes(q)) return 2;
  let at = 0;
  for (const char of q) {
    at = t.indexOf(char, at);
    if (at === -1) return 0;
    at += 1;
  }
  return 1;
}

/** Items matching the query, best first; ties keep their given order. All items for an empty query. */
export function rankItems(query: string, items: readonly PaletteItem[]): PaletteItem[] {
  return items
    .map((item, index) => ({
      item,
      index,
      score: Math.max(matchScore(query, item.label), ...(item.keywords ?? []).map((word) => Math.min(matchScore(query, word), 3))),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
