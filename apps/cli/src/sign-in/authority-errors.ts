import { NetworkError, NonConformingResponseError, ResponseBodyError } from '@ropc/protocol';
import { classifyNativeAuthFailure, type NativeAuthFailure } from '@ropc/protocol/native-auth';
import { CliError } from '../cli/cli-error';

/**
 * Turns what the protocol library throws into the CLI's errors. Its messages hold no request
 * content (no password, no token), so they are shown as they are.
 */
export function fromProtocolError(error: unknown): unknown {
  if (error instanceof ResponseBodyError) {
    const code = error.status >= 500 ? 'unexpected_answer' : 'refused';
    const prefix = error.b2cCode === undefined ? '' : `${error.b2cCode}: `;
    return new CliError(code, `the authority refused: ${prefix}${error.message}`, {
      status: error.status,
      error: error.error,
      ...(error.b2cCode === undefined ? {} : { b2cCode: error.b2cCode }),
      errorClass: error.errorClass,
      ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
    });
  }
  if (error instanceof NonConformingResponseError) {
    return new CliError(
      'unexpected_answer',
      `unexpected answer from the authority: ${error.message}`,
      {
        status: error.status,
      },
    );
  }
  if (error instanceof NetworkError) {
    return new CliError('unreachable', `the authority did not answer: ${error.message}`);
  }
  return error;
}

/** The first line of an `error_description`: AADSTS code and message, without trace lines. */
const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0]?.trim() ?? '';

/** A native-auth call that did not succeed, as a CLI error. */
export function fromNativeAuthFailure(failure: NativeAuthFailure): CliError {
  const kind = classifyNativeAuthFailure(failure);
  switch (failure.kind) {
    case 'redirect':
      return new CliError(
        'refused',
        'the authority asks for a browser sign-in (challenge type redirect): this user or app ' +
          'cannot sign in natively',
        { kind, ...(failure.reason === undefined ? {} : { reason: failure.reason }) },
      );
    case 'invalid_response':
      return new CliError(
        'unexpected_answer',
        `unexpected answer from the authority (HTTP ${failure.status}): ${failure.problem}`,
        { status: failure.status, kind },
      );
    case 'error': {
      const { error } = failure;
      const described = firstLine(error.description) || error.error;
      return new CliError(
        error.status >= 500 ? 'unexpected_answer' : 'refused',
        `the authority refused: ${described}`,
        {
          status: error.status,
          error: error.error,
          ...(error.suberror === undefined ? {} : { suberror: error.suberror }),
          errorCodes: error.errorCodes,
          kind,
          ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
        },
      );
    }
  }
}
