// Two emulator instances behind one public URL and two API instances, all on one Azurite: the
// state that must be shared is shared, and a restart of every instance loses nothing.
import {
  ADMIN_KEY,
  ALICE,
  BOB,
  NOTES_SCOPES,
  TENANT,
  POLICY,
  WEB_ORIGIN,
  b2cCode,
  passwordForm,
  postForm,
  refreshForm,
  startScaleOutStack,
  tokenUrl,
  type ScaleOutStack,
} from './support/scale-out-stack';

let stack: ScaleOutStack;

beforeAll(async () => {
  stack = await startScaleOutStack();
}, 90_000);

afterAll(async () => {
  await stack.stop();
});

/** An instance's URL, read when a test runs (the stack starts in beforeAll). */
const instance = (pick: (stack: ScaleOutStack) => { url: string }) => ({
  get url(): string {
    return pick(stack).url;
  },
});
const emulatorA = instance((started) => started.emulators[0]);
const emulatorB = instance((started) => started.emulators[1]);
const apiA = instance((started) => started.apis[0]);
const apiB = instance((started) => started.apis[1]);

async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  return response.json();
}

async function moveClock(emulatorUrl: string, offsetSeconds: number): Promise<void> {
  const response = await fetch(`${emulatorUrl}/.emulator/clock`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ offsetSeconds }),
  });
  expect(response.status).toBe(200);
}

async function accessTokenFor(user: { username: string; password: string }): Promise<string> {
  const answer = await postForm(tokenUrl(stack.authority.url), passwordForm(user));
  expect(answer.status).toBe(200);
  return String(answer.body['access_token']);
}

function notesRequest(
  base: string,
  token: string,
  init: { method?: string; body?: unknown; ifMatch?: string; id?: string } = {},
): Promise<Response> {
  return fetch(`${base}/api/notes${init.id ? `/${init.id}` : ''}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.ifMatch ? { 'If-Match': init.ifMatch } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe('two emulator instances on one storage account', () => {
  it('publish the same issuer and the same signing key', async () => {
    const discovery = (base: string) =>
      getJson(`${base}/${TENANT}/${POLICY}/v2.0/.well-known/openid-configuration`);
    const jwks = (base: string) => getJson(`${base}/${TENANT}/${POLICY}/discovery/v2.0/keys`);
    const [discoveryA, discoveryB] = await Promise.all([
      discovery(emulatorA.url),
      discovery(emulatorB.url),
    ]);
    expect(discoveryA).toEqual(discoveryB);
    expect((discoveryA as { issuer: string }).issuer).toBe(
      `${stack.authority.url}/04fbcc13-aa6a-4630-aacc-9c6a9e838418/v2.0/`,
    );
    const [keysA, keysB] = await Promise.all([jwks(emulatorA.url), jwks(emulatorB.url)]);
    expect(keysA).toEqual(keysB);
    expect((keysA as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it('refuse on one instance a refresh token already rotated on the other, and revoke its family', async () => {
    const signIn = await postForm(tokenUrl(emulatorA.url), passwordForm(ALICE));
    expect(signIn.status).toBe(200);
    const issuedOnA = String(signIn.body['refresh_token']);

    const rotatedOnB = await postForm(tokenUrl(emulatorB.url), refreshForm(issuedOnA));
    expect(rotatedOnB.status).toBe(200);
    const successor = String(rotatedOnB.body['refresh_token']);
    expect(successor).not.toBe(issuedOnA);

    // Past the retry grace period (10 s) on A's clock, a second redemption is a replay.
    await moveClock(emulatorA.url, 11);
    const reusedOnA = await postForm(tokenUrl(emulatorA.url), refreshForm(issuedOnA));
    await moveClock(emulatorA.url, 0);
    expect([reusedOnA.status, reusedOnA.body['error'], b2cCode(reusedOnA.body)]).toEqual([
      400,
      'invalid_grant',
      'AADB2C90129',
    ]);
    // The reuse revoked the whole family, on every instance: the successor is dead too.
    const successorOnB = await postForm(tokenUrl(emulatorB.url), refreshForm(successor));
    expect([successorOnB.status, b2cCode(successorOnB.body)]).toEqual([400, 'AADB2C90129']);
  });

  it('rotate a refresh token redeemed on both at once exactly once: both get the same successor', async () => {
    const signIn = await postForm(tokenUrl(emulatorA.url), passwordForm(ALICE));
    const token = String(signIn.body['refresh_token']);
    const answers = await Promise.all([
      postForm(tokenUrl(emulatorA.url), refreshForm(token)),
      postForm(tokenUrl(emulatorB.url), refreshForm(token)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const [onA, onB] = answers.map((answer) => String(answer.body['refresh_token']));
    expect(onA).toBe(onB);
    // One rotation, one successor: it still redeems normally.
    const next = await postForm(tokenUrl(emulatorB.url), refreshForm(onA ?? ''));
    expect(next.status).toBe(200);
  });

  it('lock an account at the same threshold when wrong passwords are spread over both', async () => {
    const attempt = (base: string, password: string) =>
      postForm(tokenUrl(base), passwordForm({ username: BOB.username, password }));
    const codes: string[] = [];
    for (let index = 0; index < 9; index++) {
      const base = index % 2 === 0 ? emulatorA.url : emulatorB.url;
      codes.push(b2cCode((await attempt(base, `wrong-${'abcdefghi'.charAt(index)}`)).body));
    }
    expect(codes).toEqual(Array(9).fill('AADB2C90225'));
    // A wrong password already counted on A is the same failure on B: counted once.
    expect(b2cCode((await attempt(emulatorB.url, 'wrong-a')).body)).toBe('AADB2C90225');
    const tenth = await attempt(emulatorB.url, 'wrong-j');
    expect([tenth.status, tenth.body['error'], b2cCode(tenth.body)]).toEqual([
      400,
      'access_denied',
      'AADB2C90114',
    ]);
    const right = await attempt(emulatorA.url, BOB.password);
    expect([right.status, b2cCode(right.body)]).toEqual([400, 'AADB2C90114']);
  });
});

describe('two API instances on one storage account', () => {
  it('serve notes written through one instance from the other, with the same entity tags', async () => {
    const token = await accessTokenFor(ALICE);
    const created = await notesRequest(apiA.url, token, {
      method: 'POST',
      body: { title: 'Written on A', body: 'Read on B' },
    });
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string };
    const createdTag = created.headers.get('etag') ?? '';

    const readOnB = await notesRequest(apiB.url, token, { id: note.id });
    expect(readOnB.status).toBe(200);
    expect(await readOnB.json()).toEqual(note);
    expect(readOnB.headers.get('etag')).toBe(createdTag);

    const updatedOnB = await notesRequest(apiB.url, token, {
      method: 'PUT',
      id: note.id,
      ifMatch: createdTag,
      body: { title: 'Changed on B', body: 'Read on B' },
    });
    expect(updatedOnB.status).toBe(200);
    const staleOnA = await notesRequest(apiA.url, token, {
      method: 'PUT',
      id: note.id,
      ifMatch: createdTag,
      body: { title: 'Stale write on A', body: '' },
    });
    expect(staleOnA.status).toBe(412);
    const listedOnA = (await (await notesRequest(apiA.url, token)).json()) as { items: unknown[] };
    expect(listedOnA.items).toEqual([
      expect.objectContaining({ id: note.id, title: 'Changed on B' }),
    ]);
  });
});

describe('the sign-in proxy on two API instances', () => {
  const XHR = { 'X-Requested-With': 'XMLHttpRequest', Origin: WEB_ORIGIN };

  async function newUser(username: string, password: string): Promise<void> {
    const created = await fetch(`${stack.authority.url}/v1.0/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        displayName: username,
        identities: [{ signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: username }],
        passwordProfile: { password, forceChangePasswordNextSignIn: false },
      }),
    });
    expect(created.status).toBe(201);
  }

  const signIn = (base: string, username: string, password: string, ip: string, cookie = '') =>
    postForm(
      `${base}/api/auth/token`,
      {
        grant_type: 'password',
        username,
        password,
        scope: `openid offline_access ${NOTES_SCOPES}`,
      },
      { ...XHR, 'X-Forwarded-For': ip, ...(cookie ? { Cookie: cookie } : {}) },
    );

  it("share each account's failure budget: 40 concurrent guesses over both reach the authority at most the anonymous budget, and the owner's known device signs in", async () => {
    const owner = { username: 'oscar@contoso.com', password: 'Oscar-Passw0rd!' };
    await newUser(owner.username, owner.password);
    const known = await signIn(apiA.url, owner.username, owner.password, '198.51.100.70');
    expect(known.status).toBe(200);
    const device = (
      known.headers.getSetCookie().find((c) => c.startsWith('ropc_device=')) ?? ''
    ).split(';')[0];

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        signIn(
          index % 2 ? apiA.url : apiB.url,
          owner.username,
          `guess-${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
          `203.0.113.${index % 4}`,
        ),
      ),
    );

    // Every forwarded attempt comes back with the authority's answer: 4 verified wrong passwords,
    // no lockout; the other 36 were refused by the proxy without reaching the authority.
    const outcomes = answers.map((answer) => `${answer.status} ${b2cCode(answer.body)}`);
    expect(outcomes.filter((outcome) => outcome === '400 AADB2C90225')).toHaveLength(4);
    // Refused: told to wait a second while the admitted guesses were in flight, then protected.
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(36);
    expect(
      answers.every((answer) =>
        answer.status === 429
          ? ['throttled', 'account_protected'].includes(String(answer.body['reason']))
          : true,
      ),
    ).toBe(true);
    expect(outcomes.some((outcome) => outcome.endsWith('AADB2C90114'))).toBe(false);
    expect(
      (await signIn(apiB.url, owner.username, owner.password, '198.51.100.70', device)).status,
    ).toBe(200);
    expect((await postForm(tokenUrl(stack.authority.url), passwordForm(owner))).status).toBe(200);
  });
});

describe('restarting every instance against the same storage', () => {
  it('keeps signing keys, refresh tokens and notes', async () => {
    const jwksUrl = `${emulatorA.url}/${TENANT}/${POLICY}/discovery/v2.0/keys`;
    const keysBefore = await getJson(jwksUrl);
    const signIn = await postForm(tokenUrl(stack.authority.url), passwordForm(ALICE));
    const token = String(signIn.body['access_token']);
    const created = await notesRequest(apiA.url, token, {
      method: 'POST',
      body: { title: 'Kept across restarts', body: '' },
    });
    const note = (await created.json()) as { id: string };

    for (const instance of [...stack.emulators, ...stack.apis]) await instance.restart();

    expect(await getJson(jwksUrl)).toEqual(keysBefore);
    const refreshed = await postForm(
      tokenUrl(emulatorB.url),
      refreshForm(String(signIn.body['refresh_token'])),
    );
    expect(refreshed.status).toBe(200);
    const readAfter = await notesRequest(apiB.url, String(refreshed.body['access_token']), {
      id: note.id,
    });
    expect(readAfter.status).toBe(200);
    expect(await readAfter.json()).toEqual(note);
  });
});
