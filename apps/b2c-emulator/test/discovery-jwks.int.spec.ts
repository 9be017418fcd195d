import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  API_APP_ID,
  CLIENT_ID,
  NOTES_READ,
  POLICY,
  TENANT,
  TENANT_ID,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

describe('b2c-emulator discovery and JWKS', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  const discoveryUrls = (): string[] => [
    `${emulator.url}/${TENANT}/${POLICY}/v2.0/.well-known/openid-configuration`,
    `${emulator.url}/${TENANT}/v2.0/.well-known/openid-configuration?p=${POLICY}`,
    `${emulator.url}/tfp/${TENANT_ID}/${POLICY}/v2.0/.well-known/openid-configuration`,
  ];

  it('serves the discovery document in all three URL forms, with no end_session_endpoint', async () => {
    const [path, query, tfp] = await Promise.all(
      discoveryUrls().map(
        async (url) => (await fetch(url)).json() as Promise<Record<string, unknown>>,
      ),
    );
    expect(path).toEqual({
      issuer: `${emulator.url}/${TENANT_ID}/v2.0/`,
      authorization_endpoint: `${emulator.url}/${TENANT}/b2c_1_ropc_auth/oauth2/v2.0/authorize`,
      token_endpoint: `${emulator.url}/${TENANT}/b2c_1_ropc_auth/oauth2/v2.0/token`,
      jwks_uri: `${emulator.url}/${TENANT}/b2c_1_ropc_auth/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: [
        'code',
        'code id_token',
        'code token',
        'code id_token token',
        'id_token',
        'id_token token',
        'token',
        'token id_token',
      ],
      scopes_supported: ['openid'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: [
        'name',
        'emails',
        'idp',
        'oid',
        'sub',
        'tfp',
        'iss',
        'iat',
        'exp',
        'aud',
        'nbf',
        'auth_time',
        'at_hash',
      ],
    });
    expect(query?.['token_endpoint']).toBe(
      `${emulator.url}/${TENANT}/oauth2/v2.0/token?p=b2c_1_ropc_auth`,
    );
    expect(query?.['jwks_uri']).toBe(
      `${emulator.url}/${TENANT}/discovery/v2.0/keys?p=b2c_1_ropc_auth`,
    );
    expect(tfp?.['token_endpoint']).toBe(
      `${emulator.url}/tfp/${TENANT_ID}/b2c_1_ropc_auth/oauth2/v2.0/token`,
    );
  });

  it('answers 404 for an unknown policy or tenant', async () => {
    for (const url of [
      `${emulator.url}/${TENANT}/B2C_1_Nope/v2.0/.well-known/openid-configuration`,
      `${emulator.url}/fabrikam.onmicrosoft.com/${POLICY}/v2.0/.well-known/openid-configuration`,
      `${emulator.url}/${TENANT}/discovery/v2.0/keys?p=B2C_1_Nope`,
    ]) {
      expect((await fetch(url)).status).toBe(404);
    }
  });

  it('publishes keys with exactly kid, nbf, use, kty, e, n, in all three forms, with CORS', async () => {
    for (const url of [
      `${emulator.url}/${TENANT}/${POLICY}/discovery/v2.0/keys`,
      `${emulator.url}/${TENANT}/discovery/v2.0/keys?p=${POLICY}`,
      `${emulator.url}/tfp/${TENANT}/${POLICY}/discovery/v2.0/keys`,
    ]) {
      const response = await fetch(url, { headers: { Origin: 'http://localhost:4200' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
      expect(keys).toHaveLength(1);
      expect(Object.keys(keys[0]!).sort()).toEqual(['e', 'kid', 'kty', 'n', 'nbf', 'use']);
      expect(keys[0]).toMatchObject({ use: 'sig', kty: 'RSA', e: 'AQAB' });
      expect(String(keys[0]!['kid'])).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('issues tokens that verify with jose against the discovered JWKS: discovery, then keys, then signature', async () => {
    const discovery = (await (await fetch(discoveryUrls()[0]!)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
    const { body } = await postForm(
      tokenUrl(emulator),
      aliceSignIn({ scope: `openid offline_access ${NOTES_READ}` }),
    );
    const accessToken = body['access_token'] as string;
    const access = await jwtVerify(accessToken, jwks, {
      issuer: discovery.issuer,
      audience: API_APP_ID,
      algorithms: ['RS256'],
    });
    expect(access.protectedHeader).toEqual({
      typ: 'JWT',
      alg: 'RS256',
      kid: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(Object.keys(access.payload)).toEqual([
      'iss',
      'exp',
      'nbf',
      'aud',
      'name',
      'emails',
      'idp',
      'oid',
      'sub',
      'tfp',
      'scp',
      'azp',
      'ver',
      'iat',
    ]);
    expect(access.payload).toMatchObject({
      emails: ['alice@contoso.com'],
      name: 'Alice Contoso',
      scp: 'notes.read',
      azp: CLIENT_ID,
    });
    const id = await jwtVerify(body['id_token'] as string, jwks, {
      issuer: discovery.issuer,
      audience: CLIENT_ID,
    });
    const atHash = createHash('sha256')
      .update(accessToken)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(id.payload).toMatchObject({
      at_hash: atHash,
      auth_time: id.payload.iat,
      sub: access.payload.sub,
      tfp: POLICY,
    });
    expect(decodeProtectedHeader(body['id_token'] as string).kid).toBe(access.protectedHeader.kid);
  });

  it('publishes a rotated-in key before it signs (the rollover delay), then signs with it', async () => {
    const jwksUrl = `${emulator.url}/${TENANT}/${POLICY}/discovery/v2.0/keys`;
    const kids = async () =>
      ((await (await fetch(jwksUrl)).json()) as { keys: { kid: string }[] }).keys.map(
        (key) => key.kid,
      );
    const signingKid = async () =>
      decodeProtectedHeader(
        (await postForm(tokenUrl(emulator), aliceSignIn())).body['access_token'] as string,
      ).kid;
    const [before] = await kids();
    const rotated = (await (await emulator.admin('POST', '/.emulator/keys/rotate')).json()) as {
      kid: string;
      nbf: number;
    };
    // Published at once, signing only after the default rollover of 600 s.
    expect(await kids()).toEqual([before, rotated.kid]);
    expect(await signingKid()).toBe(before);
    expect((await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 600 })).status).toBe(
      200,
    );
    expect(await kids()).toEqual([rotated.kid, before]);
    expect(await signingKid()).toBe(rotated.kid);
    // An immediate switch stays available.
    const immediate = (await (
      await emulator.admin('POST', '/.emulator/keys/rotate', { delaySeconds: 0 })
    ).json()) as { kid: string };
    expect(await kids()).toEqual([immediate.kid, rotated.kid]);
    expect(await signingKid()).toBe(immediate.kid);
    const refused = await emulator.admin('POST', '/.emulator/keys/rotate', { delaySeconds: -1 });
    expect(refused.status).toBe(400);
    expect((await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 0 })).status).toBe(
      200,
    );
  });

  it('keeps its signing key across restarts of the same data directory', async () => {
    const restarted = await startEmulator({ dataDir: emulator.dataDir });
    try {
      const read = async (url: string) =>
        (
          (await (await fetch(`${url}/${TENANT}/${POLICY}/discovery/v2.0/keys`)).json()) as {
            keys: { kid: string }[];
          }
        ).keys[0]?.kid;
      expect(await read(restarted.url)).toBe(await read(emulator.url));
    } finally {
      await restarted.stop();
    }
  });
});
