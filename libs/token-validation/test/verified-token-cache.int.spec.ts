import { rejectionOf, startHarness, type Harness } from './harness';

describe('createTokenValidator: verified-token cache', () => {
  let harness: Harness;
  /** Every RSA signature check jose makes goes through WebCrypto's verify. */
  let rsaVerify: jest.SpiedFunction<SubtleCrypto['verify']>;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(() => harness.stop());

  beforeEach(() => {
    rsaVerify = jest.spyOn(crypto.subtle, 'verify');
  });

  afterEach(() => {
    rsaVerify.mockRestore();
  });

  it('does no RSA verify when the same token is validated again', async () => {
    const validator = harness.validator();
    const token = await harness.mint();
    const first = await validator.validate(token);
    expect(rsaVerify).toHaveBeenCalledTimes(1);
    expect(await validator.validate(token)).toBe(first);
    expect(rsaVerify).toHaveBeenCalledTimes(1);
  });

  it('hands out one frozen result, so no handler can change what others are served', async () => {
    const validator = harness.validator();
    const first = await validator.validate(await harness.mint());
    expect([
      Object.isFrozen(first),
      Object.isFrozen(first.claims),
      Object.isFrozen(first.claims.emails),
      Object.isFrozen(first.scopes),
      Object.isFrozen(first.protectedHeader),
    ]).toEqual([true, true, true, true, true]);
  });

  it('still checks the required scopes and roles on a cache hit', async () => {
    const validator = harness.validator();
    const token = await harness.mint({ scp: 'notes.read' });
    await validator.validate(token, { scopes: ['notes.read'] });
    const scope = await rejectionOf(validator.validate(token, { scopes: ['notes.write'] }));
    const role = await rejectionOf(validator.validate(token, { roles: ['Notes.Admin'] }));
    expect([scope.code, scope.requiredScopes, role.code]).toEqual([
      'ERR_INSUFFICIENT_SCOPE',
      ['notes.write'],
      'ERR_INSUFFICIENT_ROLE',
    ]);
    expect(rsaVerify).toHaveBeenCalledTimes(1);
  });

  it('never serves a token from the cache at or past its exp', async () => {
    const validator = harness.validator();
    const exp = harness.clock.seconds + 120;
    const token = await harness.mint({ exp });
    await validator.validate(token);
    harness.clock.ms = exp * 1000 - 1;
    await validator.validate(token);
    expect(rsaVerify).toHaveBeenCalledTimes(1);
    // From exp on, the token goes through full validation: inside the tolerance it still passes,
    // beyond it it is refused.
    harness.clock.ms = exp * 1000;
    expect((await validator.validate(token)).claims.exp).toBe(exp);
    expect(rsaVerify).toHaveBeenCalledTimes(2);
    harness.clock.ms = (exp + 60) * 1000;
    expect((await rejectionOf(validator.validate(token))).code).toBe('ERR_TOKEN_EXPIRED');
    expect(rsaVerify).toHaveBeenCalledTimes(3);
    harness.clock.ms = (exp - 120) * 1000;
  });

  it('holds at most maxEntries tokens, dropping the least recently used', async () => {
    const validator = harness.validator({ cache: { maxEntries: 2 } });
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((name) => harness.mint({ name })));
    const validate = async (token: string | undefined) => validator.validate(token as string);
    await validate(a);
    await validate(b);
    await validate(a);
    expect(rsaVerify).toHaveBeenCalledTimes(2);
    await validate(c);
    await validate(a);
    expect(rsaVerify).toHaveBeenCalledTimes(3);
    await validate(b);
    expect(rsaVerify).toHaveBeenCalledTimes(4);
  });

  it('verifies every time with cache: false', async () => {
    const validator = harness.validator({ cache: false });
    const token = await harness.mint();
    await validator.validate(token);
    await validator.validate(token);
    await validator.validate(token);
    expect(rsaVerify).toHaveBeenCalledTimes(3);
  });
});
