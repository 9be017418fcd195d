import { TestBed } from '@angular/core/testing';
import { setUpAuth } from '../test/auth-test-bed';
import { FakeFetch, jsonResponse, textResponse } from '../test/fake-fetch';
import { CORRELATION_ID, b2cError } from '../test/token-fixtures';
import { isAuthError, type AuthError, type AuthErrorKind } from './auth-error';
import { AUTH_ERROR_MESSAGES } from './auth-error-message';
import { authError, toAuthError } from './to-auth-error';

async function signInFailure(
  answer: Response | Error,
): Promise<{ rejected: AuthError; lastError: AuthError | null }> {
  const fetch = new FakeFetch().when('/api/auth/token', answer);
  const { auth, store } = await setUpAuth({ fetch });
  const rejected = await auth.signIn('alice@contoso.com', 'wrong').then(
    () => {
      throw new Error('signIn resolved');
    },
    (error: unknown) => error as AuthError,
  );
  return { rejected, lastError: store.lastError() };
}

describe('toAuthError, as AuthService.signIn() reports it', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
  });

  it.each([
    [
      'refused credentials',
      jsonResponse(
        400,
        b2cError(
          'access_denied',
          'AADB2C90225',
          'The username or password provided in the request are invalid.',
        ),
      ),
      { kind: 'invalid_credentials', correlationId: CORRELATION_ID },
    ],
    [
      'a locked account with Retry-After',
      jsonResponse(400, b2cError('access_denied', 'AADB2C90114', 'locked'), {
        'Retry-After': '300',
      }),
      { kind: 'locked_out', correlationId: CORRELATION_ID, retryAfterSeconds: 300 },
    ],
    [
      'a locked account without Retry-After',
      jsonResponse(400, b2cError('access_denied', 'AADB2C90114', 'locked')),
      { kind: 'locked_out', correlationId: CORRELATION_ID },
    ],
    [
      "the proxy's throttle",
      jsonResponse(429, b2cError('temporarily_unavailable', 'AADB2C90244', 'too many'), {
        'Retry-After': '30',
      }),
      { kind: 'throttled', correlationId: CORRELATION_ID, retryAfterSeconds: 30 },
    ],
    [
      "the proxy's protection of an account under attack",
      jsonResponse(
        429,
        {
          ...b2cError('temporarily_unavailable', 'AADB2C90244', 'too many'),
          reason: 'account_protected',
        },
        { 'Retry-After': '7200' },
      ),
      { kind: 'account_protected', correlationId: CORRELATION_ID, retryAfterSeconds: 7200 },
    ],
    ['a network failure', new TypeError('Failed to fetch'), { kind: 'network' }],
    [
      'an upstream failure (502)',
      jsonResponse(502, b2cError('server_error', 'AADB2C90000', 'The sign-in service failed')),
      { kind: 'server_error', correlationId: CORRELATION_ID },
    ],
    ['a non-JSON 500', textResponse(500, '<h1>oops</h1>'), { kind: 'server_error' }],
    ['a malformed 200', jsonResponse(200, { token_type: 'Bearer' }), { kind: 'server_error' }],
    [
      'an expired grant',
      jsonResponse(400, b2cError('invalid_grant', 'AADB2C90080', 'expired')),
      { kind: 'session_expired', correlationId: CORRELATION_ID },
    ],
    [
      "the proxy's CSRF refusal",
      jsonResponse(403, {
        error: 'access_denied',
        error_description: `Cross-site request refused.\r\nCorrelation ID: ${CORRELATION_ID}\r\n`,
      }),
      { kind: 'unknown', correlationId: CORRELATION_ID },
    ],
  ])('maps %s', async (_case, answer, expected) => {
    const { rejected, lastError } = await signInFailure(answer);
    expect({ ...rejected, message: rejected.message }).toEqual({
      ...expected,
      message: AUTH_ERROR_MESSAGES[expected.kind as AuthErrorKind],
    });
    expect(rejected.message).not.toMatch(/AADB2C|wrong|alice/);
    expect(lastError).toBe(rejected);
  });

  it('maps anything else to unknown and passes its own errors through', () => {
    const unknown = toAuthError(new Error('boom'));
    expect([Object.keys(unknown), unknown.kind, unknown.message]).toEqual([
      ['kind'],
      'unknown',
      AUTH_ERROR_MESSAGES.unknown,
    ]);
    const own = authError('throttled', { retryAfterSeconds: 5 });
    expect(toAuthError(own)).toBe(own);
    expect(isAuthError(own) && own instanceof Error && own.name).toBe('RopcAuthError');
  });
});
