import type { PaletteItem } from './palette-filter.js';

/**
 * A searchable set of things the palette can jump to, queried as the user types.
 * Later areas add theirs here, e.g. candidates by name through GET /api/v1/candidates?q=.
 */
export interface PaletteSource {
  id: string;
  /** Minimum query length before `search` is called. */
  minQueryLength: number;
  search: (query: string, signal: AbortSignal) => Promise<PaletteItem[]>;
}

export const PALETTE_SOURCES: readonly PaletteSource[] = [];
