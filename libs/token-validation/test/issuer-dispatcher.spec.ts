// createIssuerDispatcher over a B2C policy authority and an External ID tenant authority, both
// served by an in-memory fetch (discovery and JWKS), on a hand-moved clock.
import {
  createIssuerDispatcher,
  createTokenValidator,
  TokenValidationError,
  type TokenValidator,
} from '../src';
import {
  ALICE_OID,
  API_APP_ID,
  CLIENT_ID,
  POLICY,
  TENANT,
  TENANT_ID,
  accessTokenClaims,
  createSigningKey,
  randomKid,
  signToken,
  unsignedToken,
  type SigningKey,
} from './fake-b2c-authority';
import { TestClock, rejectionOf } from './harness';

const B2C_ORIGIN = 'https://contoso.b2clogin.com';
const B2C_AUTHORITY = `${B2C_ORIGIN}/${TENANT}/${POLICY}`;
const B2C_ISSUER = `${B2C_ORIGIN}/${TENANT_ID}/v2.0/`;
const B2C_JWKS = `${B2C_ORIGIN}/${TENANT}/${POLICY.toLowerCase()}/discovery/v2.0/keys`;
const EID_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const EID_AUTHORITY = 'https://contosoid.ciamlogin.com/contosoid.onmicrosoft.com';
const EID_ISSUER = `https://${EID_TENANT_ID}.ciamlogin.com/${EID_TENANT_ID}/v2.0`;
const EID_JWKS = `https://contosoid.ciamlogin.com/${EID_TENANT_ID}/discovery/v2.0/keys`;
const EID_API_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
const EID_OID = '5f0c2a7e-9b13-4d6a-8e21-3c7b9a4d1e58';

/** Discovery and JWKS documents by URL, answered in memory; any URL can be made to fail. */
class MetadataServer {
  readonly documents = new Map<string, unknown>();
  readonly failing = new Set<string>();
  readonly counts = new Map<string, number>();

  readonly fetch = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.counts.set(url, this.count(url) + 1);
    const body = this.documents.get(url);
    if (body === undefined || this.failing.has(url)) {
      return Promise.resolve(new Response('{"error":"unavailable"}', { status: 503 }));
    }
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };

  count(url: string): number {
    return this.counts.get(url) ?? 0;
  }

  /** A discovery document at `{authority}/v2.0/.well-known/openid-configuration`. */
  authority(authority: string, issuer: string, jwksUri: string, keys: SigningKey[]): void {
    this.documents.set(discoveryOf(authority), {
      issuer,
      jwks_uri: jwksUri,
      token_endpoint: `${authority}/oauth2/v2.0/token`,
    });
    this.documents.set(jwksUri, { keys: keys.map((key) => key.publicJwk) });
  }
}

const discoveryOf = (authority: string): string =>
  `${authority}/v2.0/.well-known/openid-configuration`;

/** What a validator answered: the accepted token's policy and oid, or the refusal's code. */
async function outcomeOf(validator: TokenValidator, token: string): Promise<unknown> {
  try {
    const validated = await validator.validate(token);
    return { policy: validated.policy, oid: validated.claims.oid };
  } catch (error) {
    if (error instanceof TokenValidationError) return error.code;
    throw error;
  }
}

describe('createIssuerDispatcher: one validator per authority, chosen by iss', () => {
  let clock: TestClock;
  let server: MetadataServer;
  let b2cKey: SigningKey;
  let eidKey: SigningKey;
  let checked: Readonly<Record<string, unknown>>[];

  beforeAll(async () => {
    [b2cKey, eidKey] = await Promise.all([createSigningKey(), createSigningKey()]);
  });

  beforeEach(() => {
    clock = new TestClock();
    server = new MetadataServer();
    server.authority(B2C_AUTHORITY, B2C_ISSUER, B2C_JWKS, [b2cKey]);
    server.authority(EID_AUTHORITY, EID_ISSUER, EID_JWKS, [eidKey]);
    checked = [];
  });

  /** A B2C and an External ID validator on the test's server and clock, and their dispatcher. */
  function validators() {
    const common = { now: clock.now, fetch: server.fetch };
    const b2c = createTokenValidator({
      ...common,
      authorities: [B2C_AUTHORITY],
      audience: API_APP_ID,
    });
    const externalId = createTokenValidator({
      ...common,
      tenantAuthority: EID_AUTHORITY,
      audience: [EID_API_ID, `api://${EID_API_ID}`],
      checkClaims: (claims) => {
        checked.push(claims);
        if (claims['tid'] !== EID_TENANT_ID) {
          throw new TokenValidationError('ERR_ISSUER_INVALID', { detail: 'tid' });
        }
      },
    });
    return { b2c, externalId, dispatcher: createIssuerDispatcher([b2c, externalId]) };
  }

  const b2cToken = (overrides: Record<string, unknown> = {}, key: SigningKey = b2cKey) =>
    signToken(key, accessTokenClaims(B2C_ISSUER, clock.seconds, overrides));

  const eidToken = (overrides: Record<string, unknown> = {}, key: SigningKey = eidKey) =>
    signToken(key, {
      iss: EID_ISSUER,
      aud: EID_API_ID,
      iat: clock.seconds,
      nbf: clock.seconds,
      exp: clock.seconds + 3600,
      tid: EID_TENANT_ID,
      oid: EID_OID,
      sub: 'pairwise-subject',
      azp: CLIENT_ID,
      scp: 'notes.read',
      preferred_username: 'alice@contoso.com',
      ver: '2.0',
      ...overrides,
    });

  it('sends each token to the validator of its issuer, and names that validator', async () => {
    const { b2c, externalId, dispatcher } = validators();
    expect(await outcomeOf(dispatcher, await b2cToken())).toEqual({
      policy: POLICY,
      oid: ALICE_OID,
    });
    expect(await outcomeOf(dispatcher, await eidToken())).toEqual({
      policy: undefined,
      oid: EID_OID,
    });
    expect(dispatcher.validatorOf(B2C_ISSUER)).toBe(b2c);
    expect(dispatcher.validatorOf(EID_ISSUER)).toBe(externalId);
    expect(dispatcher.validatorOf('https://elsewhere/v2.0')).toBeUndefined();
  });

  it('refuses an issuer no authority has, a token without iss, and a token that is no JWT', async () => {
    const { dispatcher } = validators();
    expect(await outcomeOf(dispatcher, await eidToken({ iss: 'https://evil.example/v2.0' }))).toBe(
      'ERR_ISSUER_INVALID',
    );
    expect(await outcomeOf(dispatcher, await eidToken({ iss: undefined }))).toBe(
      'ERR_ISSUER_INVALID',
    );
    expect(await outcomeOf(dispatcher, 'not-a-jwt')).toBe('ERR_TOKEN_MALFORMED');
    expect(await outcomeOf(dispatcher, unsignedToken({ alg: 'RS256' }, ['array']))).toBe(
      'ERR_TOKEN_MALFORMED',
    );
    // Only the first token caused discovery; unknown issuers cost no further fetches.
    expect(server.count(discoveryOf(EID_AUTHORITY))).toBe(1);
    expect(server.count(discoveryOf(B2C_AUTHORITY))).toBe(1);
  });

  it("never lets one authority's key vouch for the other's issuer", async () => {
    const { dispatcher } = validators();
    // External ID claims signed with the B2C key, under its kid.
    expect(await outcomeOf(dispatcher, await eidToken({}, b2cKey))).toBe('ERR_KEY_NOT_FOUND');
    // ... or under the External ID kid.
    expect(await outcomeOf(dispatcher, await eidToken({}, { ...b2cKey, kid: eidKey.kid }))).toBe(
      'ERR_SIGNATURE_INVALID',
    );
    // B2C claims signed with the External ID key.
    expect(await outcomeOf(dispatcher, await b2cToken({}, eidKey))).toBe('ERR_KEY_NOT_FOUND');
  });

  it("holds each authority's tokens to its own audiences and checks", async () => {
    const { dispatcher } = validators();
    expect(await outcomeOf(dispatcher, await eidToken({ aud: API_APP_ID }))).toBe(
      'ERR_AUDIENCE_INVALID',
    );
    expect(await outcomeOf(dispatcher, await eidToken({ aud: CLIENT_ID }))).toBe(
      'ERR_AUDIENCE_INVALID',
    );
    expect(await outcomeOf(dispatcher, await b2cToken({ aud: EID_API_ID }))).toBe(
      'ERR_AUDIENCE_INVALID',
    );
    expect(await outcomeOf(dispatcher, await eidToken({ aud: `api://${EID_API_ID}` }))).toEqual({
      policy: undefined,
      oid: EID_OID,
    });
    // The External ID check runs for its tokens only; the B2C one still needs its policy.
    expect(await outcomeOf(dispatcher, await eidToken({ tid: TENANT_ID }))).toBe(
      'ERR_ISSUER_INVALID',
    );
    expect(await outcomeOf(dispatcher, await b2cToken({ tfp: undefined }))).toBe(
      'ERR_POLICY_NOT_ALLOWED',
    );
    expect(checked.every((claims) => claims['iss'] === EID_ISSUER)).toBe(true);
  });

  it("keeps each authority's cache and key refetches apart", async () => {
    const { dispatcher } = validators();
    const token = await eidToken();
    await dispatcher.validate(token);
    await dispatcher.validate(token);
    expect(checked).toHaveLength(1); // the second call was a cache hit
    await dispatcher.validate(await b2cToken());
    const b2cJwks = server.count(B2C_JWKS);
    const eidJwks = server.count(EID_JWKS);
    // An unknown kid under the External ID issuer refetches its keys only.
    expect(await outcomeOf(dispatcher, await eidToken({}, { ...eidKey, kid: randomKid() }))).toBe(
      'ERR_KEY_NOT_FOUND',
    );
    expect([server.count(B2C_JWKS), server.count(EID_JWKS)]).toEqual([b2cJwks, eidJwks + 1]);
    // Its cooldown holds the next miss back; the B2C authority's own first miss still refetches.
    expect(await outcomeOf(dispatcher, await eidToken({}, { ...eidKey, kid: randomKid() }))).toBe(
      'ERR_KEY_NOT_FOUND',
    );
    expect(await outcomeOf(dispatcher, await b2cToken({}, { ...b2cKey, kid: randomKid() }))).toBe(
      'ERR_KEY_NOT_FOUND',
    );
    expect([server.count(B2C_JWKS), server.count(EID_JWKS)]).toEqual([b2cJwks + 1, eidJwks + 1]);
  });

  it("answers 503 while an authority's discovery fails, for its tokens and unknown issuers alike", async () => {
    server.failing.add(discoveryOf(EID_AUTHORITY));
    const { dispatcher } = validators();
    expect(await outcomeOf(dispatcher, await b2cToken())).toEqual({
      policy: POLICY,
      oid: ALICE_OID,
    });
    const refusal = await rejectionOf(dispatcher.validate(await eidToken()));
    expect([refusal.code, refusal.status, refusal.retryAfterSeconds]).toEqual([
      'ERR_METADATA_UNAVAILABLE',
      503,
      30,
    ]);
    // The token may be that authority's: no verdict until its issuer is known.
    expect(await outcomeOf(dispatcher, await eidToken({ iss: 'https://evil.example/v2.0' }))).toBe(
      'ERR_METADATA_UNAVAILABLE',
    );
    expect(server.count(discoveryOf(EID_AUTHORITY))).toBe(1); // the cooldown holds
    server.failing.clear();
    clock.advance(30);
    expect(await outcomeOf(dispatcher, await eidToken())).toEqual({
      policy: undefined,
      oid: EID_OID,
    });
    expect(await outcomeOf(dispatcher, await eidToken({ iss: 'https://evil.example/v2.0' }))).toBe(
      'ERR_ISSUER_INVALID',
    );
  });

  it('checks requirements and the token before choosing, as validate does', async () => {
    const { dispatcher } = validators();
    await expect(dispatcher.validate(42 as unknown as string)).rejects.toThrow(TypeError);
    await expect(dispatcher.validate(await eidToken(), { scopes: ['notes read'] })).rejects.toThrow(
      TypeError,
    );
    expect(await outcomeOf(dispatcher, '')).toBe('ERR_TOKEN_MISSING');
    expect(await outcomeOf(dispatcher, 'x'.repeat(9000))).toBe('ERR_TOKEN_MALFORMED');
    const refusal = await rejectionOf(
      dispatcher.validate(await eidToken(), { scopes: ['notes.write'] }),
    );
    expect([refusal.code, refusal.requiredScopes]).toEqual([
      'ERR_INSUFFICIENT_SCOPE',
      ['notes.write'],
    ]);
  });

  it('takes only distinct validators made by createTokenValidator', () => {
    const { b2c } = validators();
    const foreign: TokenValidator = { validate: (token) => b2c.validate(token) };
    expect(() => createIssuerDispatcher([])).toThrow(
      new TypeError('validators must be a non-empty array'),
    );
    expect(() => createIssuerDispatcher([b2c, foreign])).toThrow(
      new TypeError('each validator must come from createTokenValidator'),
    );
    expect(() => createIssuerDispatcher([b2c, b2c])).toThrow(
      new TypeError('each validator may be given once'),
    );
  });
});

describe('createTokenValidator: tenantAuthority', () => {
  it.each([
    [{ tenantAuthority: 'ftp://contosoid.ciamlogin.com/contosoid.onmicrosoft.com' }],
    [{ tenantAuthority: 'https://contosoid.ciamlogin.com/' }],
    [{ tenantAuthority: 'https://contosoid.ciamlogin.com/t?x=1' }],
    [{ tenantAuthority: 42 }],
  ])('refuses %j', (options) => {
    expect(() => createTokenValidator({ audience: EID_API_ID, ...options } as never)).toThrow(
      new TypeError(
        'tenantAuthority must be an http(s) URL naming a tenant, without query or fragment',
      ),
    );
  });

  it('is given alone, and checkClaims must be a function', () => {
    expect(() =>
      createTokenValidator({
        audience: EID_API_ID,
        tenantAuthority: EID_AUTHORITY,
        authorities: [B2C_AUTHORITY],
      }),
    ).toThrow(new TypeError('give tenantAuthority alone, without authorities, issuer or jwksUri'));
    expect(() =>
      createTokenValidator({
        audience: EID_API_ID,
        tenantAuthority: EID_AUTHORITY,
        checkClaims: 'tid',
      } as never),
    ).toThrow(new TypeError('checkClaims must be a function'));
  });
});
