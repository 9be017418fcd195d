import type { ErrorResponseBody, ProxyRefusalReason } from '../oauth/error-response-body';
import { RopcError } from '../oauth/errors';
import type { B2CErrorClass } from './b2c-error-classes';
import { classifyError, parseErrorDescription } from './error-response';

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
