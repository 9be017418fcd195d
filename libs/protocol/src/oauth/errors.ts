/**
 * The error family every part of this library throws: one base class with a stable `code`. The
 * kind-neutral classes are here; each authority kind adds its class for an OAuth error body (B2C:
 * `ResponseBodyError` in b2c/response-body-error.ts, code `ERR_RESPONSE_BODY`).
 */

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
