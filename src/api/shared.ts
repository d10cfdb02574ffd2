/**
 * What every route of the HTTP API shares: the error response, the standard error statuses, ids in the path,
 * empty bodies, lists, and paging. The schemas of each resource are in the file of that resource (src/api/<resource>.ts);
 * the server validates with them and generates /api/v1/openapi.json from them, the web and the CLI use their types.
 */
import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../domain/shared/error-codes.js';
import { DomainError } from '../domain/shared/errors.js';

/* ------------------------------------------------------------------ errors */

/** Every error answer: a stable code (src/domain/shared/error-codes.ts), words for people, and the field at fault. */

export const ErrorResponse = z.object({
  code: z.enum(Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  field: z.string().optional(),
  /**
   * More about the error, for the few errors that carry data a client acts on; a route that sends it declares its
   * shape (e.g. the duplicate candidates of a 409 on POST /candidates, `DuplicateResponse`). Always optional.
   */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Standard error responses to declare on a route, so the OpenAPI document lists them. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

/* ------------------------------------------------------ ids, bodies, lists */

export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
export type IdParams = z.infer<typeof IdParams>;
export const EmptyBody = z.strictObject({}).optional();
export type EmptyBody = z.infer<typeof EmptyBody>;

/** An empty answer (204). */
export const NoContent = z.null();

/** The answer of a list route: `{ items: [...] }`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
export interface ListOf<T> {
  items: T[];
}

/** A write of a versioned record: 412 PRECONDITION_FAILED when `If-Match` is stale, 428 when it is missing. */
export const PreconditionErrors = { ...errorResponses, 412: ErrorResponse, 428: ErrorResponse } as const;
/** A versioned write whose rules can refuse it (422), such as a pipeline or role write. */
export const WriteErrors = { ...PreconditionErrors, 422: ErrorResponse } as const;
/** An upload over its size limit (413). */
export const UploadErrors = { ...errorResponses, 413: ErrorResponse } as const;

/* ------------------------------------------------------------------ paging */

/** Query strings are never coerced: `limit` and `offset` arrive as digits and are read by pageWindow. */
export const PageLimit = z.string().regex(/^\d{1,6}$/, { message: 'A whole number' });
export const PageOffset = z.string().regex(/^\d{1,9}$/, { message: 'A whole number' });
/** `?limit=&offset=` of every offset-paged list; a route's query spreads `...PageQuery.shape` beside its filters. */
export const PageQuery = z.strictObject({ limit: PageLimit.optional(), offset: PageOffset.optional() });
export type PageQuery = z.infer<typeof PageQuery>;

export interface PageRule {
  /** Items on a page when `limit` is absent. */
  defaultLimit: number;
  /** The largest `limit` accepted; a larger one is 400 VALIDATION_FAILED (field `limit`), and so is 0. */
  maxLimit: number;
  /** Audit log only, as before the contract: a limit outside 1..maxLimit is brought within it instead of refused. */
  clamp?: boolean;
}

/** The paging rule of every list: 100 items a page unless `limit` says otherwise, at most 500. */
export const PAGE: PageRule = { defaultLimit: 100, maxLimit: 500 };

/**
 * Lists that accepted other figures before the contract existed, kept so that no request that worked stops working
 * (docs/api-foundation.md, "Paging"). New lists use PAGE.
 */
export const PAGE_EXCEPTIONS = {
  /** The board and the role counts read 1,000 applications a page. */
  applications: { defaultLimit: 200, maxLimit: 1_000 },
  /** Cursor-paged (`cursor` = `nextCursor` of the previous page). */
  audit: { defaultLimit: 100, maxLimit: 1_000, clamp: true },
  /** Not a page but a cap on the cards and items of Today. */
  today: { defaultLimit: 500, maxLimit: 10_000 },
  /** A picker's search results (GET /offer-drafts). */
  offerTargets: { defaultLimit: 20, maxLimit: 100 },
} as const satisfies Record<string, PageRule>;

/** The one paging parser: `limit` and `offset` from their query-string digits, checked against the list's rule. */
export function pageWindow(query: { limit?: string; offset?: string }, rule: PageRule = PAGE): { limit: number; offset: number } {
  let limit = query.limit === undefined ? rule.defaultLimit : Number(query.limit);
  if (rule.clamp) limit = Math.max(1, Math.min(limit, rule.maxLimit));
  else if (limit < 1 || limit > rule.maxLimit) throw new DomainError('VALIDATION_FAILED', `limit is a whole number from 1 to ${rule.maxLimit}.`, 'limit');
  return { limit, offset: query.offset === undefined ? 0 : Number(query.offset) };
}

/** No body, `{}` or null: actions that take nothing but the path (and If-Match). */
export const NoBody = z.strictObject({}).nullish();
