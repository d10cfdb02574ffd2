import { createHash } from 'node:crypto';
import { POSTING_DEFAULTS } from '../../domain/postings/posting.js';
import type { Store } from '../../storage/index.js';
import { readBoard, type BoardSnapshot } from './postings.js';

/**
 * A small in-process cache of the public board (issue 16): the board is read once and each rendered page kept with
 * its ETag, so a burst of visitors costs no query and no rendering. Publishing, unpublishing, closing, editing a
 * posting or the board's look clear it at once on this instance (`invalidateBoard`); another instance sees the change
 * within the cache time (data/postings/pay-transparency.json boardCacheSeconds), as browsers and proxies do.
 */

interface Entry {
  snapshot: BoardSnapshot;
  expires: number;
  pages: Map<string, RenderedPage>;
}

export interface RenderedPage {
  body: string;
  etag: string;
  lastModified: string;
  status: number;
}

const MAX_PAGES = 500;
const entries = new WeakMap<Store, Entry>();

/** The board, read at most once per cache period (and after each invalidation). */
export async function cachedBoard(store: Store, now: Date): Promise<Entry> {
  const e = entries.get(store);
  if (e && e.expires > now.getTime()) return e;
  const fresh: Entry = { snapshot: await readBoard(store.db), expires: now.getTime() + POSTING_DEFAULTS.boardCacheSeconds * 1000, pages: new Map() };
  entries.set(store, fresh);
  return fresh;
}

/** A rendered page from the cache, or rendered now (and kept). */
export async function cachedPage(store: Store, now: Date, key: string, render: (board: BoardSnapshot) => Promise<{ body: string; status?: number }>): Promise<RenderedPage> {
  const entry = await cachedBoard(store, now);
  const hit = entry.pages.get(key);
  if (hit) return hit;
  const { body, status = 200 } = await render(entry.snapshot);
  const page: RenderedPage = { body, status, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, lastModified: new Date(entry.snapshot.lastModified).toUTCString() };
  // Filters come from the query string: the number of keys is bounded so a crawler cannot grow the cache without end.
  if (entry.pages.size < MAX_PAGES) entry.pages.set(key, page);
  return page;
}

/** Drops this instance's copy of the board: the next request reads it again. */
export function invalidateBoard(store: Store): void {
  entries.delete(store);
}
