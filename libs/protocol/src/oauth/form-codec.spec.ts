import { decodeTokenRequest, encodeTokenRequest, parseFormBody } from './form-codec';
import type { PasswordGrantRequest, RefreshTokenGrantRequest } from './token-request';
import {
  CLIENT_ID,
  PASSWORD_REQUEST_BODY,
  SEED_REFRESH_REQUEST_BODY,
} from '../../test/fixtures/reference-examples';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const alice: PasswordGrantRequest = {
  grant_type: 'password',
  client_id: CLIENT_ID,
  username: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
  scope: `openid ${CLIENT_ID} offline_access`,
  response_type: 'token id_token',
};

describe('decodeTokenRequest', () => {
  it('decodes the documented password request into a typed request', () => {
    expect(decodeTokenRequest(bytes(PASSWORD_REQUEST_BODY))).toEqual({ ok: true, request: alice });
  });

  it('decodes the seed walkthrough refresh request, keeping resource as a plain string', () => {
    expect(decodeTokenRequest(SEED_REFRESH_REQUEST_BODY)).toEqual({
      ok: true,
      request: {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: 'eyJraWQiOiJjcGltY29yZV8wOTI1MjAxNSJ9..opaque',
        response_type: 'id_token',
        resource: CLIENT_ID,
      },
    });
  });

  it.each(['Pässwörd-日本語-🔑', 'a+b%c&d=e f', ' leading and trailing spaces ', '%41%2B+&&=='])(
    'round-trips the password %j through encode and decode',
    (password) => {
      const request = { ...alice, password };
      expect(decodeTokenRequest(bytes(encodeTokenRequest(request)))).toEqual({ ok: true, request });
    },
  );

  it('refuses raw invalid UTF-8 bytes as invalid_encoding', () => {
    const body = new Uint8Array([...bytes('grant_type=password&password='), 0xff, 0xfe]);
    expect(decodeTokenRequest(body)).toEqual({ ok: false, error: { code: 'invalid_encoding' } });
  });

  it('refuses percent-encoded invalid UTF-8 instead of replacing it with U+FFFD', () => {
    expect(decodeTokenRequest('grant_type=password&password=%FF%FE')).toEqual({
      ok: false,
      error: { code: 'invalid_encoding' },
    });
  });

  it('refuses a malformed percent escape', () => {
    expect(decodeTokenRequest('grant_type=password&password=%E0%A4%A')).toEqual({
      ok: false,
      error: { code: 'invalid_encoding' },
    });
  });

  it('names a duplicated parameter without echoing its value', () => {
    const result = decodeTokenRequest(`${PASSWORD_REQUEST_BODY}&password=second`);
    expect(result).toEqual({
      ok: false,
      error: { code: 'duplicate_parameter', parameter: 'password' },
    });
  });

  it('ignores unknown parameters, even repeated ones', () => {
    expect(decodeTokenRequest(`${PASSWORD_REQUEST_BODY}&x=1&x=2`)).toEqual({
      ok: true,
      request: alice,
    });
  });

  it.each([
    ['grant_type', 'client_id=a&username=u&password=p'],
    ['client_id', 'grant_type=password&username=u&password=p'],
    ['username', 'grant_type=password&client_id=a&password=p'],
    ['password', 'grant_type=password&client_id=a&username=u&password='],
    ['refresh_token', 'grant_type=refresh_token&client_id=a'],
  ])('names the missing parameter %s (empty counts as missing)', (parameter, body) => {
    expect(decodeTokenRequest(body)).toEqual({
      ok: false,
      error: { code: 'missing_parameter', parameter },
    });
  });

  it('refuses other grant types, naming the grant type', () => {
    expect(decodeTokenRequest('grant_type=client_credentials&client_id=a')).toEqual({
      ok: false,
      error: {
        code: 'unsupported_grant_type',
        parameter: 'grant_type',
        grantType: 'client_credentials',
      },
    });
  });

  it('refuses a body over the size limit before decoding it', () => {
    const body = `${PASSWORD_REQUEST_BODY}&pad=${'x'.repeat(100)}`;
    expect(decodeTokenRequest(body, { maxBytes: 100 })).toEqual({
      ok: false,
      error: { code: 'body_too_large' },
    });
  });

  it('fills absent parameters from defaults, and a value in the body wins', () => {
    const body = 'grant_type=password&username=u&password=p';
    expect(decodeTokenRequest(body, { defaults: { client_id: 'proxy' } })).toEqual({
      ok: true,
      request: { grant_type: 'password', client_id: 'proxy', username: 'u', password: 'p' },
    });
    expect(
      decodeTokenRequest(`${body}&client_id=sent`, { defaults: { client_id: 'proxy' } }),
    ).toMatchObject({
      request: { client_id: 'sent' },
    });
  });

  it("keeps only the grant's own parameters", () => {
    const result = decodeTokenRequest(
      'grant_type=refresh_token&client_id=a&refresh_token=r&username=u&password=p',
    );
    const expected: RefreshTokenGrantRequest = {
      grant_type: 'refresh_token',
      client_id: 'a',
      refresh_token: 'r',
    };
    expect(result).toEqual({ ok: true, request: expected });
  });
});

describe('encodeTokenRequest', () => {
  it('writes the parameters in a stable order with form encoding of spaces and reserved characters', () => {
    expect(encodeTokenRequest({ ...alice, password: 'a+b c&d' })).toBe(
      `grant_type=password&client_id=${CLIENT_ID}&username=alice%40contoso.com&password=a%2Bb+c%26d` +
        `&scope=openid+${CLIENT_ID}+offline_access&response_type=token+id_token`,
    );
  });
});

describe('parseFormBody', () => {
  it('lists every repeated name and keeps the last value', () => {
    const parsed = parseFormBody('a=1&b=2&a=3');
    expect(parsed?.duplicates).toEqual(['a']);
    expect(parsed?.fields.get('a')).toBe('3');
  });
});
