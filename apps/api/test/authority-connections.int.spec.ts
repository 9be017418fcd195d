import { CountingRelay } from './counting-relay';
import { SCOPE, XHR, post, sessionCookieOf } from './proxy-client';
import { ALICE, BOB, apiEnv, startApi, startEmulator, type Started } from './start-stack';

// How the sign-in proxy reaches B2C: over connections it keeps alive, so that a sign-in costs
// neither process a new TCP connection. A counting relay in front of the emulator is the API's
// B2C authority and sees which connections the token calls come over.

const TOKEN_PATH = '/oauth2/v2.0/token';

describe("the sign-in proxy's connections to the authority", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let relay: CountingRelay;
  let api: Started;

  beforeAll(async () => {
    emulator = await startEmulator();
    relay = await CountingRelay.start(emulator.url);
    api = await startApi(apiEnv(relay.url, { AUTH_TRUSTED_HOPS: '1' }));
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await relay.stop();
    await emulator.stop();
  });

  const signIn = (user: { username: string; password: string }, ip: string) =>
    post(
      `${api.url}/api/auth/token`,
      { grant_type: 'password', username: user.username, password: user.password, scope: SCOPE },
      { ...XHR, 'X-Forwarded-For': ip },
    );

  it('sends one sign-in after another, and the refresh, over one kept-alive connection', async () => {
    const connections = relay.watchConnections(TOKEN_PATH);
    const forwarded = relay.count(TOKEN_PATH);
    let last = await signIn(ALICE, '198.51.100.1');
    for (let signIns = 1; signIns < 5; signIns++) {
      expect(last.status).toBe(200);
      last = await signIn(ALICE, '198.51.100.1');
    }
    const refreshed = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      Cookie: sessionCookieOf(last),
      'X-Forwarded-For': '198.51.100.1',
    });
    expect(refreshed.status).toBe(200);
    expect(relay.count(TOKEN_PATH) - forwarded).toBe(6);
    expect(connections()).toBe(1);
  });

  it('opens no more connections than sign-ins in flight, and reuses them for the next ones', async () => {
    const connections = relay.watchConnections(TOKEN_PATH);
    // Two per account at a time: each holds a slot of its account's failure budget while in flight.
    const wave = () =>
      Promise.all(
        [ALICE, BOB, ALICE, BOB].map((user, index) => signIn(user, `198.51.100.${20 + index}`)),
      );
    for (let waves = 0; waves < 3; waves++)
      for (const answer of await wave()) expect(answer.status).toBe(200);
    expect(connections()).toBeLessThanOrEqual(4);
  });
});
