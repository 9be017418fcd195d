// Faults under load, scripted and repeatable: virtual users sign in through the proxy, add notes
// and refresh their sessions while one emulator and one API instance are killed (kill -9), Azurite
// stops answering for 30 s (SIGSTOP), and the killed instances start again. Nothing acknowledged
// is lost; every refusal is 503 with Retry-After (or 502 for a request that was in flight on an
// instance when it died); clients fail over to the surviving instances; everything recovers without
// restarting them; a session ends only if one of its refreshes was in flight at a fault.
import {
  ALICE,
  BOB,
  NOTES_SCOPES,
  WEB_ORIGIN,
  startScaleOutStack,
  type ScaleOutStack,
} from './support/scale-out-stack';

const STORAGE_TIMEOUT_MS = 1500;
const USERS = [ALICE, BOB, ALICE, BOB, ALICE, BOB];
/** Rounds (a note each, 0.4 s apart) between refreshes: one every few seconds. */
const REFRESH_EVERY = 6;
const XHR = { 'X-Requested-With': 'XMLHttpRequest', Origin: WEB_ORIGIN };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: ScaleOutStack;

beforeAll(async () => {
  stack = await startScaleOutStack({ storageTimeoutMs: STORAGE_TIMEOUT_MS });
}, 90_000);

afterAll(async () => {
  stack.azurite.resume();
  await stack.stop();
});

/** When each fault happened (ms since the epoch), for telling apart what it may explain. */
interface Faults {
  killedAt?: number;
  pausedAt?: number;
  resumedAt?: number;
  restartedAt?: number;
}

/** One answer the load received that was not a success. */
interface Refusal {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly at: number;
  readonly what: string;
}

/** What one virtual user saw. */
interface Tally {
  readonly notes: { id: string; title: string }[];
  readonly refusals: Refusal[];
  /** Sessions that ended (the refresh answered 400), and whether a fault can explain it. */
  readonly lostSessions: { at: number; explained: boolean }[];
  successesAfterRecovery: number;
  /** Successes after the kill and before the pause: served by the surviving instances. */
  successesWhileKilled: number;
}

async function send(
  path: string,
  init: RequestInit,
): Promise<{
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
  cookie?: string;
}> {
  const response = await fetch(`${stack.frontEnd.url}${path}`, init);
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // The balancer's own bodiless 502 and 503.
  }
  const cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith('ropc_session=') && !/Max-Age=0/iu.test(value))
    ?.split(';')[0];
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body,
    ...(cookie ? { cookie } : {}),
  };
}

const form = (values: Record<string, string>) => ({
  method: 'POST',
  headers: { ...XHR, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(values).toString(),
});

/** The password grant through the sign-in proxy, behind the front end. */
const signInThroughProxy = (user: { username: string; password: string }) =>
  send(
    '/api/auth/token',
    form({
      grant_type: 'password',
      username: user.username,
      password: user.password,
      scope: `openid offline_access ${NOTES_SCOPES}`,
    }),
  );

/** A refresh was in flight at a fault if it started before the fault and ended after it. */
function spansFault(started: number, ended: number, faults: Faults): boolean {
  return [faults.killedAt, faults.pausedAt, faults.resumedAt].some(
    (at) => at !== undefined && started <= at + 1000 && ended >= at - 1000,
  );
}

async function virtualUser(
  index: number,
  user: { username: string; password: string },
  faults: Faults,
  stopAt: () => boolean,
  recoveredAt: () => number | undefined,
): Promise<Tally> {
  const tally: Tally = {
    notes: [],
    refusals: [],
    lostSessions: [],
    successesAfterRecovery: 0,
    successesWhileKilled: 0,
  };
  let session: { cookie: string; token: string } | undefined;
  let tainted = false;
  let round = 0;
  const refuse = (answer: { status: number; retryAfter: string | null }, what: string) => {
    tally.refusals.push({
      status: answer.status,
      retryAfter: answer.retryAfter,
      at: Date.now(),
      what,
    });
  };
  const ok = () => {
    const now = Date.now();
    const recovered = recoveredAt();
    if (recovered !== undefined && now > recovered) tally.successesAfterRecovery++;
    if (
      faults.killedAt !== undefined &&
      now > faults.killedAt + 500 &&
      faults.pausedAt === undefined
    )
      tally.successesWhileKilled++;
  };
  while (!stopAt()) {
    round++;
    if (!session) {
      const signedIn = await signInThroughProxy(user);
      if (signedIn.status === 200 && signedIn.cookie) {
        session = { cookie: signedIn.cookie, token: String(signedIn.body['access_token']) };
        tainted = false;
        ok();
      } else refuse(signedIn, 'sign-in');
      await sleep(300);
      continue;
    }
    const title = `vu${index}-${round}`;
    const created = await send('/api/notes', {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, body: '' }),
    });
    if (created.status === 201) {
      tally.notes.push({ id: String(created.body['id']), title });
      ok();
    } else refuse(created, 'add a note');
    // Refresh every few rounds, as the web client does (at most every min(60 s, half the
    // token's life)), within the proxy's 20 refreshes per session a minute.
    if (round % REFRESH_EVERY !== 0) {
      await sleep(400);
      continue;
    }
    const started = Date.now();
    const refreshed = await send('/api/auth/refresh', {
      method: 'POST',
      headers: { ...XHR, Cookie: session.cookie },
    });
    if (spansFault(started, Date.now(), faults) || refreshed.status >= 500) tainted = true;
    if (refreshed.status === 200 && refreshed.cookie) {
      session = { cookie: refreshed.cookie, token: String(refreshed.body['access_token']) };
      ok();
    } else if (refreshed.status === 400) {
      tally.lostSessions.push({ at: Date.now(), explained: tainted });
      session = undefined;
    } else refuse(refreshed, 'refresh');
    await sleep(400);
  }
  return tally;
}

describe('faults under load (two emulator and two API instances on one Azurite)', () => {
  it('loses nothing acknowledged, answers 503 with Retry-After, fails over and recovers by itself', async () => {
    const faults: Faults = {};
    let stop = false;
    const recovery: { at?: number } = {};
    const load = Promise.all(
      USERS.map((user, index) =>
        virtualUser(
          index,
          user,
          faults,
          () => stop,
          () => recovery.at,
        ),
      ),
    );
    await sleep(4000);
    faults.killedAt = Date.now();
    await Promise.all([stack.emulators[0].kill(), stack.apis[0].kill()]);
    await sleep(3000);
    faults.pausedAt = Date.now();
    stack.azurite.pause();
    await sleep(30_000);
    stack.azurite.resume();
    faults.resumedAt = Date.now();
    await Promise.all([stack.emulators[0].restart(), stack.apis[0].restart()]);
    faults.restartedAt = Date.now();
    // Give the apps a storage timeout and a balancer ejection to settle, then expect successes.
    await sleep(STORAGE_TIMEOUT_MS + 2500);
    recovery.at = Date.now();
    await sleep(6000);
    stop = true;
    const tallies = await load;

    const refusals = tallies.flatMap((tally) => tally.refusals);
    const lost = tallies.flatMap((tally) => tally.lostSessions);
    const notes = tallies.flatMap((tally) => tally.notes);
    console.info(
      `fault injection: ${notes.length} notes acknowledged, ${refusals.length} refusals ` +
        `(${refusals.filter((r) => r.status === 503).length} × 503, ${refusals.filter((r) => r.status === 502).length} × 502), ` +
        `${lost.length} sessions ended (${lost.filter((l) => l.explained).length} with a refresh in flight at a fault)`,
    );

    // Every refusal: 503 with Retry-After while storage was paused or an instance was down, or 502
    // for a request that was on an instance when it was killed. Nothing else, and nothing after.
    for (const refusal of refusals) {
      const duringPause =
        refusal.at >= (faults.pausedAt ?? 0) &&
        refusal.at <= (faults.resumedAt ?? 0) + STORAGE_TIMEOUT_MS + 1000;
      const atKill = Math.abs(refusal.at - (faults.killedAt ?? 0)) < 3000;
      if (refusal.status === 503) {
        expect(refusal.retryAfter).toMatch(/^\d+$/u);
        expect(duringPause || atKill).toBe(true);
      } else {
        expect([refusal.status, refusal.what, atKill]).toEqual([502, refusal.what, true]);
      }
    }
    // A session ends only if one of its refreshes was in flight at a fault.
    expect(lost.filter((session) => !session.explained)).toEqual([]);
    // With one instance of each app killed, the survivors served everyone.
    expect(tallies.reduce((sum, tally) => sum + tally.successesWhileKilled, 0)).toBeGreaterThan(5);
    // Every user works again, on the restarted instances as on the survivors.
    for (const tally of tallies) expect(tally.successesAfterRecovery).toBeGreaterThan(0);
    // Every acknowledged note is there.
    const tokenFor = async (user: { username: string; password: string }) => {
      const answer = await signInThroughProxy(user);
      expect(answer.status).toBe(200);
      return String(answer.body['access_token']);
    };
    const listed = new Map<string, string>();
    for (const user of [ALICE, BOB]) {
      const token = await tokenFor(user);
      const answer = await send('/api/notes', { headers: { Authorization: `Bearer ${token}` } });
      for (const note of (answer.body['items'] ?? []) as { id: string; title: string }[])
        listed.set(note.id, note.title);
    }
    expect(notes.filter((note) => listed.get(note.id) !== note.title)).toEqual([]);
    expect(notes.length).toBeGreaterThan(20);
  }, 120_000);
});
