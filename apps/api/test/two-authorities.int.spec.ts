import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  EXTERNAL_ALICE,
  EXTERNAL_API_ID,
  EXTERNAL_TENANT,
  EXTERNAL_TENANT_ID,
  SPA_CLIENT_ID,
  signInExternalId,
} from './external-id-sign-in';
import { FakeExternalIdAuthority } from './fake-external-id-authority';
import {
  ALICE,
  API_APP_ID,
  CLIENT_ID,
  COOKIE_KEYS,
  POLICY,
  TENANT,
  TWO_AUTHORITY_TENANT,
  WEB_ORIGIN,
  apiEnv,
  signIn,
  startApi,
  startEmulator,
  type Started,
} from './start-stack';

// One API trusting Azure AD B2C and Entra External ID at once: each token goes to the validator of
// its `iss`, which holds it to its own keys, audiences and checks. One emulator serves both tenants
// (fixtures/two-authority-tenant.json); a second API, configured for External ID alone, trusts a
// test-held key as that tenant's, so that tokens with any claims can be signed for it.

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

interface Answer {
  readonly status: number;
  readonly challenge: string | null;
  readonly cacheControl: string | null;
  readonly body: Record<string, unknown>;
}

async function call(
  api: Started,
  method: string,
  path: string,
  token: string,
  json?: unknown,
): Promise<Answer> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    cacheControl: response.headers.get('cache-control'),
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** The whole RFC 6750 refusal of an unusable token, with its fixed description. */
function invalidToken(description: string): Answer {
  return {
    status: 401,
    challenge: `Bearer realm="api", error="invalid_token", error_description="${description}"`,
    cacheControl: 'no-store',
    body: { error: 'invalid_token', error_description: description },
  };
}

const SIGNATURE_INVALID = 'The access token signature is invalid.';
const UNKNOWN_KEY = 'The access token is signed with an unknown key.';
const ISSUER_INVALID = 'The access token issuer is not trusted.';
const AUDIENCE_INVALID = 'The access token is not intended for this API.';
const EXPIRED = 'The access token expired.';
const MALFORMED = 'The access token is malformed.';

/** A compact JWS's three parts. */
const partsOf = (token: string): [string, string, string] => {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return [header, payload, signature];
};

describe('one API, two authorities: Azure AD B2C and Entra External ID', () => {
  let emulator: Emulator;
  let fake: FakeExternalIdAuthority;
  /** Trusts the emulator's B2C tenant and its External ID tenant. */
  let api: Started;
  /** Trusts the fake External ID authority alone. */
  let forgeable: Started;
  let b2cAuthority: string;
  let externalAuthority: string;
  let b2cToken: string;
  let externalTokens: Record<string, unknown>;
  let externalToken: string;

  beforeAll(async () => {
    [emulator, fake] = await Promise.all([
      startEmulator([], TWO_AUTHORITY_TENANT),
      FakeExternalIdAuthority.start(),
    ]);
    b2cAuthority = `${emulator.url}/${TENANT}/${POLICY}`;
    externalAuthority = `${emulator.url}/${EXTERNAL_TENANT}`;
    const externalId = (authority: string) => ({
      EXTERNAL_ID_AUTHORITY: authority,
      EXTERNAL_ID_CLIENT_ID: SPA_CLIENT_ID,
      EXTERNAL_ID_API_AUDIENCE: `${EXTERNAL_API_ID},api://${EXTERNAL_API_ID}`,
    });
    [api, forgeable] = await Promise.all([
      startApi(apiEnv(emulator.url, externalId(externalAuthority))),
      startApi({
        AUTH_ALLOWED_ORIGINS: WEB_ORIGIN,
        AUTH_COOKIE_KEYS: COOKIE_KEYS,
        ...externalId(fake.authority),
      }),
    ]);
    let b2cTokens: Record<string, unknown>;
    [b2cTokens, externalTokens] = await Promise.all([
      signIn(emulator.url, ALICE),
      signInExternalId(emulator.url, EXTERNAL_ALICE),
    ]);
    b2cToken = String(b2cTokens['access_token']);
    externalToken = String(externalTokens['access_token']);
  }, 30_000);

  afterAll(async () => {
    await Promise.all([api.stop(), forgeable.stop()]);
    await Promise.all([emulator.stop(), fake.stop()]);
  });

  it('names its authorities in the start log', () => {
    expect(api.output()).toContain(
      `api: accepting access tokens of Azure AD B2C ${b2cAuthority} and Entra External ID ${externalAuthority}`,
    );
  });

  it("answers /api/me for a B2C user with the B2C authority and the user flow's policy", async () => {
    const answer = await call(api, 'GET', '/api/me', b2cToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      oid: ALICE.oid,
      name: 'Alice Contoso',
      emails: [ALICE.username],
      scopes: ['notes.read', 'notes.write'],
      policy: POLICY,
      authority: b2cAuthority,
      issuedAt: expect.any(String),
      expiresAt: expect.any(String),
    });
  });

  it('answers /api/me for an External ID user: its authority, no policy, the e-mail of preferred_username', async () => {
    const claims = decodeJwt(externalToken);
    expect([claims.aud, claims['tid'], claims['ver'], claims['tfp']]).toEqual([
      EXTERNAL_API_ID,
      EXTERNAL_TENANT_ID,
      '2.0',
      undefined,
    ]);
    const answer = await call(api, 'GET', '/api/me', externalToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      oid: EXTERNAL_ALICE.oid,
      name: 'Alice Contoso',
      emails: [EXTERNAL_ALICE.username],
      scopes: ['notes.read', 'notes.write'],
      policy: null,
      authority: externalAuthority,
      issuedAt: new Date(Number(claims.iat) * 1000).toISOString(),
      expiresAt: new Date(Number(claims.exp) * 1000).toISOString(),
    });
  });

  it('keeps notes apart per oid: the same person through each authority is two owners', async () => {
    const fromB2C = await call(api, 'POST', '/api/notes', b2cToken, { title: 'via B2C' });
    const fromExternal = await call(api, 'POST', '/api/notes', externalToken, {
      title: 'via External ID',
    });
    expect([fromB2C.status, fromExternal.status]).toEqual([201, 201]);
    const titles = async (token: string) =>
      ((await call(api, 'GET', '/api/notes', token)).body['items'] as { title: string }[]).map(
        (note) => note.title,
      );
    expect(await titles(b2cToken)).toEqual(['via B2C']);
    expect(await titles(externalToken)).toEqual(['via External ID']);
    const b2cNote = `/api/notes/${String(fromB2C.body['id'])}`;
    expect((await call(api, 'GET', b2cNote, externalToken)).status).toBe(404);
    expect((await call(api, 'GET', b2cNote, b2cToken)).status).toBe(200);
  });

  it("refuses one authority's header and claims under the other's signature or key", async () => {
    const [b2cHeader, b2cPayload, b2cSignature] = partsOf(b2cToken);
    const [externalHeader, externalPayload, externalSignature] = partsOf(externalToken);
    expect(decodeProtectedHeader(b2cToken).kid).not.toBe(decodeProtectedHeader(externalToken).kid);
    // External ID's header (its kid) and claims, B2C's signature.
    expect(
      await call(api, 'GET', '/api/me', `${externalHeader}.${externalPayload}.${b2cSignature}`),
    ).toEqual(invalidToken(SIGNATURE_INVALID));
    // External ID's claims signed by the B2C tenant's key, under its kid.
    expect(
      await call(api, 'GET', '/api/me', `${b2cHeader}.${externalPayload}.${b2cSignature}`),
    ).toEqual(invalidToken(UNKNOWN_KEY));
    // And the other way round.
    expect(
      await call(api, 'GET', '/api/me', `${externalHeader}.${b2cPayload}.${externalSignature}`),
    ).toEqual(invalidToken(UNKNOWN_KEY));
  });

  it('refuses a B2C token for another audience and an External ID id token', async () => {
    const forClient = String(
      (await signIn(emulator.url, ALICE, `openid ${CLIENT_ID}`))['access_token'],
    );
    expect(decodeJwt(forClient).aud).toBe(CLIENT_ID);
    expect(await call(api, 'GET', '/api/me', forClient)).toEqual(invalidToken(AUDIENCE_INVALID));
    const idToken = String(externalTokens['id_token']);
    expect(decodeJwt(idToken).aud).toBe(SPA_CLIENT_ID);
    expect(await call(api, 'GET', '/api/notes', idToken)).toEqual(invalidToken(AUDIENCE_INVALID));
  });

  it('refuses tokens of an issuer neither authority has (the tenants asked on another host name)', async () => {
    const otherHost = emulator.url.replace('127.0.0.1', 'localhost');
    const [b2c, external] = await Promise.all([
      signIn(otherHost, ALICE),
      signInExternalId(otherHost, EXTERNAL_ALICE),
    ]);
    for (const token of [String(b2c['access_token']), String(external['access_token'])]) {
      expect(decodeJwt(token).iss).toContain('//localhost:');
      expect(await call(api, 'GET', '/api/me', token)).toEqual(invalidToken(ISSUER_INVALID));
    }
  });

  it('refuses expired tokens of both authorities (emulator clock moved back)', async () => {
    expect(
      (await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: -7200 })).status,
    ).toBe(200);
    try {
      const [b2c, external] = await Promise.all([
        signIn(emulator.url, ALICE),
        signInExternalId(emulator.url, EXTERNAL_ALICE),
      ]);
      for (const token of [String(b2c['access_token']), String(external['access_token'])]) {
        expect(await call(api, 'GET', '/api/me', token)).toEqual(invalidToken(EXPIRED));
      }
    } finally {
      await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 0 });
    }
  });

  describe('External ID alone, with a test-held key trusted as its tenant', () => {
    /** External ID access-token claims for alice, valid now, with `overrides`. */
    const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
      const now = Math.floor(Date.now() / 1000);
      return {
        iss: fake.issuer,
        aud: EXTERNAL_API_ID,
        iat: now,
        nbf: now,
        exp: now + 3600,
        tid: EXTERNAL_TENANT_ID,
        oid: EXTERNAL_ALICE.oid,
        sub: 'pairwise-subject',
        azp: SPA_CLIENT_ID,
        scp: 'notes.read',
        name: 'Alice Contoso',
        preferred_username: EXTERNAL_ALICE.username,
        ver: '2.0',
        ...overrides,
      };
    };

    it('accepts a well-formed token; refuses B2C tokens and has no sign-in proxy', async () => {
      expect(forgeable.output()).toContain(
        `api: accepting access tokens of Entra External ID ${fake.authority}\n`,
      );
      const answer = await call(forgeable, 'GET', '/api/me', await fake.sign(claims()));
      expect([answer.status, answer.body['authority'], answer.body['policy']]).toEqual([
        200,
        fake.authority,
        null,
      ]);
      expect(await call(forgeable, 'GET', '/api/me', b2cToken)).toEqual(invalidToken(UNKNOWN_KEY));
      const signIn = await fetch(`${forgeable.url}/api/auth/token`, {
        method: 'POST',
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        body: new URLSearchParams({ grant_type: 'password', username: 'a', password: 'b' }),
      });
      expect([signIn.status, ((await signIn.json()) as { error: string }).error]).toEqual([
        404,
        'invalid_request',
      ]);
    });

    it("refuses a tid that is not the issuer's tenant, or none", async () => {
      for (const tid of ['04fbcc13-aa6a-4630-aacc-9c6a9e838418', undefined]) {
        expect(await call(forgeable, 'GET', '/api/me', await fake.sign(claims({ tid })))).toEqual(
          invalidToken(ISSUER_INVALID),
        );
      }
    });

    it('refuses a version other than 2.0, and the B2C API as audience', async () => {
      expect(
        await call(forgeable, 'GET', '/api/me', await fake.sign(claims({ ver: '1.0' }))),
      ).toEqual(invalidToken(MALFORMED));
      expect(
        await call(forgeable, 'GET', '/api/me', await fake.sign(claims({ aud: API_APP_ID }))),
      ).toEqual(invalidToken(AUDIENCE_INVALID));
    });

    it("refuses the emulator's real External ID token: this authority never published its key", async () => {
      expect(await call(forgeable, 'GET', '/api/me', externalToken)).toEqual(
        invalidToken(UNKNOWN_KEY),
      );
    });
  });
});
