import { PASSWORD_POLICY_KINDS, type NativeAuthErrorKind } from './classify-error';
import {
  NATIVE_AUTH_ERRORS,
  nativeAuthError,
  type NativeAuthErrorEntry,
  type NativeAuthErrorName,
} from './native-auth-errors';
import {
  CORRELATION_ID,
  CT3,
  TIMESTAMP,
  TRACE_ID,
} from '../../test/fixtures/native-auth/identities';

const ids = {
  traceId: TRACE_ID,
  correlationId: CORRELATION_ID,
  timestamp: new Date('2026-12-07T10:15:00Z'),
};
const tracingLines = `\r\nTrace ID: ${TRACE_ID}\r\nCorrelation ID: ${CORRELATION_ID}\r\nTimestamp: ${TIMESTAMP}`;
const entries = Object.entries(NATIVE_AUTH_ERRORS) as [NativeAuthErrorName, NativeAuthErrorEntry][];

/**
 * Where each kind of the classifier comes from on the emulator's side; a kind added to
 * classify-error.ts does not compile here until it is placed.
 */
const KIND_SOURCES: Readonly<Record<NativeAuthErrorKind, 'table' | 'not answered'>> = {
  user_not_found: 'table',
  invalid_password: 'table',
  invalid_code: 'table',
  password_too_weak: 'table',
  password_too_short: 'table',
  password_too_long: 'table',
  password_recently_used: 'table',
  password_banned: 'table',
  password_is_invalid: 'table',
  user_already_exists: 'table',
  attributes_required: 'table',
  attribute_validation_failed: 'table',
  credential_required: 'table',
  verification_required: 'table',
  // Strong authentication is not covered (§3.5), and throttling is an HTTP status (§7.2).
  strong_auth_required: 'not answered',
  throttled: 'not answered',
  expired_token: 'table',
  locked: 'table',
  invalid_username: 'table',
  unsupported_challenge_type: 'table',
  password_reset_required: 'table',
  other: 'table',
};

describe('NATIVE_AUTH_ERRORS', () => {
  it('has an entry for every kind the emulator answers, and none for the others', () => {
    const kinds = new Set(entries.map(([, entry]) => entry.kind));
    const expected = Object.entries(KIND_SOURCES)
      .filter(([, source]) => source === 'table')
      .map(([kind]) => kind);
    expect([...kinds].sort()).toEqual(expected.sort());
  });

  it('names each password-policy entry after its suberror and kind', () => {
    for (const kind of PASSWORD_POLICY_KINDS)
      expect(NATIVE_AUTH_ERRORS[kind]).toMatchObject({
        error: 'invalid_grant',
        suberror: kind,
        kind,
      });
  });

  it.each(entries)('%s: one-line message, status 400, guesses named', (_, entry) => {
    expect(entry.message).toMatch(/^[^\r\n]+$/u);
    expect(entry.status).toBe(400);
    expect(entry.codes.every((code) => Number.isSafeInteger(code) && code > 0)).toBe(true);
    for (const guess of entry.unconfirmed ?? [])
      expect(['error', 'codes', 'message']).toContain(guess);
  });
});

describe('nativeAuthError', () => {
  it('writes the whole body of a wrong password from its name and the ids', () => {
    expect(nativeAuthError('invalid_password', ids)).toEqual({
      error: 'invalid_grant',
      error_description:
        'AADSTS50126: Error validating credentials due to invalid username or password.' +
        tracingLines,
      error_codes: [50126],
      timestamp: TIMESTAMP,
      trace_id: TRACE_ID,
      correlation_id: CORRELATION_ID,
    });
  });

  it('writes a wrong code with its suberror after the tracing fields', () => {
    expect(JSON.stringify(nativeAuthError('invalid_code', ids))).toBe(
      JSON.stringify({
        error: 'invalid_grant',
        error_description: `AADSTS50181: Unable to validate the otp.${tracingLines}`,
        error_codes: [50181],
        timestamp: TIMESTAMP,
        trace_id: TRACE_ID,
        correlation_id: CORRELATION_ID,
        suberror: 'invalid_oob_value',
      }),
    );
  });

  it('writes credential_required with the continuation token MSAL goes on with', () => {
    expect(nativeAuthError('credential_required', { ...ids, continuationToken: CT3 })).toEqual({
      error: 'credential_required',
      error_description: `AADSTS55103: Credential required.${tracingLines}`,
      error_codes: [55103],
      timestamp: TIMESTAMP,
      trace_id: TRACE_ID,
      correlation_id: CORRELATION_ID,
      continuation_token: CT3,
    });
  });

  it('takes a message instead of the table’s, keeping the code', () => {
    const body = nativeAuthError('unknown_client', {
      ...ids,
      message: "Application 'x' not found.",
    });
    expect(body.error_description).toBe(`AADSTS700016: Application 'x' not found.${tracingLines}`);
  });

  it('refuses an entry without the details it requires, or with an empty list', () => {
    // @ts-expect-error -- credential_required requires a continuation token
    expect(() => nativeAuthError('credential_required', ids)).toThrow(
      new TypeError('credential_required requires a non-empty continuationToken'),
    );
    expect(() =>
      nativeAuthError('attributes_required', {
        ...ids,
        continuationToken: CT3,
        requiredAttributes: [],
      }),
    ).toThrow(new TypeError('attributes_required requires a non-empty requiredAttributes'));
  });
});
