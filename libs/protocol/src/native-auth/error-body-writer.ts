import {
  MAX_LISTED_ATTRIBUTES,
  type InvalidAttribute,
  type RequiredAttribute,
  type UnverifiedAttribute,
} from './attribute-lists';
import { MAX_ERROR_CODES, type NativeAuthErrorBody } from './native-auth-error';
import { requireText } from './require-text';
import { formatUtcTimestamp } from '../oauth/utc-timestamp';

/**
 * Writing the error envelope of every V1 endpoint (docs/entra-native-auth-protocol.md §2.5), the
 * server side of `parseNativeAuthError`. Whatever this writes, that parser reads back field for
 * field: values it would drop (empty strings, too many codes or attributes, unnamed attributes)
 * are refused here with a TypeError instead, since they are the caller's mistake.
 */

/** An error body as this library writes it: the tracing fields always, the rest when given. */
export interface NativeAuthErrorEnvelope extends NativeAuthErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly error_codes: readonly number[];
  /** `yyyy-mm-dd hh:mm:ssZ`, the instant of {@link NativeAuthErrorTracing.timestamp}. */
  readonly timestamp: string;
  readonly trace_id: string;
  readonly correlation_id: string;
  readonly suberror?: string;
  readonly continuation_token?: string;
  readonly required_attributes?: readonly RequiredAttribute[];
  readonly invalid_attributes?: readonly InvalidAttribute[];
  readonly unverified_attributes?: readonly UnverifiedAttribute[];
}

/** What names one answer in the server's logs; every error body carries all three. */
export interface NativeAuthErrorTracing {
  /** A GUID for this request. */
  readonly traceId: string;
  /** A GUID; MSAL puts this one into the error it raises. */
  readonly correlationId: string;
  readonly timestamp: Date;
}

/** What some errors carry so the flow can go on (§2.3, §4.3). */
export interface NativeAuthErrorDetails {
  readonly continuationToken?: string;
  readonly requiredAttributes?: readonly RequiredAttribute[];
  readonly invalidAttributes?: readonly InvalidAttribute[];
  readonly unverifiedAttributes?: readonly UnverifiedAttribute[];
}

/** What {@link createNativeAuthErrorBody} needs. */
export interface NativeAuthErrorBodyOptions extends NativeAuthErrorTracing, NativeAuthErrorDetails {
  readonly error: string;
  readonly suberror?: string;
  /** The AADSTS numbers, without prefix; `[]` when none is known (see the description's form). */
  readonly codes: readonly number[];
  /** The sentence after `AADSTS{n}: `; one line. */
  readonly message: string;
}

/** What the first line of the description and its tracing lines are made of. */
export type NativeAuthErrorDescriptionParts = Pick<
  NativeAuthErrorBodyOptions,
  'codes' | 'message' | 'traceId' | 'correlationId' | 'timestamp'
>;

/**
 * Formats an instant as the service writes `timestamp`: `yyyy-mm-dd hh:mm:ssZ`, UTC, seconds
 * truncated. Throws a TypeError for an invalid Date or a year outside 0000–9999.
 */
export function formatNativeAuthTimestamp(instant: Date): string {
  const year = instant.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999)
    throw new TypeError('timestamp must be a valid Date between the years 0000 and 9999');
  return formatUtcTimestamp(instant);
}

// The description is a layout of lines, so a value that breaks a line would forge another one.
function requireLine(value: string, parameter: string): string {
  requireText(value, parameter);
  if (/[\r\n]/u.test(value)) throw new TypeError(`${parameter} must be a single line`);
  return value;
}

/**
 * `error_description`: `AADSTS{first code}: {message}`, then `Trace ID: …`, `Correlation ID: …`
 * and `Timestamp: …` lines, separated by CRLF with none after the last (§2.5, as the published
 * examples and the AADSTS reference show it). With no code the first line is the message alone
 * — no `AADSTS` prefix is invented; readers that follow MSAL key on `error_codes`, never on it.
 */
export function formatNativeAuthErrorDescription(parts: NativeAuthErrorDescriptionParts): string {
  const message = requireLine(parts.message, 'message');
  const [first] = parts.codes;
  return [
    first === undefined ? message : `AADSTS${first}: ${message}`,
    `Trace ID: ${requireLine(parts.traceId, 'traceId')}`,
    `Correlation ID: ${requireLine(parts.correlationId, 'correlationId')}`,
    `Timestamp: ${formatNativeAuthTimestamp(parts.timestamp)}`,
  ].join('\r\n');
}

function checkCodes(codes: readonly number[]): number[] {
  if (codes.length > MAX_ERROR_CODES)
    throw new TypeError(`codes must be an array of at most ${MAX_ERROR_CODES} numbers`);
  if (!codes.every((code) => Number.isSafeInteger(code) && code >= 0))
    throw new TypeError('codes must be non-negative integers');
  return [...codes];
}

function checkList<T extends { readonly name: string }>(
  items: readonly T[],
  parameter: string,
): readonly T[] {
  if (items.length > MAX_LISTED_ATTRIBUTES)
    throw new TypeError(`${parameter} must be an array of at most ${MAX_LISTED_ATTRIBUTES} items`);
  items.forEach((item) => requireText(item.name, `${parameter} item name`));
  return items;
}

// Each item with its fields in the order the published example shows, absent ones left out.
const requiredAttributeItem = ({ name, type, required, options }: RequiredAttribute) => ({
  name,
  ...(type === undefined ? {} : { type }),
  ...(required === undefined ? {} : { required }),
  ...(options?.regex === undefined ? {} : { options: { regex: options.regex } }),
});

const invalidAttributeItem = ({ name, reason }: InvalidAttribute) => ({
  name,
  ...(reason === undefined ? {} : { reason }),
});

const listField = <T extends { readonly name: string }, U>(
  key: string,
  items: readonly T[] | undefined,
  parameter: string,
  toItem: (item: T) => U,
) => (items === undefined ? {} : { [key]: checkList(items, parameter).map(toItem) });

function optionalFields(options: NativeAuthErrorBodyOptions) {
  const { suberror, continuationToken } = options;
  return {
    ...(suberror === undefined ? {} : { suberror: requireText(suberror, 'suberror') }),
    ...(continuationToken === undefined
      ? {}
      : { continuation_token: requireText(continuationToken, 'continuationToken') }),
    ...listField(
      'required_attributes',
      options.requiredAttributes,
      'requiredAttributes',
      requiredAttributeItem,
    ),
    ...listField(
      'invalid_attributes',
      options.invalidAttributes,
      'invalidAttributes',
      invalidAttributeItem,
    ),
    ...listField(
      'unverified_attributes',
      options.unverifiedAttributes,
      'unverifiedAttributes',
      ({ name }) => ({ name }),
    ),
  };
}

/**
 * Writes an error body. Keys come in a fixed order — `error`, `error_description`,
 * `error_codes`, `timestamp`, `trace_id`, `correlation_id`, then `suberror`,
 * `continuation_token`, `required_attributes`, `invalid_attributes`, `unverified_attributes`
 * only when given — the order of the published examples, which put `suberror` after the tracing
 * fields. The HTTP status is the caller's (400 for every published error). Throws a TypeError
 * for what the reading side would not read back: an empty `error` or id, a message or id with
 * a line break, more than 32 codes or 100 attributes, an unnamed attribute.
 */
export function createNativeAuthErrorBody(
  options: NativeAuthErrorBodyOptions,
): NativeAuthErrorEnvelope {
  const codes = checkCodes(options.codes);
  return {
    error: requireText(options.error, 'error'),
    error_description: formatNativeAuthErrorDescription({ ...options, codes }),
    error_codes: codes,
    timestamp: formatNativeAuthTimestamp(options.timestamp),
    trace_id: options.traceId,
    correlation_id: options.correlationId,
    ...optionalFields(options),
  };
}
