// Entra External ID native authentication on two emulator instances on one Azurite: continuation
// tokens, one-time codes, sign-up, signing keys and smart lockout are shared state, so a flow may
// move from instance to instance as Azure's front end spreads its requests.
import {
  ALICE,
  BOB,
  POLICY,
  TENANT,
  startScaleOutStack,
  type ScaleOutStack,
} from './support/scale-out-stack';
import {
  CAROL,
  EXTERNAL_TENANT,
  EXTERNAL_TENANT_ID,
  LOCKOUT_THRESHOLD,
  NOTES_API_ID,
  NativeAuth,
  OTP_APP_TYPES,
  OTP_CLIENT_ID,
  PASSWORD_APP_TYPES,
  SPA_CLIENT_ID,
  errorOf,
  getJson,
  success,
  verifyJwt,
  type Jwks,
  type NativeAuthReply,
} from './support/native-auth';

let stack: ScaleOutStack;
/** Each instance directly, and the public URL that spreads requests over both in turn. */
let a: NativeAuth;
let b: NativeAuth;
let front: NativeAuth;

beforeAll(async () => {
  stack = await startScaleOutStack();
  a = new NativeAuth(stack.emulators[0].url);
  b = new NativeAuth(stack.emulators[1].url);
  front = new NativeAuth(stack.authority.url);
}, 90_000);

afterAll(async () => {
  await stack.stop();
});

const ALICE_ID = '5f0c2a7e-9b13-4d6a-8e21-3c7b9a4d1e58';
const keysPath = `/${EXTERNAL_TENANT}/discovery/v2.0/keys`;
const issuer = (): string => `${stack.authority.url}/${EXTERNAL_TENANT_ID}/v2.0`;

const WRONG_PASSWORD = { status: 400, error: 'invalid_grant', codes: [50126] };
const LOCKED = { status: 400, error: 'invalid_grant', codes: [50053] };
const INVALID_TOKEN = { status: 400, error: 'invalid_grant', codes: [55200] };

/** One line per answer: `200` or `{status} {error} [{codes}]`. */
function summary(reply: NativeAuthReply<'token'>): string {
  const { status, error, codes } = errorOf(reply);
  return status === 200 ? '200' : `${String(status)} ${String(error)} ${JSON.stringify(codes)}`;
}

function tally(lines: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) counts[line] = (counts[line] ?? 0) + 1;
  return counts;
}

/** A lock answer names how long to wait: at most the tenant's first lock period (60 s). */
function expectLocked(reply: NativeAuthReply<'token'>): void {
  expect(errorOf(reply)).toEqual(LOCKED);
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('External ID native authentication on two instances of one storage account', () => {
  it('publish the same discovery and External ID signing key on both instances, not the B2C tenant key', async () => {
    const discoveryPath = `/${EXTERNAL_TENANT}/v2.0/.well-known/openid-configuration`;
    const [keysA, keysB, b2cKeys, discoveryA, discoveryB] = await Promise.all([
      getJson<Jwks>(a.base + keysPath),
      getJson<Jwks>(b.base + keysPath),
      getJson<Jwks>(`${a.base}/${TENANT}/${POLICY}/discovery/v2.0/keys`),
      getJson<Record<string, unknown>>(a.base + discoveryPath),
      getJson<Record<string, unknown>>(b.base + discoveryPath),
    ]);
    expect(keysA).toEqual(keysB);
    expect(keysA.keys).toHaveLength(1);
    expect(b2cKeys.keys).toHaveLength(1);
    const [externalKey] = keysA.keys;
    const [b2cKey] = b2cKeys.keys;
    expect(externalKey?.kid).toEqual(expect.any(String));
    expect(externalKey?.kid).not.toBe(b2cKey?.kid);
    expect(externalKey?.n).not.toBe(b2cKey?.n);
    expect(discoveryA).toEqual(discoveryB);
    expect(discoveryA['issuer']).toBe(issuer());
  });

  it('complete a password sign-in whose initiate runs on A, challenge on B and token on A; the tokens verify with B keys', async () => {
    const initiated = success(await a.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES));
    const challenged = success(
      await b.challenge(SPA_CLIENT_ID, initiated.continuation_token, PASSWORD_APP_TYPES),
    );
    expect(challenged.challenge_type).toBe('password');
    const tokens = success(await a.passwordGrant(challenged.continuation_token, ALICE.password));

    const keysB = await getJson<Jwks>(b.base + keysPath);
    expect(verifyJwt(tokens.id_token, keysB).payload).toMatchObject({
      iss: issuer(),
      aud: SPA_CLIENT_ID,
      tid: EXTERNAL_TENANT_ID,
      oid: ALICE_ID,
      preferred_username: ALICE.username,
      ver: '2.0',
    });
    expect(verifyJwt(tokens.access_token, keysB).payload).toMatchObject({
      iss: issuer(),
      aud: NOTES_API_ID,
      oid: ALICE_ID,
      scp: 'notes.read',
    });
    // The token is spent on every instance: presented again on B it is invalid.
    expect(errorOf(await b.passwordGrant(challenged.continuation_token, ALICE.password))).toEqual(
      INVALID_TOKEN,
    );
  });

  it("sign carol in with a code sent by instance A, read from B's outbox and redeemed on B; the code is spent for A too", async () => {
    const initiated = success(await a.initiate(OTP_CLIENT_ID, CAROL.username, OTP_APP_TYPES));
    const challenged = success(
      await a.challenge(OTP_CLIENT_ID, initiated.continuation_token, OTP_APP_TYPES),
    );
    expect(challenged).toMatchObject({ challenge_type: 'oob', code_length: 8 });

    const [message] = await b.outbox(CAROL.username);
    expect(message?.purpose).toBe('sign-in');
    expect(message?.code).toMatch(/^\d{8}$/u);
    const code = message?.code ?? '';
    const tokens = success(await b.oobGrant(OTP_CLIENT_ID, challenged.continuation_token, code));
    const keysA = await getJson<Jwks>(a.base + keysPath);
    expect(verifyJwt(tokens.id_token, keysA).payload).toMatchObject({
      iss: issuer(),
      aud: OTP_CLIENT_ID,
      oid: CAROL.id,
      preferred_username: CAROL.username,
    });
    expect(errorOf(await a.oobGrant(OTP_CLIENT_ID, challenged.continuation_token, code))).toEqual(
      INVALID_TOKEN,
    );
  });

  it('finish on B a sign-up started on A, step by step across both, and sign the new user in on A', async () => {
    const erin = { username: 'erin@contoso.com', password: 'Tall-Harbour-42!' };
    const started = success(await a.signUpStart(erin.username));
    const codeChallenge = success(await b.signUpChallenge(started.continuation_token));
    expect(codeChallenge).toMatchObject({ challenge_type: 'oob', code_length: 8 });
    const [message] = await a.outbox(erin.username);
    expect(message?.purpose).toBe('sign-up');

    const afterCode = await a.signUpContinue(codeChallenge.continuation_token, {
      grantType: 'oob',
      oob: message?.code ?? '',
    });
    expect(errorOf(afterCode)).toEqual({
      status: 400,
      error: 'credential_required',
      codes: [55103],
    });
    const passwordChallenge = success(
      await b.signUpChallenge(String(afterCode.json['continuation_token'])),
    );
    expect(passwordChallenge.challenge_type).toBe('password');
    const afterPassword = await a.signUpContinue(passwordChallenge.continuation_token, {
      grantType: 'password',
      password: erin.password,
    });
    expect(errorOf(afterPassword)).toEqual({
      status: 400,
      error: 'attributes_required',
      codes: [55106],
    });
    expect(afterPassword.json['required_attributes']).toEqual([
      expect.objectContaining({ name: 'displayName', required: true }),
    ]);
    const created = success(
      await b.signUpContinue(String(afterPassword.json['continuation_token']), {
        grantType: 'attributes',
        attributes: { displayName: 'Erin Contoso' },
      }),
    );
    const signedUp = success(await b.continuationGrant(created.continuation_token, erin.username));
    const keys = await getJson<Jwks>(a.base + keysPath);
    const claims = verifyJwt(signedUp.id_token, keys).payload;
    expect(claims).toMatchObject({ preferred_username: erin.username, name: 'Erin Contoso' });

    const signedIn = success(
      await a.passwordGrant(await a.passwordStep(erin.username), erin.password),
    );
    expect(verifyJwt(signedIn.id_token, keys).payload['oid']).toBe(claims['oid']);
    // The address is taken for every instance.
    expect(errorOf(await b.signUpStart(erin.username))).toEqual({
      status: 400,
      error: 'user_already_exists',
      codes: [1003037],
    });
  });

  it('spend a continuation token once when both instances redeem it at once with the right password', async () => {
    const rounds: string[][] = [];
    for (let round = 0; round < 5; round++) {
      const token = await a.passwordStep(ALICE.username, b);
      const answers = await Promise.all([
        a.passwordGrant(token, ALICE.password),
        b.passwordGrant(token, ALICE.password),
      ]);
      rounds.push(answers.map(summary).sort());
    }
    expect(rounds).toEqual(Array(5).fill(['200', '400 invalid_grant [55200]']));
  });

  it('sign carol in once when both instances redeem one code with its token at once', async () => {
    const rounds: string[][] = [];
    for (let round = 0; round < 3; round++) {
      const initiated = success(await b.initiate(OTP_CLIENT_ID, CAROL.username, OTP_APP_TYPES));
      const challenged = success(
        await a.challenge(OTP_CLIENT_ID, initiated.continuation_token, OTP_APP_TYPES),
      );
      const [message] = await b.outbox(CAROL.username);
      const answers = await Promise.all(
        [a, b].map((on) =>
          on.oobGrant(OTP_CLIENT_ID, challenged.continuation_token, message?.code ?? ''),
        ),
      );
      rounds.push(answers.map(summary).sort());
    }
    expect(rounds).toEqual(Array(3).fill(['200', '400 invalid_grant [55200]']));
  });

  it('serve a password sign-in, a code sign-in and refreshes through the public URL, each request on the next instance', async () => {
    const tokens = success(
      await front.passwordGrant(await front.passwordStep(ALICE.username), ALICE.password),
    );
    let refreshToken = tokens.refresh_token;
    for (let turn = 0; turn < 2; turn++) {
      const refreshed = success(await front.refresh(refreshToken));
      expect(refreshed.refresh_token).not.toBe(refreshToken);
      refreshToken = refreshed.refresh_token;
    }

    const initiated = success(await front.initiate(OTP_CLIENT_ID, CAROL.username, OTP_APP_TYPES));
    const challenged = success(
      await front.challenge(OTP_CLIENT_ID, initiated.continuation_token, OTP_APP_TYPES),
    );
    const [message] = await front.outbox(CAROL.username);
    const carol = success(
      await front.oobGrant(OTP_CLIENT_ID, challenged.continuation_token, message?.code ?? ''),
    );
    const keys = await getJson<Jwks>(front.base + keysPath);
    expect(verifyJwt(carol.access_token, keys).payload).toMatchObject({ oid: CAROL.id });
  });
});

describe('External ID smart lockout over two instances', () => {
  it(`locks bob on both instances at the ${String(LOCKOUT_THRESHOLD)}th distinct wrong password spread over both, the right password too`, async () => {
    // One password step, tried on both instances: a wrong password leaves the token usable.
    const token = await a.passwordStep(BOB.username, b);
    const wrong = (index: number): string => `Wrong-guess-${'abcdefghij'.charAt(index)}`;
    const first: string[] = [];
    for (let index = 0; index < LOCKOUT_THRESHOLD - 1; index++) {
      const on = index % 2 === 0 ? a : b;
      first.push(summary(await on.passwordGrant(token, wrong(index))));
    }
    expect(first).toEqual(Array(LOCKOUT_THRESHOLD - 1).fill('400 invalid_grant [50126]'));
    // The wrong password already counted on A is the same failure on B: counted once.
    expect(errorOf(await b.passwordGrant(token, wrong(0)))).toEqual(WRONG_PASSWORD);

    expectLocked(await b.passwordGrant(token, wrong(LOCKOUT_THRESHOLD - 1)));
    expectLocked(await a.passwordGrant(token, BOB.password));
    expectLocked(await b.passwordGrant(await b.passwordStep(BOB.username, a), BOB.password));
  });

  it(`verifies at most ${String(LOCKOUT_THRESHOLD)} of 20 wrong passwords sent at once to both instances`, async () => {
    const frank = { username: 'frank@contoso.com', password: 'Frank-Harbour-42!' };
    await a.createUser(frank.username, frank.password);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0 ? a.passwordStep(frank.username, b) : b.passwordStep(frank.username, a),
      ),
    );
    const answers = await Promise.all(
      tokens.map((token, index) =>
        (index % 2 === 0 ? a : b).passwordGrant(token, `Guess-${String.fromCharCode(97 + index)}`),
      ),
    );
    // Ten were admitted and checked: nine answered as wrong, the tenth locked the account; the
    // other ten were refused before any hashing, as locked.
    expect(tally(answers.map(summary))).toEqual({
      '400 invalid_grant [50126]': LOCKOUT_THRESHOLD - 1,
      '400 invalid_grant [50053]': 20 - (LOCKOUT_THRESHOLD - 1),
    });
    expectLocked(await a.passwordGrant(await a.passwordStep(frank.username), frank.password));
    expectLocked(await b.passwordGrant(await b.passwordStep(frank.username), frank.password));
  });
});
