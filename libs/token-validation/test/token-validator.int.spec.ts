import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import { createTokenValidator, type TokenValidationError, type TokenValidator } from '../src';
import {
  ALICE_OID,
  API_APP_ID,
  CLIENT_ID,
  POLICY,
  TENANT_ID,
  createSigningKey,
  randomKid,
  unsignedToken,
  type SigningKey,
} from './fake-b2c-authority';
import { rejectionOf, startHarness, type Harness } from './harness';

const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  (await rejectionOf(promise)).code;

const wireOf = (error: TokenValidationError) => ({
  code: error.code,
  status: error.status,
  error: error.error,
  description: error.description,
  message: error.message,
});

describe('createTokenValidator: what a token must be', () => {
  let harness: Harness;
  let validator: TokenValidator;

  beforeAll(async () => {
    harness = await startHarness();
    validator = harness.validator({ cache: false });
  });

  afterAll(() => harness.stop());

  it('accepts a B2C access token and returns its typed claims, scopes, policy and header', async () => {
    const now = harness.clock.seconds;
    const token = await harness.mint();
    expect(await validator.validate(token)).toEqual({
      claims: {
        iss: `${harness.authority.origin}/${TENANT_ID}/v2.0/`,
        exp: now + 3600,
        nbf: now,
        aud: API_APP_ID,
        oid: ALICE_OID,
        sub: ALICE_OID,
        name: 'Alice',
        emails: ['alice@contoso.com'],
        idp: 'LocalAccount',
        tfp: POLICY,
        scp: 'notes.read notes.write',
        azp: CLIENT_ID,
        ver: '1.0',
        iat: now,
      },
      scopes: ['notes.read', 'notes.write'],
      policy: POLICY,
      protectedHeader: { typ: 'JWT', alg: 'RS256', kid: harness.key.kid },
    });
  });

  it('refuses an empty token as missing, and a non-string token as caller misuse', async () => {
    expect(wireOf(await rejectionOf(validator.validate('')))).toEqual({
      code: 'ERR_TOKEN_MISSING',
      status: 401,
      error: undefined,
      description: 'An access token is required.',
      message: 'An access token is required.',
    });
    await expect(validator.validate(42 as unknown as string)).rejects.toThrow(TypeError);
  });

  it('refuses alg none', async () => {
    const token = unsignedToken(
      { alg: 'none', typ: 'JWT', kid: harness.key.kid },
      { iss: harness.authority.issuer, aud: API_APP_ID, exp: harness.clock.seconds + 60 },
    );
    expect(wireOf(await rejectionOf(validator.validate(token)))).toEqual({
      code: 'ERR_ALGORITHM_NOT_ALLOWED',
      status: 401,
      error: 'invalid_token',
      description: 'The access token is signed with an algorithm that is not allowed.',
      message: 'The access token is signed with an algorithm that is not allowed.',
    });
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(harness.key.publicJwk));
    const token = await new SignJWT({ iss: harness.authority.issuer, aud: API_APP_ID, tfp: POLICY })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: harness.key.kid })
      .setExpirationTime(harness.clock.seconds + 60)
      .sign(secret);
    expect(await codeOf(validator.validate(token))).toBe('ERR_ALGORITHM_NOT_ALLOWED');
  });

  it('holds a key to the alg it publishes, and serves only allowed algorithms', async () => {
    const pinned = await createSigningKey();
    const rs256Only = { ...pinned, publicJwk: { ...pinned.publicJwk, alg: 'RS256' } };
    harness.authority.publish([harness.key, rs256Only]);
    const both = harness.validator({ cache: false, algorithms: ['RS256', 'PS256'] });
    const asPs256 = async (key: SigningKey) => ({
      kid: key.kid,
      privateKey: (await importJWK(await exportJWK(key.privateKey), 'PS256')) as CryptoKey,
    });
    const pinnedPs256 = await harness.mint({}, { alg: 'PS256' }, await asPs256(pinned));
    const freePs256 = await harness.mint({}, { alg: 'PS256' }, await asPs256(harness.key));
    expect(await codeOf(both.validate(pinnedPs256))).toBe('ERR_ALGORITHM_NOT_ALLOWED');
    expect((await both.validate(freePs256)).protectedHeader.alg).toBe('PS256');
    expect(await codeOf(validator.validate(freePs256))).toBe('ERR_ALGORITHM_NOT_ALLOWED');
    expect((await both.validate(await harness.mint({}, {}, pinned))).policy).toBe(POLICY);
    harness.authority.publish([harness.key]);
  });

  it('never takes a key from the token: jwk, jku, x5u and x5c headers are refused', async () => {
    const attacker = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(attacker.publicKey);
    const own = { kid: randomKid(), privateKey: attacker.privateKey };
    const embedded = [
      await harness.mint({}, { jwk }, own),
      await harness.mint({}, { jwk, kid: harness.key.kid }, own),
      await harness.mint({}, { jku: `${harness.authority.origin}/evil/keys` }),
      await harness.mint({}, { x5u: `${harness.authority.origin}/evil/cert` }),
      await harness.mint({}, { x5c: ['MIIB'] }),
    ];
    const codes = await Promise.all(embedded.map((token) => codeOf(validator.validate(token))));
    expect(codes).toEqual(Array(5).fill('ERR_TOKEN_MALFORMED'));
  });

  it('refuses a kid the key set does not hold', async () => {
    const stranger = await createSigningKey();
    expect(await codeOf(validator.validate(await harness.mint({}, {}, stranger)))).toBe(
      'ERR_KEY_NOT_FOUND',
    );
  });

  it('refuses a token signed by another key under a trusted kid', async () => {
    const impostor = await createSigningKey(harness.key.kid);
    expect(await codeOf(validator.validate(await harness.mint({}, {}, impostor)))).toBe(
      'ERR_SIGNATURE_INVALID',
    );
  });

  it('refuses truncated and oversized tokens', async () => {
    const token = await harness.mint();
    const [header, payload] = token.split('.') as [string, string];
    const results = await Promise.all(
      [
        token.slice(0, -8),
        `${header}.${payload}`,
        `${header}.${payload.slice(0, 20)}.`,
        'a'.repeat(8193),
      ].map((value) => codeOf(validator.validate(value))),
    );
    // jose checks the signature before it parses the payload, so a cut inside either part is a
    // signature failure; a cut that loses a part is malformed.
    expect(results).toEqual([
      'ERR_SIGNATURE_INVALID',
      'ERR_TOKEN_MALFORMED',
      'ERR_SIGNATURE_INVALID',
      'ERR_TOKEN_MALFORMED',
    ]);
  });

  it('accepts exp and nbf within the clock tolerance and refuses them beyond it', async () => {
    const now = harness.clock.seconds;
    const verdicts = await Promise.all(
      [{ exp: now - 59 }, { exp: now - 60 }, { nbf: now + 60 }, { nbf: now + 61 }].map(
        async (claims) => {
          const result = await validator
            .validate(await harness.mint(claims))
            .catch((error: unknown) => (error as TokenValidationError).code);
          return typeof result === 'string' ? result : 'accepted';
        },
      ),
    );
    expect(verdicts).toEqual([
      'accepted',
      'ERR_TOKEN_EXPIRED',
      'accepted',
      'ERR_TOKEN_NOT_YET_VALID',
    ]);
  });

  it('applies a chosen tolerance, and refuses one above 300 s as caller misuse', async () => {
    const strict = harness.validator({ cache: false, clockToleranceSeconds: 0 });
    const now = harness.clock.seconds;
    expect(await codeOf(strict.validate(await harness.mint({ nbf: now + 1 })))).toBe(
      'ERR_TOKEN_NOT_YET_VALID',
    );
    expect(await codeOf(strict.validate(await harness.mint({ exp: now })))).toBe(
      'ERR_TOKEN_EXPIRED',
    );
    expect(() => harness.validator({ clockToleranceSeconds: 301 })).toThrow(
      new TypeError('clockToleranceSeconds must be a number from 0 to 300'),
    );
    expect(() => harness.validator({ clockToleranceSeconds: 300 })).not.toThrow();
  });

  it('refuses a token without exp', async () => {
    expect(await codeOf(validator.validate(await harness.mint({ exp: undefined })))).toBe(
      'ERR_TOKEN_MALFORMED',
    );
  });

  it('refuses another issuer, even the tfp form of the same tenant', async () => {
    const tfpIssuer = `${harness.authority.origin}/tfp/${TENANT_ID}/${POLICY}/v2.0/`;
    const codes = await Promise.all(
      [tfpIssuer, 'https://evil.example/v2.0/', undefined].map(async (iss) =>
        codeOf(validator.validate(await harness.mint({ iss }))),
      ),
    );
    expect(codes).toEqual(Array(3).fill('ERR_ISSUER_INVALID'));
  });

  it('refuses another audience, and accepts any of a configured list', async () => {
    const token = await harness.mint({ aud: CLIENT_ID });
    expect(await codeOf(validator.validate(token))).toBe('ERR_AUDIENCE_INVALID');
    const either = harness.validator({ cache: false, audience: [API_APP_ID, CLIENT_ID] });
    expect((await either.validate(token)).claims.aud).toBe(CLIENT_ID);
  });

  it('refuses another policy, and accepts the policy in a lowercased acr', async () => {
    const other = await harness.mint({ tfp: 'B2C_1_SignUp' });
    expect(await codeOf(validator.validate(other))).toBe('ERR_POLICY_NOT_ALLOWED');
    const none = await harness.mint({ tfp: undefined });
    expect(await codeOf(validator.validate(none))).toBe('ERR_POLICY_NOT_ALLOWED');
    const acr = await harness.mint({ tfp: undefined, acr: 'b2c_1_ropc_auth' });
    expect((await validator.validate(acr)).policy).toBe(POLICY);
  });

  it('requires every listed scope and role', async () => {
    const token = await harness.mint({ scp: 'notes.read', roles: ['Notes.Reader'] });
    const scope = await rejectionOf(validator.validate(token, { scopes: ['notes.write'] }));
    expect([scope.code, scope.status, scope.error, scope.requiredScopes]).toEqual([
      'ERR_INSUFFICIENT_SCOPE',
      403,
      'insufficient_scope',
      ['notes.write'],
    ]);
    const role = await rejectionOf(validator.validate(token, { roles: ['Notes.Admin'] }));
    expect([role.code, role.status, role.error]).toEqual([
      'ERR_INSUFFICIENT_ROLE',
      403,
      'insufficient_scope',
    ]);
    const ok = await validator.validate(token, { scopes: ['notes.read'], roles: ['Notes.Reader'] });
    expect(ok.scopes).toEqual(['notes.read']);
    await expect(validator.validate(token, { scopes: ['notes read'] })).rejects.toThrow(TypeError);
  });

  it('refuses mistyped scp and roles claims', async () => {
    const codes = await Promise.all(
      [{ scp: ['notes.read'] }, { roles: 'Notes.Reader' }].map(async (claims) =>
        codeOf(validator.validate(await harness.mint(claims))),
      ),
    );
    expect(codes).toEqual(['ERR_TOKEN_MALFORMED', 'ERR_TOKEN_MALFORMED']);
  });
});

describe('createTokenValidator: options', () => {
  const base = { audience: API_APP_ID };

  it.each([
    [{ ...base, authorities: [] }, 'authorities must be a non-empty array'],
    [{ ...base, authorities: ['not a url'] }, 'each authority must be a B2C policy authority URL'],
    [
      { ...base, authorities: ['ftp://h/contoso.onmicrosoft.com/B2C_1_A'] },
      'each authority must be a B2C policy authority URL',
    ],
    [
      { ...base, issuer: 'https://i/', jwksUri: 'https://h/keys' },
      'policies is required when jwksUri names no B2C policy',
    ],
    [
      { ...base, authorities: ['http://h/t/B2C_1_A'], issuer: 'x', jwksUri: 'http://h/k' },
      'give either authorities, or issuer and jwksUri',
    ],
    [
      { audience: '', authorities: ['http://h/t/B2C_1_A'] },
      'audience must be a non-empty string or a non-empty array of them',
    ],
    [
      { ...base, authorities: ['http://h/t/B2C_1_A'], algorithms: ['HS256'] },
      'algorithms may hold RS256, RS384, RS512, PS256, PS384, PS512 only',
    ],
    [
      { ...base, authorities: ['http://h/t/B2C_1_A'], algorithms: ['none'] },
      'algorithms may hold RS256, RS384, RS512, PS256, PS384, PS512 only',
    ],
    [
      { ...base, authorities: ['http://h/t/B2C_1_A'], cache: { maxEntries: 0 } },
      'cache.maxEntries must be an integer of at least 1',
    ],
    [
      { ...base, authorities: ['http://h/t/B2C_1_A'], keys: { maxRefetchesPerMinute: 0 } },
      'keys.maxRefetchesPerMinute must be an integer of at least 1',
    ],
  ])('throws TypeError for misuse %#', (options, message) => {
    expect(() => createTokenValidator(options as never)).toThrow(new TypeError(message));
  });
});
