import {
  NATIVE_AUTH_ERRORS,
  createNativeAuthErrorBody,
  nativeAuthError,
  type NativeAuthErrorDetails,
  type NativeAuthErrorEnvelope,
  type NativeAuthErrorName,
  type NativeAuthErrorOptions,
  type NativeAuthErrorTracing,
} from '@ropc/protocol/native-auth';

/**
 * An error answer of native authentication (docs/entra-native-auth-protocol.md §2.5, §7): an entry
 * of the protocol library's table, or — for the few answers the table does not hold (a missing
 * parameter, an unknown tenant, throttling) — an error written out here. Thrown by a step; the
 * endpoint writes it with the request's tracing fields.
 */
export class NativeAuthRefusal extends Error {
  private constructor(
    readonly status: number,
    private readonly write: (tracing: NativeAuthErrorTracing) => NativeAuthErrorEnvelope,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super('native authentication refused');
    this.name = 'NativeAuthRefusal';
  }

  /** An error of `NATIVE_AUTH_ERRORS`, with the details it needs (a continuation token, say). */
  static of<N extends NativeAuthErrorName>(
    name: N,
    details: Omit<NativeAuthErrorOptions<N>, keyof NativeAuthErrorTracing> = {} as never,
  ): NativeAuthRefusal {
    return new NativeAuthRefusal(NATIVE_AUTH_ERRORS[name].status, (tracing) =>
      nativeAuthError(name, { ...details, ...tracing } as NativeAuthErrorOptions<N>),
    );
  }

  /** An error outside the table: `error`, its AADSTS numbers and message, and a status. */
  static custom(
    status: number,
    error: string,
    codes: readonly number[],
    message: string,
    options: { readonly headers?: Record<string, string> } & NativeAuthErrorDetails = {},
  ): NativeAuthRefusal {
    const { headers, ...details } = options;
    return new NativeAuthRefusal(
      status,
      (tracing) => createNativeAuthErrorBody({ ...details, ...tracing, error, codes, message }),
      headers,
    );
  }

  /** A parameter the endpoint needs is missing (AADSTS900144). */
  static missing(parameter: string): NativeAuthRefusal {
    return NativeAuthRefusal.custom(
      400,
      'invalid_request',
      [900144],
      `The request body must contain the following parameter: '${parameter}'.`,
    );
  }

  /** A parameter has a value the endpoint cannot use; no AADSTS number is published for it. */
  static invalid(parameter: string, why: string): NativeAuthRefusal {
    return NativeAuthRefusal.custom(
      400,
      'invalid_request',
      [],
      `The '${parameter}' parameter is not valid: ${why}`,
    );
  }

  /** The body with this request's tracing fields. */
  body(tracing: NativeAuthErrorTracing): NativeAuthErrorEnvelope {
    return this.write(tracing);
  }
}
