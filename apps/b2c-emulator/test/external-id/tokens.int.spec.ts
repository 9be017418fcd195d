import {
  decodeClientInfo,
  nativeAuthRefreshTokenRequest,
  signInChallengeRequest,
  signInInitiateRequest,
  signInPasswordTokenRequest,
  type NativeAuthTokenResponse,
} from '@ropc/protocol/native-auth';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  CLIENT_ID as B2C_CLIENT_ID,
  POLICY,
  TENANT as B2C_TENANT,
  TENANT_ID as B2C_TENANT_ID,
  aliceSignIn,
  postForm,
  startEmulator,
  type RunningEmulator,
} from '../start-emulator';
import {
  ALICE,
  EXTERNAL_ID_TENANT_FILE,
  EXTERNAL_TENANT,
  EXTERNAL_TENANT_ID,
  NOTES_API_ID,
  NOTES_READ,
  NOTES_WRITE,
  NativeAuthTestClient,
  OTP_CLIENT_ID,
  PASSWORD_APP_TYPES,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectSuccess,
  jwtPayload,
  setClock,
} from './native-auth-client';

const MICROSOFT_GRAPH = '00000003-0000-0000-c000-000000000000';
const FULL_SCOPES = ['openid', 'profile', 'offline_access', NOTES_READ];

describe('External ID native authentication: tokens, refresh and discovery', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;
  /** Alice signed in with her password in contoso-notes-spa, asking for notes.read. */
  let spa: NativeAuthTokenResponse;

  const issuer = (): string => `${emulator.url}/${EXTERNAL_TENANT_ID}/v2.0`;
  const discoveryUrl = (tenant: string = EXTERNAL_TENANT): string =>
    `${emulator.url}/${tenant}/v2.0/.well-known/openid-configuration`;
  const getJson = async (url: string): Promise<Record<string, unknown>> => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
    spa = await client.signInWithPassword(
      SPA_CLIENT_ID,
      ALICE.username,
      ALICE.password,
      FULL_SCOPES,
    );
  });

  afterAll(async () => {
    await emulator.stop();
  });

  describe('the token answer', () => {
    it('has exactly the fields MSAL reads: Bearer, the granted scope, lifetimes and client_info', () => {
      expect(Object.keys(spa).sort()).toEqual([
        'access_token',
        'client_info',
        'expires_in',
        'ext_expires_in',
        'id_token',
        'refresh_token',
        'refresh_token_expires_in',
        'scope',
        'token_type',
      ]);
      expect(spa.token_type).toBe('Bearer');
      expect(spa.scope).toBe(`openid profile offline_access ${NOTES_READ}`);
      expect(typeof spa.expires_in).toBe('number');
      expect(spa.expires_in).toBeGreaterThan(300);
      expect(spa.expires_in).toBe(3600);
      expect(spa.ext_expires_in).toBe(3600);
      // 24 hours for a single-page app's refresh token (§8), counted from now.
      expect(spa.refresh_token_expires_in).toBeGreaterThan(86_000);
      expect(spa.refresh_token_expires_in).toBeLessThanOrEqual(86_400);
    });

    it('client_info is unpadded base64url of {uid: oid, utid: tid}', () => {
      expect(spa.client_info).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeClientInfo(spa.client_info)).toEqual({
        uid: ALICE.id,
        utid: EXTERNAL_TENANT_ID,
      });
      expect(JSON.parse(Buffer.from(spa.client_info, 'base64url').toString('utf8'))).toEqual({
        uid: ALICE.id,
        utid: EXTERNAL_TENANT_ID,
      });
    });

    it("the id token carries External ID's claims: issuer with the tenant id, tid, oid, pairwise sub, no tfp", () => {
      const claims = jwtPayload(spa.id_token);
      expect(Object.keys(claims).sort()).toEqual([
        'aud',
        'exp',
        'iat',
        'iss',
        'name',
        'nbf',
        'oid',
        'preferred_username',
        'sub',
        'tid',
        'ver',
      ]);
      expect(claims).toMatchObject({
        aud: SPA_CLIENT_ID,
        iss: issuer(),
        tid: EXTERNAL_TENANT_ID,
        oid: ALICE.id,
        preferred_username: ALICE.username,
        name: ALICE.name,
        ver: '2.0',
      });
      expect(claims['tfp']).toBeUndefined();
      expect(claims['sub']).not.toBe(ALICE.id);
      expect(claims['sub']).toMatch(/^[\w-]{43}$/);
      expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);
      expect(claims['nbf']).toBe(claims['iat']);
    });

    it('the access token is for the API the scope names, with scp, azp and its own pairwise sub', () => {
      const claims = jwtPayload(spa.access_token);
      const id = jwtPayload(spa.id_token);
      expect(claims).toMatchObject({
        aud: NOTES_API_ID,
        iss: issuer(),
        tid: EXTERNAL_TENANT_ID,
        oid: ALICE.id,
        preferred_username: ALICE.username,
        name: ALICE.name,
        ver: '2.0',
        scp: 'notes.read',
        azp: SPA_CLIENT_ID,
      });
      expect(claims['tfp']).toBeUndefined();
      expect(claims['sub']).not.toBe(ALICE.id);
      expect(claims['sub']).not.toBe(id['sub']);
      expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);
    });

    it('the pairwise sub differs between apps for one user and stays the same within one app', async () => {
      const { token, code } = await client.codeChallenge(OTP_CLIENT_ID, ALICE.username);
      const otp = expectSuccess(await client.oobGrant(OTP_CLIENT_ID, token, code, FULL_SCOPES));
      const again = await client.signInWithPassword(
        SPA_CLIENT_ID,
        ALICE.username,
        ALICE.password,
        FULL_SCOPES,
      );
      const spaSub = jwtPayload(spa.id_token)['sub'];
      expect(jwtPayload(otp.id_token)).toMatchObject({ aud: OTP_CLIENT_ID, oid: ALICE.id });
      expect(jwtPayload(otp.id_token)['sub']).not.toBe(spaSub);
      expect(jwtPayload(again.id_token)['sub']).toBe(spaSub);
      // The access tokens are for the same API: one subject for the user there.
      expect(jwtPayload(otp.access_token)['sub']).toBe(jwtPayload(spa.access_token)['sub']);
    });

    it('both tokens verify against the JWKS the discovery document names, with its issuer', async () => {
      const discovery = await getJson(discoveryUrl());
      const jwks = createRemoteJWKSet(new URL(String(discovery['jwks_uri'])));
      const id = await jwtVerify(spa.id_token, jwks, {
        issuer: String(discovery['issuer']),
        audience: SPA_CLIENT_ID,
        algorithms: ['RS256'],
      });
      expect(id.protectedHeader).toEqual({
        typ: 'JWT',
        alg: 'RS256',
        kid: expect.stringMatching(/^[\w-]{43}$/),
      });
      const access = await jwtVerify(spa.access_token, jwks, {
        issuer: issuer(),
        audience: NOTES_API_ID,
        algorithms: ['RS256'],
      });
      expect(access.payload['scp']).toBe('notes.read');
    });

    it("asks MSAL's defaults when the app names no scope: an access token for Microsoft Graph", async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      const body = expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password));
      expect(body.scope).toBe('openid profile offline_access');
      expect(jwtPayload(body.access_token)).toMatchObject({
        aud: MICROSOFT_GRAPH,
        scp: 'User.Read',
      });
    });

    it('grants both API scopes and adds the OpenID scopes to API-only scopes', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      const body = expectSuccess(
        await client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password, [NOTES_READ, NOTES_WRITE]),
      );
      expect(body.scope).toBe(`openid profile offline_access ${NOTES_READ} ${NOTES_WRITE}`);
      expect(jwtPayload(body.access_token)).toMatchObject({
        aud: NOTES_API_ID,
        scp: 'notes.read notes.write',
      });
    });

    it('answers invalid_scope (70011) for a scope not granted to the app, and the token stays usable', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      for (const scope of [
        'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.delete',
        'User.Read',
      ]) {
        const read = expectError(
          await client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password, ['openid', scope]),
        );
        expect(errorSummary(read)).toEqual({
          status: 400,
          error: 'invalid_scope',
          codes: [70011],
          kind: 'other',
        });
      }
      expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password));
    });

    it('answers unsupported_grant_type (70003) for a grant it does not have', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      const body = {
        ...signInPasswordTokenRequest(SPA_CLIENT_ID, {
          continuationToken: token,
          password: ALICE.password,
        }),
        grant_type: 'client_credentials',
      };
      const read = expectError(await client.call('token', body));
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'unsupported_grant_type',
        codes: [70003],
        kind: 'other',
      });
    });
  });

  describe('the refresh_token grant', () => {
    const refresh = (refreshToken: string, clientId: string = SPA_CLIENT_ID) =>
      client.call(
        'token',
        nativeAuthRefreshTokenRequest(clientId, { refreshToken, scopes: [NOTES_READ] }),
      );

    it('answers new tokens and a new refresh token each time; the old one still works (reuse detection off)', async () => {
      const first = expectSuccess(await refresh(spa.refresh_token));
      expect(first.refresh_token).not.toBe(spa.refresh_token);
      expect(first.scope).toBe(`openid profile offline_access ${NOTES_READ}`);
      expect(decodeClientInfo(first.client_info)).toEqual({
        uid: ALICE.id,
        utid: EXTERNAL_TENANT_ID,
      });
      expect(jwtPayload(first.id_token)).toMatchObject({
        oid: ALICE.id,
        aud: SPA_CLIENT_ID,
        sub: jwtPayload(spa.id_token)['sub'],
      });
      expect(jwtPayload(first.access_token)).toMatchObject({
        aud: NOTES_API_ID,
        scp: 'notes.read',
      });
      const second = expectSuccess(await refresh(first.refresh_token));
      expect(second.refresh_token).not.toBe(first.refresh_token);
      const reused = expectSuccess(await refresh(spa.refresh_token));
      expect(reused.refresh_token).not.toBe(second.refresh_token);
      expectSuccess(await refresh(first.refresh_token));
    });

    it.each([
      ['garbage', 'not-a-token'],
      ['a token of the shape before family ids', 'A'.repeat(43)],
      [
        'an unknown token of this shape',
        `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.${'A'.repeat(43)}`,
      ],
    ])('refuses %s (invalid_grant 9002313)', async (_case, refreshToken) => {
      const refused = expectError(await refresh(refreshToken));
      expect(errorSummary(refused)).toEqual({
        status: 400,
        error: 'invalid_grant',
        codes: [9002313],
        kind: 'other',
      });
    });

    it("refuses another client's refresh token (invalid_grant 9002313)", async () => {
      const read = expectError(await refresh(spa.refresh_token, OTP_CLIENT_ID));
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'invalid_grant',
        codes: [9002313],
        kind: 'other',
      });
    });

    it("refuses the other tenant's refresh tokens, both ways", async () => {
      const b2c = await postForm(
        `${emulator.url}/${B2C_TENANT}/oauth2/v2.0/token?p=${POLICY}`,
        aliceSignIn(),
      );
      const b2cRefresh = String(b2c.body['refresh_token']);
      client.secrets.add(b2cRefresh);
      expect(errorSummary(expectError(await refresh(b2cRefresh)))).toMatchObject({
        error: 'invalid_grant',
        codes: [9002313],
      });
      const atB2c = await postForm(`${emulator.url}/${B2C_TENANT}/oauth2/v2.0/token?p=${POLICY}`, {
        grant_type: 'refresh_token',
        client_id: B2C_CLIENT_ID,
        refresh_token: spa.refresh_token,
      });
      expect([atB2c.status, atB2c.body['error']]).toEqual([400, 'invalid_grant']);
    });

    it('refuses a refresh token past its 24 hours (invalid_grant 700082)', async () => {
      const fresh = await client.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password);
      await setClock(emulator, 86_401);
      try {
        expect(errorSummary(expectError(await refresh(fresh.refresh_token)))).toEqual({
          status: 400,
          error: 'invalid_grant',
          codes: [700082],
          kind: 'other',
        });
      } finally {
        await setClock(emulator, 0);
      }
    });

    it('refuses a refresh token it never issued', async () => {
      const read = expectError(await refresh('not-a-refresh-token'));
      expect(errorSummary(read)).toMatchObject({ error: 'invalid_grant', codes: [9002313] });
    });
  });

  describe('discovery and keys', () => {
    it("names the tenant's endpoints with its id and its issuer {origin}/{tenantId}/v2.0, in both tenant forms", async () => {
      const byName = await getJson(discoveryUrl());
      const byId = await getJson(discoveryUrl(EXTERNAL_TENANT_ID));
      expect(byId).toEqual(byName);
      expect(byName).toMatchObject({
        issuer: issuer(),
        jwks_uri: `${emulator.url}/${EXTERNAL_TENANT_ID}/discovery/v2.0/keys`,
        token_endpoint: `${emulator.url}/${EXTERNAL_TENANT_ID}/oauth2/v2.0/token`,
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['pairwise'],
      });
      expect(String(byName['issuer']).endsWith('/')).toBe(false);
      const keys = await getJson(String(byName['jwks_uri']));
      expect((keys['keys'] as unknown[]).length).toBeGreaterThan(0);
    });

    it("signs with the tenant's own key: the two tenants publish different kids", async () => {
      const external = (await getJson(`${emulator.url}/${EXTERNAL_TENANT}/discovery/v2.0/keys`))[
        'keys'
      ] as { kid: string }[];
      const b2c = (await getJson(`${emulator.url}/${B2C_TENANT}/discovery/v2.0/keys?p=${POLICY}`))[
        'keys'
      ] as { kid: string }[];
      const externalKids = external.map((key) => key.kid);
      const b2cKids = b2c.map((key) => key.kid);
      expect(externalKids.filter((kid) => b2cKids.includes(kid))).toEqual([]);
      const { kid } = decodeProtectedHeader(spa.id_token);
      expect(externalKids).toContain(kid);
      expect(b2cKids).not.toContain(kid);
    });

    it("still answers the B2C tenant's ?p= discovery and ROPC token on the same paths (kind dispatch)", async () => {
      const discovery = await getJson(`${discoveryUrl(B2C_TENANT)}?p=${POLICY}`);
      expect(discovery['issuer']).toBe(`${emulator.url}/${B2C_TENANT_ID}/v2.0/`);
      const { status, body } = await postForm(
        `${emulator.url}/${B2C_TENANT}/oauth2/v2.0/token?p=${POLICY}`,
        aliceSignIn(),
      );
      expect(status).toBe(200);
      expect(jwtPayload(String(body['access_token']))).toMatchObject({
        tfp: POLICY,
        iss: `${emulator.url}/${B2C_TENANT_ID}/v2.0/`,
      });
      const jwks = createRemoteJWKSet(new URL(String(discovery['jwks_uri'])));
      await expect(
        jwtVerify(String(body['access_token']), jwks, { issuer: String(discovery['issuer']) }),
      ).resolves.toBeDefined();
      // A native-auth token does not verify against the B2C tenant's keys.
      await expect(jwtVerify(spa.id_token, jwks)).rejects.toThrow();
    });
  });

  it('the tenant-id path form (/{tenantId}/oauth2/v2.0/initiate, …) signs in as the domain form does', async () => {
    const tenant = EXTERNAL_TENANT_ID;
    const initiated = expectSuccess(
      await client.call(
        'signInInitiate',
        signInInitiateRequest(SPA_CLIENT_ID, {
          username: ALICE.username,
          challengeTypes: PASSWORD_APP_TYPES,
        }),
        { tenant },
      ),
    );
    const challenged = expectSuccess(
      await client.call(
        'signInChallenge',
        signInChallengeRequest(SPA_CLIENT_ID, {
          continuationToken: initiated.continuation_token,
          challengeTypes: PASSWORD_APP_TYPES,
        }),
        { tenant },
      ),
    );
    const body = expectSuccess(
      await client.call(
        'token',
        signInPasswordTokenRequest(SPA_CLIENT_ID, {
          continuationToken: challenged.continuation_token,
          password: ALICE.password,
          scopes: FULL_SCOPES,
        }),
        { tenant },
      ),
    );
    expect(jwtPayload(body.id_token)).toMatchObject({ iss: issuer(), oid: ALICE.id });
  });

  it('never writes a password, code or token to its output', () => {
    expect(client.leakedSecrets()).toEqual([]);
  });
});
