/**
 * The one error type of Comptoir. Tools throw an AppError with a code; each frontend maps the code
 * once (HTTP status, MCP isError, agent tool message) into the shape { error: { code, message, details } }.
 */
export type ErrorCode = 'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'unauthorized' | 'upstream';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details ?? null } };
  }
}

export interface ErrorBody {
  error: { code: ErrorCode | 'internal' | 'unavailable'; message: string; details: unknown };
}

export const notFound = (message: string, details?: unknown) => new AppError('not_found', message, details);
export const invalid = (message: string, details?: unknown) => new AppError('invalid', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
export const forbidden = (message: string, details?: unknown) => new AppError('forbidden', message, details);
export const unauthorized = (message: string, details?: unknown) => new AppError('unauthorized', message, details);
export const upstream = (message: string, details?: unknown) => new AppError('upstream', message, details);

/** HTTP status for each code: the single mapping table for REST. */
export const httpStatus: Record<ErrorBody['error']['code'], number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  upstream: 502,
  internal: 500,
  /** The database cannot be reached: the request changed nothing and may be sent again (Retry-After). */
  unavailable: 503,
};

/** Any thrown value as the JSON error shape; unknown errors do not leak their internals. */
export function errorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) return err.toJSON();
  return { error: { code: 'internal', message: 'Internal error. The failure was logged.', details: null } };
}
