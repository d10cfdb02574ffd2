import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';
import { listOf } from './shared.js';

/** Request and response schemas of personal API tokens (docs/api-foundation.md). The secret is shown once, on creation. */

export const TokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
export type TokenView = z.infer<typeof TokenView>;

export const TokenListView = listOf(TokenView);
export type TokenListView = z.infer<typeof TokenListView>;

export const TokenCreateBody = z.strictObject({ name: cleanText(100) });
export type TokenCreateBody = z.infer<typeof TokenCreateBody>;

export const TokenCreatedView = z.object({ token: TokenView, secret: z.string() });
export type TokenCreatedView = z.infer<typeof TokenCreatedView>;
