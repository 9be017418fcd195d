import { createTokenValidator, type TokenValidationError } from '../src';
import {
  API_APP_ID,
  POLICY,
  createSigningKey,
  eventually,
  randomKid,
  unsignedToken,
} from './fake-b2c-authority';
import { rejectionOf, startHarness, type Harness } from './harness';

/** Tallies how each validation ended: `accepted` or the error code. */
async function outcomes(validations: Promise<unknown>[]): Promise<Record<string, number>> {
  const settled = await Promise.allSettled(validations);
  const tally: Record<string, number> = {};
  for (const result of settled) {
    const name =
      result.status === 'fulfilled' ? 'accepted' : (result.reason as TokenValidationError).code;
    tally[name] = (tally[name] ?? 0) + 1;
  }
  return tally;
}

describe('createTokenValidator: signing keys', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness([POLICY, 'B2C_1_Other']);
  });

  afterEach(() => harness.stop());

  const bogusToken = (): string =>
    unsignedToken(
      { alg: 'RS256', typ: 'JWT', kid: randomKid() },
      { iss: harness.authority.issuer, aud: API_APP_ID, exp: harness.clock.seconds + 60 },
      'c2lnbmF0dXJl',
    );

  it('fetches discovery and keys lazily, once for concurrent first validations', async () => {
    const validator = harness.validator({ cache: false });
    expect(harness.authority.counts).toEqual({ discovery: 0, jwks: 0 });
    const token = await harness.mint();
    expect(await outcomes(Array.from({ length: 20 }, () => validator.validate(token)))).toEqual({
      accepted: 20,
    });
    expect(harness.authority.counts).toEqual({ discovery: 1, jwks: 1 });
  });

  it('lets 10,000 bogus kids in a burst cause at most one refetch per cooldown, while valid tokens keep working', async () => {
    const validator = harness.validator({ cache: false });
    const token = await harness.mint();
    await validator.validate(token);
    const burst = () => [
      ...Array.from({ length: 10_000 }, () => validator.validate(bogusToken())),
      ...Array.from({ length: 50 }, () => validator.validate(token)),
    ];
    expect(await outcomes(burst())).toEqual({ ERR_KEY_NOT_FOUND: 10_000, accepted: 50 });
    // The load, then one refetch for the first unknown kid; the rest wait out the cooldown.
    expect(harness.authority.counts.jwks).toBe(2);
    harness.clock.advance(31);
    expect(await outcomes(burst())).toEqual({ ERR_KEY_NOT_FOUND: 10_000, accepted: 50 });
    expect(await outcomes(burst())).toEqual({ ERR_KEY_NOT_FOUND: 10_000, accepted: 50 });
    expect(harness.authority.counts).toEqual({ discovery: 1, jwks: 3 });
  }, 60_000);

  it('bounds refetches by the per-minute budget even without a cooldown', async () => {
    const validator = harness.validator({
      cache: false,
      keys: { refetchCooldownMs: 0, maxRefetchesPerMinute: 3 },
    });
    await validator.validate(await harness.mint());
    for (let i = 0; i < 10; i += 1) {
      expect((await rejectionOf(validator.validate(bogusToken()))).code).toBe('ERR_KEY_NOT_FOUND');
    }
    expect(harness.authority.counts.jwks).toBe(4);
    harness.clock.advance(61);
    await rejectionOf(validator.validate(bogusToken()));
    await rejectionOf(validator.validate(bogusToken()));
    expect(harness.authority.counts.jwks).toBe(6);
  });

  it('picks up a rotated key through the unknown-kid refetch, and drops a retired one', async () => {
    const validator = harness.validator();
    const oldToken = await harness.mint();
    await validator.validate(oldToken);
    const next = await createSigningKey();
    harness.authority.publish([harness.key, next]);
    const newToken = await harness.mint({}, {}, next);
    // The first unknown kid refetches at once, even right after the load.
    expect((await validator.validate(newToken)).protectedHeader.kid).toBe(next.kid);
    expect(harness.authority.counts.jwks).toBe(2);
    harness.authority.publish([next]);
    harness.clock.advance(31);
    await rejectionOf(validator.validate(bogusToken()));
    expect(harness.authority.counts.jwks).toBe(3);
    // Even the cached verdict for the retired key is no longer served.
    expect((await rejectionOf(validator.validate(oldToken))).code).toBe('ERR_KEY_NOT_FOUND');
    expect((await validator.validate(newToken)).policy).toBe(POLICY);
  });

  it('refetches once when a cooldown that refused an unknown kid ends, so a key published meanwhile is known before a token names it', async () => {
    const validator = harness.validator({ cache: false });
    const oldToken = await harness.mint();
    await validator.validate(oldToken);
    await rejectionOf(validator.validate(bogusToken()));
    expect(harness.authority.counts.jwks).toBe(2);
    const next = await createSigningKey();
    harness.authority.publish([harness.key, next]);
    // Within the cooldown: refused without a fetch, and one refetch is due when it ends.
    await rejectionOf(validator.validate(bogusToken()));
    expect(harness.authority.counts.jwks).toBe(2);
    harness.clock.advance(31);
    await validator.validate(oldToken);
    await eventually(() => harness.authority.counts.jwks === 3);
    const newToken = await harness.mint({}, {}, next);
    expect((await validator.validate(newToken)).protectedHeader.kid).toBe(next.kid);
    expect(harness.authority.counts.jwks).toBe(3);
  });

  it('re-reads the key set every 5 minutes by default', async () => {
    const validator = harness.validator();
    const token = await harness.mint();
    await validator.validate(token);
    harness.clock.advance(299);
    await validator.validate(token);
    expect(harness.authority.counts.jwks).toBe(1);
    harness.clock.advance(1);
    await validator.validate(token);
    await eventually(() => harness.authority.counts.jwks === 2);
  });

  it('keeps the last good keys serving while the JWKS endpoint is down, for maxStaleMs', async () => {
    const validator = harness.validator({ cache: false });
    await validator.validate(await harness.mint());
    await harness.stop();
    harness.clock.advance(31);
    expect((await rejectionOf(validator.validate(bogusToken()))).code).toBe('ERR_KEY_NOT_FOUND');
    expect((await validator.validate(await harness.mint())).policy).toBe(POLICY);
    harness.clock.advance(24 * 3600 - 1);
    expect((await validator.validate(await harness.mint())).policy).toBe(POLICY);
    harness.clock.advance(1);
    const error = await rejectionOf(validator.validate(await harness.mint()));
    expect([error.code, error.status, error.error, error.retryAfterSeconds, error.detail]).toEqual([
      'ERR_METADATA_UNAVAILABLE',
      503,
      'temporarily_unavailable',
      29,
      'JWKS request failed',
    ]);
  });

  it('answers 503 while no keys were ever had, and retries only after the cooldown', async () => {
    const validator = createTokenValidator({
      authorities: [harness.authority.authority('B2C_1_Unknown')],
      audience: API_APP_ID,
      now: harness.clock.now,
    });
    const token = await harness.mint();
    const first = await rejectionOf(validator.validate(token));
    expect([first.code, first.retryAfterSeconds, first.detail]).toEqual([
      'ERR_METADATA_UNAVAILABLE',
      30,
      'discovery answered HTTP 404',
    ]);
    harness.clock.advance(10);
    expect((await rejectionOf(validator.validate(token))).retryAfterSeconds).toBe(20);
    expect(harness.authority.counts.discovery).toBe(1);
    harness.clock.advance(21);
    await rejectionOf(validator.validate(token));
    expect(harness.authority.counts).toEqual({ discovery: 2, jwks: 0 });
  });

  it('gives up on a metadata request after timeoutMs', async () => {
    harness.authority.hang = true;
    const validator = harness.validator({ timeoutMs: 100 });
    const error = await rejectionOf(validator.validate(await harness.mint()));
    expect([error.code, error.detail]).toEqual([
      'ERR_METADATA_UNAVAILABLE',
      'discovery request timed out',
    ]);
  });

  it('re-reads the key set in the background once refreshIntervalMs has passed', async () => {
    const validator = harness.validator({ keys: { refreshIntervalMs: 60_000 } });
    const token = await harness.mint();
    await validator.validate(token);
    harness.clock.advance(61);
    await validator.validate(token);
    await eventually(() => harness.authority.counts.jwks === 2);
    expect(harness.authority.counts).toEqual({ discovery: 1, jwks: 2 });
  });

  it('trusts an explicit issuer and jwksUri without discovery', async () => {
    const validator = createTokenValidator({
      issuer: harness.authority.issuer,
      jwksUri: harness.authority.jwksUri(),
      audience: API_APP_ID,
      now: harness.clock.now,
    });
    expect((await validator.validate(await harness.mint())).policy).toBe('b2c_1_ropc_auth');
    expect(harness.authority.counts).toEqual({ discovery: 0, jwks: 1 });
  });

  it('accepts the policy of each configured authority, and only those', async () => {
    const both = harness.validator({
      authorities: [harness.authority.authority(), harness.authority.authority('B2C_1_Other')],
    });
    const other = await harness.mint({ tfp: 'B2C_1_OTHER' });
    expect((await both.validate(other)).policy).toBe('B2C_1_Other');
    expect(harness.authority.counts).toEqual({ discovery: 2, jwks: 2 });
    const one = harness.validator();
    expect((await rejectionOf(one.validate(other))).code).toBe('ERR_POLICY_NOT_ALLOWED');
  });
});
