import {
  parseInvalidAttributes,
  parseRequiredAttributes,
  parseUnverifiedAttributes,
  type InvalidAttribute,
  type RequiredAttribute,
  type UnverifiedAttribute,
} from './attribute-lists';

/**
 * The error envelope of every V1 endpoint (docs/entra-native-auth-protocol.md §2.5): a JSON body
 * with an OAuth-style `error`, optional `suberror`, the `AADSTS` numbers in `error_codes`, and
 * tracing fields. Some errors carry a `continuation_token` to go on with, and sign-up's carry
 * attribute lists.
 */

/** The error body as it arrives (only `error` is required here). */
export interface NativeAuthErrorBody {
  readonly error: string;
  readonly error_description?: string;
  readonly error_codes?: readonly number[];
  readonly suberror?: string;
  /** `yyyy-mm-dd hh:mm:ssZ`. */
  readonly timestamp?: string;
  readonly trace_id?: string;
  readonly correlation_id?: string;
  readonly continuation_token?: string;
  readonly required_attributes?: readonly unknown[];
  readonly invalid_attributes?: readonly unknown[];
  readonly unverified_attributes?: readonly unknown[];
}

/** An error answer, read: what a client switches on and what it logs. */
export interface NativeAuthError {
  /** The HTTP status of the answer (400 for every documented error; 429 when throttled). */
  readonly status: number;
  readonly error: string;
  readonly suberror?: string;
  /** The `AADSTS` numbers, without prefix; `[]` when the body has none. */
  readonly errorCodes: readonly number[];
  /** `error_description`, or `''`. */
  readonly description: string;
  readonly traceId?: string;
  readonly correlationId?: string;
  readonly timestamp?: string;
  /** Present on `credential_required`, `attributes_required` and a few others: go on with it. */
  readonly continuationToken?: string;
  readonly requiredAttributes?: readonly RequiredAttribute[];
  readonly invalidAttributes?: readonly InvalidAttribute[];
  readonly unverifiedAttributes?: readonly UnverifiedAttribute[];
  /** From a `Retry-After` header, in seconds. */
  readonly retryAfterSeconds?: number;
}

/** Where an error body came from. */
export interface NativeAuthErrorContext {
  /** Default 400. */
  readonly status?: number;
  readonly retryAfterSeconds?: number;
}

/** More AADSTS numbers than any answer carries; the rest are dropped. */
export const MAX_ERROR_CODES = 32;

type Body = Readonly<Record<string, unknown>>;

const textField = (body: Body, name: string): string | undefined => {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

// MSAL compares error_codes with `includes(50126)`, so only numbers count, as here.
const errorCodesOf = (value: unknown): number[] =>
  Array.isArray(value)
    ? value
        .filter((code): code is number => Number.isSafeInteger(code) && (code as number) >= 0)
        .slice(0, MAX_ERROR_CODES)
    : [];

// Leaves out absent fields, so that a parsed error holds only what the body had.
const definedFields = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

const optionalFields = (body: Body) =>
  definedFields({
    suberror: textField(body, 'suberror'),
    traceId: textField(body, 'trace_id'),
    correlationId: textField(body, 'correlation_id'),
    timestamp: textField(body, 'timestamp'),
    continuationToken: textField(body, 'continuation_token'),
    requiredAttributes: parseRequiredAttributes(body['required_attributes']),
    invalidAttributes: parseInvalidAttributes(body['invalid_attributes']),
    unverifiedAttributes: parseUnverifiedAttributes(body['unverified_attributes']),
  });

/**
 * Reads an error body. Returns undefined when `body` is not a JSON object with a non-empty string
 * `error` — then it is not this API's error answer. Fields of the wrong type are left out rather
 * than failing the whole answer; lists are cut to a sane length. Never throws.
 */
export function parseNativeAuthError(
  body: unknown,
  context: NativeAuthErrorContext = {},
): NativeAuthError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Body;
  const error = textField(record, 'error');
  if (error === undefined) return undefined;
  const description = record['error_description'];
  return {
    status: context.status ?? 400,
    error,
    errorCodes: errorCodesOf(record['error_codes']),
    description: typeof description === 'string' ? description : '',
    ...optionalFields(record),
    ...(context.retryAfterSeconds === undefined
      ? {}
      : { retryAfterSeconds: context.retryAfterSeconds }),
  };
}
