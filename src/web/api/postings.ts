/**
 * A role's job posting in the web app (issue 16): read with its findings, save the draft, publish, unpublish, close.
 * Writes send If-Match with the version the page read.
 */
import type { PostingPutBody, PostingView } from '../../api/postings.js';
import { api } from './client.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';

export type Posting = PostingView;
export type PostingContent = PostingPutBody;

const id = (value: string) => encodeURIComponent(value);

export function getPosting(roleId: string, signal?: AbortSignal): Promise<Posting> {
  return api.get(`/roles/${id(roleId)}/posting`, { signal });
}

/** Creates the draft (no version yet) or saves a new version of the content. */
export function putPosting(roleId: string, version: number | null, content: PostingContent): Promise<Posting> {
  const headers: Record<string, string> = { 'Idempotency-Key': newIdempotencyKey() };
  if (version !== null) headers['If-Match'] = ifMatch(version);
  return api.put(`/roles/${id(roleId)}/posting`, content, { headers });
}

export function changePostingStatus(roleId: string, version: number, action: 'publish' | 'unpublish' | 'close'): Promise<Posting> {
  return api.post(`/roles/${id(roleId)}/posting/${action}`, action === 'publish' ? { acknowledgeFindings: true } : {}, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}
