import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import {
  createTokenValidator,
  requireAuth,
  type AuthenticatedHttpHandler,
  type TokenValidator,
  type ValidatedToken,
} from '../src';
import { ALICE_OID, API_APP_ID, POLICY } from './fake-b2c-authority';
import { startHarness, type Harness } from './harness';

type LogEntry = [level: string, ...args: unknown[]];

describe('requireAuth', () => {
  let harness: Harness;
  let validator: TokenValidator;
  let logs: LogEntry[];
  let seen: ValidatedToken[];

  const handler: AuthenticatedHttpHandler = async (_request, _context, auth) => {
    seen.push(auth);
    return Promise.resolve({ status: 200, jsonBody: { oid: auth.claims.oid } });
  };

  const call = async (
    headers: Record<string, string>,
    options: Parameters<typeof requireAuth>[2] = {},
    use: TokenValidator = validator,
  ): Promise<HttpResponseInit> => {
    const request = new HttpRequest({ method: 'GET', url: 'http://localhost/api/me', headers });
    const context = new InvocationContext({
      functionName: 'me',
      logHandler: (level, ...args) => logs.push([level, ...args]),
    });
    return requireAuth(use, handler, options)(request, context);
  };

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    harness = await startHarness();
    validator = harness.validator();
  });

  afterAll(() => harness.stop());

  beforeEach(() => {
    logs = [];
    seen = [];
  });

  it('runs the handler with the validated token', async () => {
    const token = await harness.mint();
    expect(await call(bearer(token))).toEqual({ status: 200, jsonBody: { oid: ALICE_OID } });
    expect(seen).toEqual([await validator.validate(token)]);
    expect(seen[0]?.policy).toBe(POLICY);
    expect(logs).toEqual([]);
  });

  it('takes the scheme case-insensitively', async () => {
    const token = await harness.mint();
    expect((await call({ authorization: `bEaReR ${token}` })).status).toBe(200);
  });

  it('answers 401 with a bare challenge when no credentials were sent (RFC 6750 §3.1)', async () => {
    const expected = {
      status: 401,
      headers: { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer realm="api"' },
      jsonBody: { error: 'unauthorized', error_description: 'An access token is required.' },
    };
    expect(await call({})).toEqual(expected);
    expect(await call({ authorization: 'Basic YWxpY2U6c2VjcmV0' })).toEqual(expected);
    expect(seen).toEqual([]);
    expect(logs).toEqual([
      ['debug', 'bearer token refused: ERR_TOKEN_MISSING'],
      ['debug', 'bearer token refused: ERR_TOKEN_MISSING'],
    ]);
  });

  it('answers 401 invalid_request for a header without exactly one token, or oversized', async () => {
    const token = await harness.mint();
    const headers = [
      { authorization: 'Bearer' },
      { authorization: `Bearer ${token} ${token}` },
      { authorization: `Bearer ${token}, Bearer ${token}` },
      { authorization: `Bearer ${'a'.repeat(8200)}` },
    ];
    const responses = await Promise.all(headers.map((header) => call(header)));
    const description = 'The Authorization header must hold exactly one Bearer token.';
    expect(responses).toEqual(
      Array(4).fill({
        status: 401,
        headers: {
          'Cache-Control': 'no-store',
          'WWW-Authenticate': `Bearer realm="api", error="invalid_request", error_description="${description}"`,
        },
        jsonBody: { error: 'invalid_request', error_description: description },
      }),
    );
  });

  it.each([
    ['a malformed token', () => Promise.resolve('not-a-jwt'), 'The access token is malformed.'],
    [
      'an expired token',
      async () => harness.mint({ exp: harness.clock.seconds - 3600 }),
      'The access token expired.',
    ],
    [
      'a token for another audience',
      async () => harness.mint({ aud: 'another-api' }),
      'The access token is not intended for this API.',
    ],
  ])('answers 401 invalid_token for %s', async (_case, makeToken, description) => {
    expect(await call(bearer(await makeToken()))).toEqual({
      status: 401,
      headers: {
        'Cache-Control': 'no-store',
        'WWW-Authenticate': `Bearer realm="api", error="invalid_token", error_description="${description}"`,
      },
      jsonBody: { error: 'invalid_token', error_description: description },
    });
  });

  it('answers 403 insufficient_scope naming every needed scope', async () => {
    const token = await harness.mint({ scp: 'notes.read' });
    const response = await call(bearer(token), {
      scopes: ['notes.read', 'notes.write'],
      realm: 'notes',
    });
    expect(response).toEqual({
      status: 403,
      headers: {
        'Cache-Control': 'no-store',
        'WWW-Authenticate':
          'Bearer realm="notes", error="insufficient_scope", error_description="The access token lacks a required scope.", scope="notes.read notes.write"',
      },
      jsonBody: {
        error: 'insufficient_scope',
        error_description: 'The access token lacks a required scope.',
      },
    });
    expect(logs).toEqual([['debug', 'bearer token refused: ERR_INSUFFICIENT_SCOPE']]);
  });

  it('answers 403 insufficient_scope for a missing role', async () => {
    const response = await call(bearer(await harness.mint()), { roles: ['Notes.Admin'] });
    expect(response).toEqual({
      status: 403,
      headers: {
        'Cache-Control': 'no-store',
        'WWW-Authenticate':
          'Bearer realm="api", error="insufficient_scope", error_description="The access token lacks a required role."',
      },
      jsonBody: {
        error: 'insufficient_scope',
        error_description: 'The access token lacks a required role.',
      },
    });
  });

  it('answers 503 with Retry-After while the issuer keys cannot be had, logging no token', async () => {
    const unreachable = createTokenValidator({
      authorities: [harness.authority.authority('B2C_1_Unknown')],
      audience: API_APP_ID,
      now: harness.clock.now,
    });
    const token = await harness.mint();
    expect(await call(bearer(token), {}, unreachable)).toEqual({
      status: 503,
      headers: { 'Cache-Control': 'no-store', 'Retry-After': '30' },
      jsonBody: {
        error: 'temporarily_unavailable',
        error_description: 'The signing keys of the token issuer are unavailable; try again later.',
      },
    });
    expect(logs).toEqual([
      [
        'warning',
        'bearer token not checked: ERR_METADATA_UNAVAILABLE (discovery answered HTTP 404)',
      ],
    ]);
  });

  it('lets errors of the handler itself propagate', async () => {
    const failing: AuthenticatedHttpHandler = () => Promise.reject(new RangeError('boom'));
    const request = new HttpRequest({
      method: 'GET',
      url: 'http://localhost/api/me',
      headers: bearer(await harness.mint()),
    });
    const wrapped = requireAuth(validator, failing);
    await expect(wrapped(request, new InvocationContext())).rejects.toThrow(new RangeError('boom'));
  });

  it('refuses a realm or scope that cannot be written into the challenge', () => {
    expect(() => requireAuth(validator, handler, { realm: 'a"b' })).toThrow(
      new TypeError('realm must be printable ASCII without quotes or backslashes'),
    );
    expect(() => requireAuth(validator, handler, { scopes: ['notes read'] })).toThrow(
      new TypeError('requirements.scopes must be scope tokens, e.g. notes.read'),
    );
  });
});
