import type { ApiTokenRecord } from '../../services/records.js';
import type { TokenView } from '../../../api/tokens.js';

/** The fields of an API token that leave the server: never its hash (the secret is shown once, on creation). */
export function presentToken(t: ApiTokenRecord): TokenView {
  return { id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt };
}
