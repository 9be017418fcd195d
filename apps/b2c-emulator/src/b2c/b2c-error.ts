import {
  B2C_ERROR_CODES,
  formatB2CMessage,
  type B2CErrorCode,
  type OAuthErrorValue,
} from '@ropc/protocol';

/**
 * An error the emulator answers in B2C's shape. Thrown by the grant steps and turned into an HTTP
 * answer at one edge (`b2c-error-response.ts`). Its message is public: never put a secret in it.
 */
export class B2CError extends Error {
  readonly status: number;
  readonly error: OAuthErrorValue;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly b2cCode: B2CErrorCode,
    args: readonly (string | number)[] = [],
    options: {
      status?: number;
      error?: OAuthErrorValue;
      headers?: Record<string, string>;
      /** Replaces the registry's message, for observed variants of a code's text. */
      message?: string;
    } = {},
  ) {
    super(options.message ?? formatB2CMessage(b2cCode, ...args));
    this.name = 'B2CError';
    this.status = options.status ?? B2C_ERROR_CODES[b2cCode].status;
    this.error = options.error ?? B2C_ERROR_CODES[b2cCode].error;
    this.headers = options.headers ?? {};
  }
}
