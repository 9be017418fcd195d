import { NetworkError, NonConformingResponseError, ResponseBodyError } from '@ropc/protocol';
import type { NativeAuthFailure } from '@ropc/protocol/native-auth';
import { classifyNativeAuthFailure } from '@ropc/protocol/native-auth';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

/**
 * Turns what the protocol library throws for a B2C token call into the CLI's error: an OAuth
 * error body is a refusal (exit 3) with its AADB2C code; no answer, or an answer that is not
 * OAuth, is exit 4. Library messages hold no request content, so they can be shown.
 */
export function b2cCallError(error: unknown, what: string): unknown {
  if (error instanceof ResponseBodyError) {
    const code = error.b2cCode === undefined ? '' : ` (${error.b2cCode})`;
    return new CliError(
      error.errorClass,
      `the authority refused the ${what}: ${error.message}${code}`,
      EXIT_CODES.refused,
      {
        error: error.error,
        ...(error.b2cCode === undefined ? {} : { b2cCode: error.b2cCode }),
        ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
      },
    );
  }
  if (error instanceof NetworkError)
    return new CliError('unreachable', error.message, EXIT_CODES.unreachable);
  if (error instanceof NonConformingResponseError)
    return new CliError(
      'unexpected_response',
      `the authority answered HTTP ${String(error.status)} with no OAuth body: ${error.message}`,
      EXIT_CODES.unreachable,
    );
  return error;
}

/** The CLI's error for a native-auth call that did not succeed. */
export function nativeFailureError(failure: NativeAuthFailure, what: string): CliError {
  const kind = classifyNativeAuthFailure(failure);
  switch (failure.kind) {
    case 'error': {
      const { error } = failure;
      const codes = error.errorCodes.length > 0 ? ` (${error.errorCodes.join(', ')})` : '';
      const description = error.description.split(/\r?\n/)[0] ?? error.error;
      return new CliError(
        kind,
        `the authority refused the ${what}: ${description}${codes}`,
        EXIT_CODES.refused,
        {
          error: error.error,
          ...(error.suberror === undefined ? {} : { suberror: error.suberror }),
          ...(error.errorCodes.length > 0 ? { errorCodes: error.errorCodes.join(' ') } : {}),
        },
      );
    }
    case 'redirect':
      return new CliError(
        'redirect',
        `the authority asks for a browser sign-in for this ${what} (challenge_type redirect)`,
        EXIT_CODES.refused,
      );
    case 'invalid_response':
      return new CliError(
        'unexpected_response',
        `the authority answered HTTP ${String(failure.status)} with an unexpected body (${failure.problem})`,
        EXIT_CODES.unreachable,
      );
  }
}

/** A native-auth call that got no answer. */
export function nativeCallError(error: unknown): unknown {
  return error instanceof NetworkError
    ? new CliError('unreachable', error.message, EXIT_CODES.unreachable)
    : error;
}
