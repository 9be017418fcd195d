// The proxy's rules over time, with the API run in-process on the local Functions host and its
// clock moved (the bundle exports `apiClock`): failures count for the whole failure memory, never
// per window, and a refresh loop stops at its limit without losing the session.
import { startFunctionsHost, type RunningFunctionsHost } from '@ropc/functions-host';
import { join } from 'node:path';
import {
  XHR,
  SCOPE,
  codeOf,
  distinctWrongPassword,
  post,
  sessionCookieOf,
  type Answer,
} from './proxy-client';
import { ALICE, BOB, apiEnv, startEmulator, type Started } from './start-stack';

const API_APP = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api');
const MINUTE_MS = 60_000;

describe('sign-in proxy over time (in-process, with a moved clock)', () => {
  let emulator: Started;
  let host: RunningFunctionsHost;
  let offsetMs = 0;

  beforeAll(async () => {
    emulator = await startEmulator();
    host = await startFunctionsHost({
      appDir: API_APP,
      port: 0,
      quiet: true,
      env: apiEnv(emulator.url, { AUTH_TRUSTED_HOPS: '1' }),
    });
    const [main] = host.entryExports as [{ apiClock: { now: () => number } }];
    main.apiClock.now = () => Date.now() + offsetMs;
  }, 30_000);

  afterAll(async () => {
    await host.close();
    await emulator.stop();
  });

  const upstream = (pattern: RegExp): number => emulator.output().match(pattern)?.length ?? 0;

  const signIn = (user: { username: string; password: string }, ip: string): Promise<Answer> =>
    post(
      `${host.url}/api/auth/token`,
      { grant_type: 'password', username: user.username, password: user.password, scope: SCOPE },
      { ...XHR, 'X-Forwarded-For': ip },
    );

  it('counts each failure for the whole failure memory: bursts on both sides of any window edge never add up', async () => {
    const verified = () => upstream(/token refused AADB2C90225/gu);
    const before = verified();
    // Aligned to 5-minute windows as the old per-username limit was: 5 just before an edge...
    offsetMs = 5 * MINUTE_MS - (Date.now() % (5 * MINUTE_MS)) - 2000;
    const early = [];
    for (let index = 0; index < 5; index++)
      early.push(
        await signIn(
          { username: BOB.username, password: distinctWrongPassword('edge', index) },
          '203.0.113.5',
        ),
      );
    // ...and 5 just after it.
    offsetMs += 4000;
    const late = [];
    for (let index = 5; index < 10; index++)
      late.push(
        await signIn(
          { username: BOB.username, password: distinctWrongPassword('edge', index) },
          '203.0.113.6',
        ),
      );
    expect(early.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 429]);
    expect(late.map((answer) => [answer.status, answer.body['reason']])).toEqual(
      Array(5).fill([429, 'account_protected']),
    );
    expect(verified() - before).toBe(4);
    // A day later the failures no longer count.
    offsetMs += 24 * 60 * MINUTE_MS;
    expect((await signIn(BOB, '203.0.113.7')).status).toBe(200);
  });

  it('stops a refresh loop at the session limit without forwarding it, and keeps the session', async () => {
    // A second into a fresh minute, so that the whole loop falls in one window of the limit.
    offsetMs = MINUTE_MS - (Date.now() % MINUTE_MS) + 1000;
    const issuedBefore = upstream(/token issued/gu);
    let cookie = sessionCookieOf(await signIn(ALICE, '198.51.100.50'));
    const refresh = () =>
      post(`${host.url}/api/auth/refresh`, undefined, {
        ...XHR,
        'X-Forwarded-For': '198.51.100.50',
        Cookie: cookie,
      });
    const statuses: number[] = [];
    let refused: Answer | undefined;
    for (let index = 0; index < 30; index++) {
      const answer = await refresh();
      statuses.push(answer.status);
      if (answer.status === 200) cookie = sessionCookieOf(answer);
      else refused ??= answer;
    }
    // AUTH_THROTTLE_REFRESH_SESSION's default: 20 per minute.
    expect(statuses).toEqual([...Array<number>(20).fill(200), ...Array<number>(10).fill(429)]);
    expect([refused?.body['reason'], codeOf(refused ?? ({} as Answer)).slice(0, 11)]).toEqual([
      'throttled',
      'AADB2C90244',
    ]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused?.headers.getSetCookie()).toEqual([]);
    // The authority saw the sign-in and only the refreshes the limit let through.
    expect(upstream(/token issued/gu) - issuedBefore).toBe(21);
    offsetMs += MINUTE_MS;
    expect((await refresh()).status).toBe(200);
  });
});
