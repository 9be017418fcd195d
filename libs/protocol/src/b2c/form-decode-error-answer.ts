import type { FormDecodeError } from '../oauth/form-codec';
import type { B2CErrorCode } from './b2c-error-classes';

/** How a form decode failure is answered in B2C's shape. */
export interface FormDecodeErrorAnswer {
  readonly code: B2CErrorCode;
  /** Placeholder values of the code's message. */
  readonly args: readonly string[];
  /** Replaces the code's message where B2C has no text of its own for the case. */
  readonly message?: string;
  readonly status: number;
}

/**
 * Maps a {@link FormDecodeError} to the AADB2C code a token endpoint answers with, so that the
 * emulator and the sign-in proxy refuse bad forms identically. Never includes a parameter value
 * other than an unsupported grant type (truncated).
 */
export function formDecodeErrorAnswer(
  error: FormDecodeError,
  maxBytes: number,
): FormDecodeErrorAnswer {
  switch (error.code) {
    case 'missing_parameter':
      return error.parameter === 'client_id'
        ? { code: 'AADB2C90008', args: [], status: 400 }
        : { code: 'AADB2C90083', args: [error.parameter ?? 'grant_type'], status: 400 };
    case 'unsupported_grant_type':
      return { code: 'AADB2C90086', args: [(error.grantType ?? '').slice(0, 64)], status: 400 };
    case 'duplicate_parameter':
      return {
        code: 'AADB2C90083',
        args: [],
        message: `The request has a duplicate parameter: ${error.parameter ?? ''}.`,
        status: 400,
      };
    case 'invalid_encoding':
      return {
        code: 'AADB2C90083',
        args: [],
        message: 'The request body is not valid UTF-8 application/x-www-form-urlencoded data.',
        status: 400,
      };
    case 'body_too_large':
      return {
        code: 'AADB2C90083',
        args: [],
        message: `The request body is larger than ${maxBytes} bytes.`,
        status: 413,
      };
  }
}
