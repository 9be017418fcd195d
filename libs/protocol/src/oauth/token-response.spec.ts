import { NonConformingResponseError } from './errors';
import { normaliseTokenResponse, parseRetryAfter } from './token-response';
import seedPasswordResponse from '../../test/fixtures/seed-password-response.json';
import seedRefreshResponse from '../../test/fixtures/seed-refresh-response.json';

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
