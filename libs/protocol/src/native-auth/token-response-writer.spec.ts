import { encodeBase64UrlText } from '../oauth/base64url';
import {
  createNativeAuthTokenResponse,
  type NativeAuthTokenResponseOptions,
} from './token-response-writer';
import {
  ACCESS_TOKEN,
  CLIENT_INFO,
  ID_TOKEN,
  REFRESH_TOKEN,
  TENANT_ID,
  USER_OBJECT_ID,
} from '../../test/fixtures/native-auth/identities';

const options: NativeAuthTokenResponseOptions = {
  accessToken: ACCESS_TOKEN,
  refreshToken: REFRESH_TOKEN,
  idToken: ID_TOKEN,
  clientInfo: { uid: USER_OBJECT_ID, utid: TENANT_ID },
  scope: 'openid profile',
  expiresIn: 4500,
  extExpiresIn: 4500,
};

const jwtWith = (claims: object) =>
  `${encodeBase64UrlText('{"alg":"RS256"}')}.${encodeBase64UrlText(JSON.stringify(claims))}.c2ln`;

describe('createNativeAuthTokenResponse', () => {
  it('writes the published answer’s fields in its order, client_info (base64url) last', () => {
    expect(JSON.stringify(createNativeAuthTokenResponse(options))).toBe(
      JSON.stringify({
        token_type: 'Bearer',
        scope: 'openid profile',
        expires_in: 4500,
        ext_expires_in: 4500,
        access_token: ACCESS_TOKEN,
        refresh_token: REFRESH_TOKEN,
        id_token: ID_TOKEN,
        client_info: CLIENT_INFO,
      }),
    );
  });

  it('writes refresh_token_expires_in after the other lifetimes, absent ones left out', () => {
    const { extExpiresIn: _, ...rest } = options;
    const body = createNativeAuthTokenResponse({ ...rest, refreshTokenExpiresIn: 86_400 });
    expect(Object.keys(body).slice(0, 4)).toEqual([
      'token_type',
      'scope',
      'expires_in',
      'refresh_token_expires_in',
    ]);
  });

  it('accepts an id token without oid or tid', () => {
    expect(
      createNativeAuthTokenResponse({ ...options, idToken: jwtWith({ sub: 'x' }) }),
    ).toMatchObject({ client_info: CLIENT_INFO });
  });

  it.each<[string, Partial<NativeAuthTokenResponseOptions>, string | RegExp]>([
    ['a placeholder id token', { idToken: '<JWT>' }, /refused: invalid_id_token$/u],
    ['an empty refresh token', { refreshToken: '' }, 'refreshToken must be a non-empty string'],
    ['expires_in of 0', { expiresIn: 0 }, /^expiresIn /u],
    ['a fractional lifetime', { extExpiresIn: 1.5 }, /^extExpiresIn /u],
    ['an empty uid', { clientInfo: { uid: '', utid: TENANT_ID } }, /^clientInfo\.uid /u],
    [
      'client_info naming another user than the id token',
      { clientInfo: { uid: 'someone-else', utid: TENANT_ID } },
      "clientInfo must name the id token's oid and tid",
    ],
    [
      'client_info naming another tenant than the id token',
      { idToken: jwtWith({ oid: USER_OBJECT_ID, tid: 'other' }) },
      "clientInfo must name the id token's oid and tid",
    ],
  ])('refuses %s with a TypeError', (_, change, message) => {
    expect(() => createNativeAuthTokenResponse({ ...options, ...change })).toThrow(message);
    expect(() => createNativeAuthTokenResponse({ ...options, ...change })).toThrow(TypeError);
  });
});
