import { listCandidates, listRoles } from '../api/pipeline.js';
import { matchScore } from './palette-filter.js';
import type { PaletteItem } from './palette-filter.js';

/** A searchable set of things the palette can jump to, queried as the user types. */
export interface PaletteSource {
  id: string;
  /** Minimum query length before `search` is called. */
  minQueryLength: number;
  search: (query: string, signal: AbortSignal) => Promise<PaletteItem[]>;
}

const MAX_PER_SOURCE = 6;

export const PALETTE_SOURCES: readonly PaletteSource[] = [
  {
    id: 'candidates',
    minQueryLength: 2,
    // The server searches names and e-mails; a user without access gets 403 and the palette shows nothing from here.
    search: async (query, signal) =>
      (await listCandidates({ q: query, limit: MAX_PER_SOURCE }, signal)).items.map((c) => ({
        id: `candidate:${c.id}`,
        label: c.name,
        group: 'Candidates',
        hint: c.currentEmployer ?? undefined,
        to: `/candidates/${encodeURIComponent(c.id)}`,
      })),
  },
  {
    id: 'roles',
    minQueryLength: 2,
    // Roles are few: filter the list here with the palette's own matching.
    search: async (query, signal) =>
      (await listRoles(signal)).items
        .map((role) => ({ role, score: matchScore(query, role.title) }))
        .filter((r) => r.score > 1)
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_PER_SOURCE)
        .map(({ role }) => ({ id: `role:${role.id}`, label: role.title, group: 'Roles', hint: role.status === 'closed' ? 'closed' : 'board', to: `/roles/${encodeURIComponent(role.id)}` })),
  },
];
