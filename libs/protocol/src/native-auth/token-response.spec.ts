import {
  parseNativeAuthTokenResponse,
  parseProxiedNativeAuthTokenResponse,
} from './token-response';
import {
  ACCESS_TOKEN,
  CLIENT_INFO,
  ID_TOKEN,
  REFRESH_TOKEN,
} from '../../test/fixtures/native-auth/identities';

const answer = {
  token_type: 'Bearer',
  scope: 'openid profile',
  expires_in: 4500,
  ext_expires_in: 4500,
  access_token: ACCESS_TOKEN,
  refresh_token: REFRESH_TOKEN,
  id_token: ID_TOKEN,
  client_info: CLIENT_INFO,
};

describe('parseNativeAuthTokenResponse', () => {
  it('types a complete answer and keeps refresh_token_expires_in', () => {
    expect(
      parseNativeAuthTokenResponse({ ...answer, refresh_token_expires_in: 86_400, foo: 1 }),
    ).toEqual({
      ok: true,
      body: { ...answer, refresh_token_expires_in: 86_400 },
    });
  });

  it('makes numeric strings numbers, as MSAL’s check lets them through', () => {
    const parsed = parseNativeAuthTokenResponse({
      ...answer,
      expires_in: '3600',
      ext_expires_in: 'soon',
    });
    expect(parsed.ok && [parsed.body.expires_in, parsed.body.ext_expires_in]).toEqual([
      3600,
      undefined,
    ]);
  });

  it.each([
    [{ access_token: undefined }, 'access_token_missing'],
    [{ access_token: '' }, 'access_token_missing'],
    [{ id_token: undefined }, 'id_token_missing'],
    [{ refresh_token: undefined }, 'refresh_token_missing'],
    [{ expires_in: 0 }, 'invalid_expires_in'],
    [{ expires_in: -5 }, 'invalid_expires_in'],
    [{ expires_in: undefined }, 'invalid_expires_in'],
    [{ expires_in: '1e3' }, 'invalid_expires_in'],
    [{ token_type: 'bearer' }, 'invalid_token_type'],
    [{ token_type: 'pop' }, 'invalid_token_type'],
    [{ client_info: undefined }, 'client_info_missing'],
    [{ id_token: 'a.b' }, 'invalid_id_token'],
    [{ id_token: `x.${btoa('not json')}.z` }, 'invalid_id_token'],
    [{ id_token: `x.${btoa('[1]')}.z` }, 'invalid_id_token'],
    [{ client_info: 'e30' }, 'invalid_client_info'],
  ])('refuses %j: %s, checked in MSAL’s order', (change, problem) => {
    expect(parseNativeAuthTokenResponse({ ...answer, ...change })).toEqual({ ok: false, problem });
  });

  it('reports the first missing field first, as MSAL does', () => {
    expect(parseNativeAuthTokenResponse({ token_type: 'pop' })).toEqual({
      ok: false,
      problem: 'access_token_missing',
    });
  });
});

describe('parseProxiedNativeAuthTokenResponse', () => {
  const { refresh_token: _kept, ...proxied } = answer;

  it('types an answer whose refresh token the proxy kept, with the session end it left', () => {
    expect(
      parseProxiedNativeAuthTokenResponse({ ...proxied, refresh_token_expires_in: 600 }),
    ).toEqual({ ok: true, body: { ...proxied, refresh_token_expires_in: 600 } });
  });

  it('drops a refresh token the answer carries all the same', () => {
    expect(parseProxiedNativeAuthTokenResponse(answer)).toEqual({ ok: true, body: proxied });
  });

  it.each([
    [{ access_token: undefined }, 'access_token_missing'],
    [{ id_token: undefined }, 'id_token_missing'],
    [{ expires_in: 0 }, 'invalid_expires_in'],
    [{ token_type: 'bearer' }, 'invalid_token_type'],
    [{ client_info: undefined }, 'client_info_missing'],
    [{ client_info: 'e30' }, 'invalid_client_info'],
  ])('refuses %j: %s, as the full check does', (change, problem) => {
    expect(parseProxiedNativeAuthTokenResponse({ ...proxied, ...change })).toEqual({
      ok: false,
      problem,
    });
  });
});
