import type { B2CErrorClass } from './b2c-error-classes';
import {
  classifyError,
  parseErrorDescription,
  type ErrorResponseBody,
  type ProxyRefusalReason,
} from './error-response';

/** Stable codes of the errors this library throws; `switch (err.code)` narrows the class. */
export type RopcErrorCode =
  | 'ERR_RESPONSE_BODY'
  | 'ERR_NON_CONFORMING_RESPONSE'
  | 'ERR_NETWORK'
  | 'ERR_TIMEOUT'
  | 'ERR_ABORTED';

/** Base class of every error thrown by the token client. Messages never hold secrets. */
export abstract class RopcError extends Error {
  abstract readonly code: RopcErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The authorization server answered with an OAuth error body (`error` + `error_description`).
 * Carries the parsed AADB2C code and the class a client switches on.
 */
export class ResponseBodyError extends RopcError {
  readonly code = 'ERR_RESPONSE_BODY' as const;
  /** The OAuth `error` value, e.g. `access_denied`. */
  readonly error: string;
  readonly errorDescription: string;
  /** The AADB2C code, when the description has one. */
  readonly b2cCode: string | undefined;
  readonly errorClass: B2CErrorClass;
  readonly correlationId: string | undefined;
  readonly timestamp: string | undefined;
  readonly status: number;
  /** From a `Retry-After` header in seconds, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;
  /** The sign-in proxy's own `reason` for a refusal, when it sent a known one. */
  readonly proxyReason: ProxyRefusalReason | undefined;

  constructor(status: number, body: ErrorResponseBody, retryAfterSeconds?: number) {
    const parsed = parseErrorDescription(body.error_description);
    super(parsed.message || body.error);
    this.status = status;
    this.error = body.error;
    this.errorDescription = body.error_description;
    this.b2cCode = parsed.code;
    this.errorClass = classifyError(body.error, parsed.code);
    this.correlationId = parsed.correlationId;
    this.timestamp = parsed.timestamp;
    this.retryAfterSeconds = retryAfterSeconds;
    const reason: unknown = (body as { reason?: unknown }).reason;
    this.proxyReason =
      reason === 'throttled' || reason === 'account_protected' ? reason : undefined;
  }
}

/** The server answered, but not with a token response or an OAuth error body. */
export class NonConformingResponseError extends RopcError {
  readonly code = 'ERR_NON_CONFORMING_RESPONSE' as const;
  /** The HTTP status of the answer. */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The request did not get an answer: connection failure, timeout or abort by the caller. */
export class NetworkError extends RopcError {
  readonly code: 'ERR_NETWORK' | 'ERR_TIMEOUT' | 'ERR_ABORTED';

  constructor(code: 'ERR_NETWORK' | 'ERR_TIMEOUT' | 'ERR_ABORTED', message: string) {
    super(message);
    this.code = code;
  }
}

/** True for any error this library throws. */
export function isRopcError(value: unknown): value is RopcError {
  return value instanceof RopcError;
}
