import {
  createNativeAuthErrorBody,
  formatNativeAuthErrorDescription,
  formatNativeAuthTimestamp,
  type NativeAuthErrorBodyOptions,
} from './error-body-writer';
import {
  CORRELATION_ID,
  CT3,
  TIMESTAMP,
  TRACE_ID,
} from '../../test/fixtures/native-auth/identities';

const at = new Date('2026-12-07T10:15:00.987Z');
const ids = { traceId: TRACE_ID, correlationId: CORRELATION_ID, timestamp: at };
const tracingLines = `\r\nTrace ID: ${TRACE_ID}\r\nCorrelation ID: ${CORRELATION_ID}\r\nTimestamp: ${TIMESTAMP}`;

const wrongPassword: NativeAuthErrorBodyOptions = {
  ...ids,
  error: 'invalid_grant',
  codes: [50126],
  message: 'Error validating credentials due to invalid username or password.',
};

describe('formatNativeAuthTimestamp', () => {
  it('writes UTC as yyyy-mm-dd hh:mm:ssZ, dropping the milliseconds', () => {
    expect(formatNativeAuthTimestamp(at)).toBe(TIMESTAMP);
    expect(formatNativeAuthTimestamp(new Date(0))).toBe('1970-01-01 00:00:00Z');
  });

  it.each([new Date(Number.NaN), new Date('+010000-01-01T00:00:00Z'), new Date('-000001-01-01')])(
    'refuses %p with a TypeError',
    (instant) => {
      expect(() => formatNativeAuthTimestamp(instant)).toThrow(TypeError);
    },
  );
});

describe('formatNativeAuthErrorDescription', () => {
  it('prefixes the first code and adds the tracing lines, no CRLF at the end', () => {
    expect(formatNativeAuthErrorDescription({ ...wrongPassword, codes: [50126, 7] })).toBe(
      `AADSTS50126: Error validating credentials due to invalid username or password.${tracingLines}`,
    );
  });

  it('starts with the message alone when there is no code', () => {
    expect(
      formatNativeAuthErrorDescription({ ...ids, codes: [], message: 'Password is invalid.' }),
    ).toBe(`Password is invalid.${tracingLines}`);
  });

  it.each([
    ['message', { message: 'two\r\nlines' }],
    ['message', { message: '' }],
    ['traceId', { traceId: 'a\nb' }],
    ['correlationId', { correlationId: 'a\rb' }],
  ])('refuses a %s that would break the layout', (parameter, change) => {
    expect(() => formatNativeAuthErrorDescription({ ...wrongPassword, ...change })).toThrow(
      new RegExp(`^${parameter} `, 'u'),
    );
  });
});

describe('createNativeAuthErrorBody', () => {
  it('writes the whole envelope of a wrong password, keys in the fixed order', () => {
    const body = createNativeAuthErrorBody(wrongPassword);
    expect(body).toEqual({
      error: 'invalid_grant',
      error_description: `AADSTS50126: ${wrongPassword.message}${tracingLines}`,
      error_codes: [50126],
      timestamp: TIMESTAMP,
      trace_id: TRACE_ID,
      correlation_id: CORRELATION_ID,
    });
    expect(Object.keys(body)).toEqual([
      'error',
      'error_description',
      'error_codes',
      'timestamp',
      'trace_id',
      'correlation_id',
    ]);
  });

  it('adds the optional fields after the tracing fields, in a fixed order, only when given', () => {
    const body = createNativeAuthErrorBody({
      ...ids,
      unverifiedAttributes: [{ name: 'email' }],
      invalidAttributes: [{ name: 'city', reason: 'too long' }, { name: 'postalCode' }],
      requiredAttributes: [
        { name: 'displayName' },
        { name: 'postalCode', type: 'string', required: true, options: { regex: '^[0-9]+$' } },
        { name: 'city', options: {} },
      ],
      continuationToken: CT3,
      suberror: 'attribute_validation_failed',
      error: 'invalid_grant',
      codes: [],
      message: 'User attribute validation failed.',
    });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        error: 'invalid_grant',
        error_description: `User attribute validation failed.${tracingLines}`,
        error_codes: [],
        timestamp: TIMESTAMP,
        trace_id: TRACE_ID,
        correlation_id: CORRELATION_ID,
        suberror: 'attribute_validation_failed',
        continuation_token: CT3,
        required_attributes: [
          { name: 'displayName' },
          { name: 'postalCode', type: 'string', required: true, options: { regex: '^[0-9]+$' } },
          { name: 'city' },
        ],
        invalid_attributes: [{ name: 'city', reason: 'too long' }, { name: 'postalCode' }],
        unverified_attributes: [{ name: 'email' }],
      }),
    );
  });

  it('copies the codes, so a later change to the caller’s array does not reach the body', () => {
    const codes = [50126];
    const body = createNativeAuthErrorBody({ ...wrongPassword, codes });
    codes.push(1);
    expect(body.error_codes).toEqual([50126]);
  });

  it.each<[string, Partial<NativeAuthErrorBodyOptions>]>([
    ['an empty error', { error: '' }],
    ['an empty suberror', { suberror: '' }],
    ['an empty continuation token', { continuationToken: '' }],
    ['a negative code', { codes: [-1] }],
    ['a fractional code', { codes: [1.5] }],
    ['more codes than a reader keeps', { codes: Array.from({ length: 33 }, (_, i) => i) }],
    ['an unnamed attribute', { requiredAttributes: [{ name: '' }] }],
    [
      'more attributes than a reader keeps',
      { invalidAttributes: Array.from({ length: 101 }, (_, i) => ({ name: `a${i}` })) },
    ],
    ['an invalid timestamp', { timestamp: new Date('no') }],
  ])('refuses %s with a TypeError', (_, change) => {
    expect(() => createNativeAuthErrorBody({ ...wrongPassword, ...change })).toThrow(TypeError);
  });
});
