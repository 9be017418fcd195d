/**
 * The one error family of token validation. Each code fixes the HTTP status, the OAuth error of
 * the `WWW-Authenticate` answer (RFC 6750 §3.1) and a public description, so an API maps errors at
 * one edge (`requireAuth`) and callers branch with `switch (err.code)`.
 */

/** Stable codes of every {@link TokenValidationError}; `switch (err.code)` narrows them. */
export type TokenValidationErrorCode =
  | 'ERR_TOKEN_MISSING'
  | 'ERR_REQUEST_INVALID'
  | 'ERR_TOKEN_MALFORMED'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_ALGORITHM_NOT_ALLOWED'
  | 'ERR_KEY_NOT_FOUND'
  | 'ERR_ISSUER_INVALID'
  | 'ERR_AUDIENCE_INVALID'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_TOKEN_NOT_YET_VALID'
  | 'ERR_POLICY_NOT_ALLOWED'
  | 'ERR_INSUFFICIENT_SCOPE'
  | 'ERR_INSUFFICIENT_ROLE'
  | 'ERR_METADATA_UNAVAILABLE';

/**
 * The OAuth `error` of an answer: RFC 6750 §3.1 codes, plus RFC 6749's `temporarily_unavailable`
 * for the 503 given while the issuer's keys cannot be had.
 */
export type BearerErrorCode =
  'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'temporarily_unavailable';

/** HTTP status of a rejected request. */
export type TokenValidationStatus = 401 | 403 | 503;

/** What a code means on the wire. */
export interface TokenValidationErrorSpec {
  readonly status: TokenValidationStatus;
  /** Undefined only for a request without credentials: RFC 6750 §3.1 sends no error code then. */
  readonly error: BearerErrorCode | undefined;
  /** Fixed text, safe for clients: never any part of the token. */
  readonly description: string;
}

/**
 * The wire meaning of each code. Descriptions hold only characters RFC 6750 allows in
 * `error_description` (printable ASCII without `"` and `\`).
 */
export const TOKEN_VALIDATION_ERRORS: Readonly<
  Record<TokenValidationErrorCode, TokenValidationErrorSpec>
> = {
  ERR_TOKEN_MISSING: {
    status: 401,
    error: undefined,
    description: 'An access token is required.',
  },
  // RFC 6750 suggests 400 for invalid_request; a credential we cannot use is answered like any
  // other unusable credential (401 + challenge), so clients have one path to handle.
  ERR_REQUEST_INVALID: {
    status: 401,
    error: 'invalid_request',
    description: 'The Authorization header must hold exactly one Bearer token.',
  },
  ERR_TOKEN_MALFORMED: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token is malformed.',
  },
  ERR_SIGNATURE_INVALID: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token signature is invalid.',
  },
  ERR_ALGORITHM_NOT_ALLOWED: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token is signed with an algorithm that is not allowed.',
  },
  ERR_KEY_NOT_FOUND: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token is signed with an unknown key.',
  },
  ERR_ISSUER_INVALID: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token issuer is not trusted.',
  },
  ERR_AUDIENCE_INVALID: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token is not intended for this API.',
  },
  ERR_TOKEN_EXPIRED: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token expired.',
  },
  ERR_TOKEN_NOT_YET_VALID: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token is not valid yet.',
  },
  ERR_POLICY_NOT_ALLOWED: {
    status: 401,
    error: 'invalid_token',
    description: 'The access token was issued by a user flow this API does not accept.',
  },
  ERR_INSUFFICIENT_SCOPE: {
    status: 403,
    error: 'insufficient_scope',
    description: 'The access token lacks a required scope.',
  },
  ERR_INSUFFICIENT_ROLE: {
    status: 403,
    error: 'insufficient_scope',
    description: 'The access token lacks a required role.',
  },
  ERR_METADATA_UNAVAILABLE: {
    status: 503,
    error: 'temporarily_unavailable',
    description: 'The signing keys of the token issuer are unavailable; try again later.',
  },
};

/** Extra facts of one {@link TokenValidationError}. */
export interface TokenValidationErrorOptions {
  /** Private, for operators' logs: why, without any token content. Never sent to clients. */
  readonly detail?: string;
  readonly cause?: unknown;
  /** For `ERR_METADATA_UNAVAILABLE`: when a new attempt to fetch keys is allowed. */
  readonly retryAfterSeconds?: number;
  /** For `ERR_INSUFFICIENT_SCOPE`: every scope the call needs (the challenge's `scope`). */
  readonly requiredScopes?: readonly string[];
}

/**
 * A token, or the request carrying it, was refused. `message` is the public description; the
 * token never appears in any field.
 */
export class TokenValidationError extends Error {
  readonly code: TokenValidationErrorCode;
  readonly status: TokenValidationStatus;
  readonly error: BearerErrorCode | undefined;
  /** Public description, the same as `message`. */
  readonly description: string;
  readonly detail: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly requiredScopes: readonly string[];

  constructor(code: TokenValidationErrorCode, options: TokenValidationErrorOptions = {}) {
    const spec = TOKEN_VALIDATION_ERRORS[code];
    super(spec.description, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TokenValidationError';
    this.code = code;
    this.status = spec.status;
    this.error = spec.error;
    this.description = spec.description;
    this.detail = options.detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.requiredScopes = options.requiredScopes ?? [];
  }
}

/** True for any error this library throws for a refused token or request. */
export function isTokenValidationError(value: unknown): value is TokenValidationError {
  return value instanceof TokenValidationError;
}
