import fc from 'fast-check';
import { REDACTED, looksLikeSecret, safeAttributes } from './secret-guard';

const base64url = fc.stringMatching(/^[A-Za-z0-9_-]{8,60}$/);
const jwt = fc
  .tuple(base64url, base64url, base64url)
  .map(([header, payload, signature]) => `eyJ${header}.${payload}.${signature}`);
const email = fc.emailAddress();
/** Opaque tokens as authorities issue them: long base64url with letters beyond hex. */
const opaqueToken = fc
  .stringMatching(/^[A-Za-z0-9_-]{40,120}$/)
  .filter((value) => /[g-zG-Z_]/.test(value));

describe('looksLikeSecret', () => {
  it.each([
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl',
    'alice@contoso.com',
    'refresh AQABAAEAAAB2UyzwtQEKR7-rWbgdcBZIbjF9IcLHq3vHu5Ab',
  ])('flags %s', (value) => {
    expect(looksLikeSecret(value)).toBe(true);
  });

  it.each([
    'b2c',
    'AADB2C90225',
    'invalid_grant/password_is_invalid',
    'POST token',
    'http://127.0.0.1:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token',
    '04fbcc13-aa6a-4630-aacc-9c6a9e838418',
    '4bf92f3577b34da6a3ce929d0e0e4736',
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  ])('lets %s through', (value) => {
    expect(looksLikeSecret(value)).toBe(false);
  });

  it('flags every JWT, e-mail address and opaque token, wherever it sits in a value', () => {
    fc.assert(
      fc.property(
        fc.oneof(jwt, email, opaqueToken),
        fc.string({ maxLength: 10 }),
        (secret, prefix) => looksLikeSecret(`${prefix} ${secret} `),
      ),
      { numRuns: 300 },
    );
  });
});

describe('safeAttributes', () => {
  it('redacts values that look like secrets and any value under a secret name', () => {
    expect(
      safeAttributes({
        'ropc.outcome': 'success',
        'user.name': 'alice@contoso.com',
        'ropc.password': 'x',
        'http.request.header.authorization': ['Bearer x'],
        list: ['b2c', 'alice@contoso.com'],
        'http.response.status_code': 200,
      }),
    ).toEqual({
      'ropc.outcome': 'success',
      'user.name': REDACTED,
      'ropc.password': REDACTED,
      'http.request.header.authorization': REDACTED,
      list: ['b2c', REDACTED],
      'http.response.status_code': 200,
    });
  });

  it('never lets a secret through, whatever else the attributes hold', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[a-z][a-z._]{0,20}$/),
          fc.oneof(jwt, email, opaqueToken, fc.string(), fc.integer()),
        ),
        (attributes) =>
          Object.values(safeAttributes(attributes)).every(
            (value) => typeof value !== 'string' || !looksLikeSecret(value),
          ),
      ),
      { numRuns: 200 },
    );
  });
});
