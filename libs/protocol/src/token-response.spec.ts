import { NonConformingResponseError, ResponseBodyError } from './errors';
import { decodeProfileInfo } from './profile-info';
import { normaliseTokenResponse, parseRetryAfter, processTokenResponse } from './token-response';
import { toTokenSet } from './token-set';
import seedPasswordResponse from '../test/fixtures/seed-password-response.json';
import seedRefreshResponse from '../test/fixtures/seed-refresh-response.json';
import {
  CLIENT_ID,
  INVALID_CREDENTIALS_ERROR,
  TENANT_ID,
} from '../test/fixtures/reference-examples';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

describe('normaliseTokenResponse', () => {
  it('turns the string "expires_in" of the seed password response into a number', () => {
    expect(normaliseTokenResponse(seedPasswordResponse)).toEqual({
      ...seedPasswordResponse,
      expires_in: 3600,
    });
  });

  it('keeps the numeric fields of the seed refresh response', () => {
    expect(normaliseTokenResponse(seedRefreshResponse)).toEqual(seedRefreshResponse);
  });

  it('accepts every numeric field as a numeric string', () => {
    const stringly = {
      ...seedRefreshResponse,
      not_before: '1764000000',
      expires_on: '1764003600',
      id_token_expires_in: '3600',
      refresh_token_expires_in: '1209600',
    };
    expect(normaliseTokenResponse(stringly)).toEqual(seedRefreshResponse);
  });

  it.each([
    [{ ...seedRefreshResponse, expires_in: 'soon' }, '"expires_in" is not a non-negative number'],
    [{ ...seedRefreshResponse, expires_in: -1 }, '"expires_in" is not a non-negative number'],
    [
      { ...seedRefreshResponse, token_type: 'MAC' },
      'the token response has no Bearer "token_type"',
    ],
    [{ token_type: 'Bearer' }, 'the token response has neither an access token nor an id token'],
    [{ ...seedRefreshResponse, access_token: 42 }, '"access_token" is not a string'],
    [[], 'the token response is not a JSON object'],
  ])('refuses a non-conforming body (%#)', (body, message) => {
    expect(() => normaliseTokenResponse(body)).toThrow(
      new NonConformingResponseError(200, message),
    );
  });
});

describe('processTokenResponse', () => {
  it('returns the normalised response of a 200', async () => {
    await expect(processTokenResponse(json(200, seedPasswordResponse))).resolves.toMatchObject({
      expires_in: 3600,
    });
  });

  it('throws a ResponseBodyError carrying the parsed AADB2C code and class', async () => {
    const error = await processTokenResponse(json(400, INVALID_CREDENTIALS_ERROR)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({
      code: 'ERR_RESPONSE_BODY',
      status: 400,
      error: 'access_denied',
      b2cCode: 'AADB2C90225',
      errorClass: 'invalid_credentials',
      correlationId: '9b3c19e2-5f1d-4b8e-a2c4-7d9e0f1a2b3c',
      timestamp: '2019-01-30 13:35:09Z',
      message: 'The username or password provided in the request are invalid.',
      retryAfterSeconds: undefined,
    });
  });

  it('reads Retry-After on a throttled answer', async () => {
    const body = {
      error: 'temporarily_unavailable',
      error_description: 'AADB2C90244: Too many.\r\n',
    };
    await expect(
      processTokenResponse(json(429, body, { 'retry-after': '30' })),
    ).rejects.toMatchObject({
      errorClass: 'throttled',
      retryAfterSeconds: 30,
    });
  });

  it.each([
    [200, 'not json'],
    [502, '<html>Bad gateway</html>'],
    [400, { message: 'no oauth fields' }],
  ])(
    'throws a NonConformingResponseError for HTTP %i with a foreign body',
    async (status, body) => {
      await expect(processTokenResponse(json(status, body))).rejects.toMatchObject({
        code: 'ERR_NON_CONFORMING_RESPONSE',
        status,
      });
    },
  );
});

describe('toTokenSet', () => {
  it('computes absolute expiry times from the time the request was sent', () => {
    const requestedAt = 1_764_000_000_000;
    const set = toTokenSet(normaliseTokenResponse(seedPasswordResponse), requestedAt);
    expect(set).toEqual({
      tokenType: 'Bearer',
      accessToken: seedPasswordResponse.access_token,
      idToken: seedPasswordResponse.id_token,
      refreshToken: seedPasswordResponse.refresh_token,
      accessTokenExpiresAt: requestedAt + 3_600_000,
      idTokenExpiresAt: requestedAt + 3_600_000,
    });
  });

  it('prefers expires_on when it is earlier than the relative lifetime', () => {
    const response = normaliseTokenResponse(seedRefreshResponse);
    const set = toTokenSet(response, 1_764_000_100_000);
    expect(set.accessTokenExpiresAt).toBe(1_764_003_600_000);
    expect(set.refreshTokenExpiresAt).toBe(1_764_000_100_000 + 1_209_600_000);
    expect(set.resource).toBe(CLIENT_ID);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(
      parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', Date.parse('2026-11-25T10:00:00Z')),
    ).toBe(30);
    expect(parseRetryAfter('garbage')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('decodeProfileInfo', () => {
  it('decodes the profile_info of the seed refresh response', () => {
    expect(decodeProfileInfo(seedRefreshResponse.profile_info)).toEqual({
      ver: '1.0',
      tid: TENANT_ID,
      sub: null,
      name: 'Alice Contoso',
      preferred_username: null,
      idp: 'LocalAccount',
    });
  });

  it('returns undefined for garbage', () => {
    expect(decodeProfileInfo('!!!')).toBeUndefined();
    expect(decodeProfileInfo('e30')).toBeUndefined();
  });
});
