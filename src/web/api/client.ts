import type { ErrorCode } from '../../domain/shared/error-codes.js';

/** Codes the client itself produces when no API error body could be read. */
export type ClientErrorCode = 'NETWORK_FAILED' | 'UNEXPECTED_RESPONSE';

/** An API failure as `{ code, message, field }`, plus the HTTP status (0 when the server was not reached). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly field: string | undefined;
  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The words to show a person for any thrown value: the API's message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  /** Prefix of every path; `/api/v1` in the app. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called when the server says the session is gone (401 UNAUTHENTICATED), after the error is built. */
  onUnauthenticated?: (error: ApiError) => void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const WRITE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A small JSON client for the Closer API: cookies for the session, `X-CSRF-Token` on every write,
 * and every failure thrown as an `ApiError`.
 * @example const { items } = await api.get<ListOf<User>>('/users');
 */
export class ApiClient {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  #csrfToken: string | undefined;
  onUnauthenticated: ((error: ApiError) => void) | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
    // Bound so that `window.fetch` is not called with the client as `this`.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.#fetch = fetchImpl.bind(globalThis);
    this.onUnauthenticated = options.onUnauthenticated;
  }

  /** The token from the last login, setup or session response; sent with every write. */
  setCsrfToken(token: string | undefined): void {
    this.#csrfToken = token;
  }

  get csrfToken(): string | undefined {
    return this.#csrfToken;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options);
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: Method, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    // No Content-Type without a body: the server rejects an empty body declared as JSON.
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (WRITE_METHODS.has(method) && this.#csrfToken) headers['X-CSRF-Token'] = this.#csrfToken;

    let response: Response;
    try {
      response = await this.#fetch(this.#url(path, options.query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, 'NETWORK_FAILED', 'Cannot reach the Closer server. Check your connection and try again.');
    }

    if (response.status === 204) return undefined as T;
    const payload = await readJson(response);

    if (!response.ok) {
      const error =
        payload === NOT_JSON && response.status >= 502 && response.status <= 504
          ? new ApiError(response.status, 'NETWORK_FAILED', `The Closer server is not answering (HTTP ${response.status}). Check that it is running.`)
          : toApiError(response.status, payload);
      if (error.code === 'UNAUTHENTICATED') this.onUnauthenticated?.(error);
      throw error;
    }
    if (payload === NOT_JSON) {
      throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', `The server sent an unexpected answer (HTTP ${response.status}).`);
    }
    return payload as T;
  }

  #url(path: string, query: Record<string, QueryValue> | undefined): string {
    const suffix = path.startsWith('/') ? path : `/${path}`;
    let url = `${this.#baseUrl}${suffix}`;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== null) params.append(key, String(value));
      }
      const text = params.toString();
      if (text) url += `${url.includes('?') ? '&' : '?'}${text}`;
    }
    return url;
  }
}

const NOT_JSON = Symbol('not-json');

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return NOT_JSON;
  try {
    return await response.json();
  } catch {
    return NOT_JSON;
  }
}

/** Builds the typed error from an error body, falling back to a plain sentence when the body is not `{ code, message }`. */
export function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object') {
    const { code, message, field } = payload as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(status, code as ErrorCode, message, typeof field === 'string' && field ? field : undefined);
    }
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', `The server sent an unexpected answer (HTTP ${status}).`);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The one client the app uses; `SessionProvider` keeps its CSRF token current. */
export const api = new ApiClient();
