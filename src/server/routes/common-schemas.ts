import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../../domain/shared/error-codes.js';

export const ErrorResponse = z.object({
  code: z.enum(Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  field: z.string().optional(),
});

/** Standard error responses to declare on a route, so the OpenAPI document lists them. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

/**
 * The one table of a write's error responses: the standard ones, 412 PRECONDITION_FAILED (a stale If-Match),
 * 422 IDEMPOTENCY_KEY_REUSED (runWrite) and 428 PRECONDITION_REQUIRED (no If-Match).
 */
export const writeErrorResponses = { ...errorResponses, 412: ErrorResponse, 422: ErrorResponse, 428: ErrorResponse } as const;

export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
export const EmptyBody = z.strictObject({}).optional();
