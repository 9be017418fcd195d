// @ts-check
// An account under attack through the sign-in proxy (part of the proxy suite, on its api):
// attackers send wrong passwords for bob, at many times his failure budget, from many client IPs
// (each within AUTH_THROTTLE_IP, so that the per-account budget is what stops them), while bob
// signs in from the browser he used before (its ropc_device cookie). Reported per run: the attempts
// that reached the emulator (goal: never more than the anonymous budget), bob's success rate (goal:
// every one), and the api's CPU per refused attempt against its CPU per forwarded sign-in (measured
// by the proxy suite's sign-in runs).
import { postForm } from '../lib/http-client.mjs';
import { passwordForm, processCpuSeconds } from '../lib/emulator-process.mjs';
import { throughputOf } from '../lib/measure.mjs';

/** @import { BenchOptions, ClocksOf } from '../lib/budget.mjs' */
/** @import { RunningServer } from '../lib/emulator-process.mjs' */
/** @import { JsonAnswer, JsonBody } from '../lib/http-client.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/**
 * What happened in one run of the attack.
 * @typedef {object} Tally
 * @property {number} attempts Guesses sent.
 * @property {number} forwarded Guesses that reached the emulator (400 invalid_grant).
 * @property {number} refused Guesses refused as account_protected.
 * @property {number} throttled Guesses refused otherwise with 429.
 * @property {number} owner Bob's sign-ins.
 * @property {number} ownerSignedIn Bob's sign-ins that succeeded.
 */

const ATTACKERS = 8; // closed loops of wrong passwords
const CLIENT_IPS = 2000; // attackers rotate over these, each within its 20 sign-ins a minute
const ANONYMOUS_BUDGET = 4; // the api's default AUTH_ANONYMOUS_FAILURE_BUDGET
const ORIGIN = 'http://localhost:4200';
const BOB = /** @type {const} */ (['bob@contoso.com', 'Bob-Passw0rd!']);

/**
 * Figure id → time budget (seconds) at these options: runs of half the usual length.
 * @param {BenchOptions} options
 */
export function attackBudgets({ runs, seconds }) {
  return {
    'attack-forwarded': 1 + runs * (seconds / 2 + 0.3),
    'attack-owner-success': 0.5,
    'attack-refused-cpu': 1 + runs * (seconds / 2 + 0.3),
  };
}

/**
 * The proxy headers of a browser at `ip`, with its cookies.
 * @param {string} ip
 * @param {string} [cookie]
 */
const browser = (ip, cookie) => ({
  'x-requested-with': 'XMLHttpRequest',
  origin: ORIGIN,
  'x-forwarded-for': ip,
  ...(cookie ? { cookie } : {}),
});

/** A distinct wrong password per attempt (never near-identical to another). */
const guess = (/** @type {number} */ index) => `guess-${index.toString(36)}x`;

/**
 * The `ropc_device=...` pair of a successful sign-in.
 * @param {JsonAnswer<JsonBody>} answer
 */
function deviceCookieOf(answer) {
  const setCookie = [answer.headers['set-cookie'] ?? []].flat();
  return (setCookie.find((cookie) => cookie.startsWith('ropc_device=')) ?? '').split(';')[0];
}

/**
 * One run of the attack with bob signing in meanwhile; counts what happened.
 * @param {RunningServer} api
 * @param {number} seconds
 * @param {string} device Bob's ropc_device cookie.
 * @param {number} first The index of the run's first guess.
 */
async function attackRun(api, seconds, device, first) {
  /** @type {Tally} */
  const tally = { attempts: 0, forwarded: 0, refused: 0, throttled: 0, owner: 0, ownerSignedIn: 0 };
  const attacker = async () => {
    const index = first + tally.attempts++;
    const client = index % CLIENT_IPS;
    const ip = `10.9.${client >> 8}.${client & 255}`;
    const { status, body } = await postForm(
      `${api.url}/api/auth/token`,
      passwordForm(BOB[0], guess(index)),
      browser(ip),
    );
    if (status === 429 && body.reason === 'account_protected') tally.refused++;
    else if (status === 429)
      tally.throttled++; // budget in flight, or the per-client limit
    else if (status === 400) tally.forwarded++;
    else throw new Error(`unexpected answer to a guess: ${status} ${body.error_description ?? ''}`);
  };
  const owner = async () => {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      // Bob roams (a phone on the move): his known device, not his address, is what counts.
      const ip = `198.51.${tally.owner >> 8}.${tally.owner & 255}`;
      tally.owner++;
      const { status } = await postForm(
        `${api.url}/api/auth/token`,
        passwordForm(...BOB),
        browser(ip, device),
      );
      if (status === 200) tally.ownerSignedIn++;
    }
  };
  await Promise.all([throughputOf(attacker, { concurrency: ATTACKERS, seconds }), owner()]);
  return tally;
}

/**
 * The api's CPU (ms) per request while `fn` runs in `concurrency` closed loops for `seconds`.
 * @param {RunningServer} api
 * @param {number} seconds
 * @param {number} concurrency
 * @param {(index: number, loop: number) => Promise<unknown>} fn
 */
export async function apiCpuPerRequest(api, seconds, concurrency, fn) {
  const before = processCpuSeconds(api.pid);
  let count = 0;
  await throughputOf((loop) => fn(count++, loop), { concurrency, seconds });
  return ((processCpuSeconds(api.pid) - before) * 1000) / count;
}

/**
 * Runs the attack on `api` (one trusted hop) and returns its figures; `forwardedCpu` is the api's
 * CPU per forwarded sign-in (ms), the refusal's baseline.
 * @param {RunningServer} api
 * @param {ClocksOf<ReturnType<typeof attackBudgets>>} clocks
 * @param {BenchOptions} options
 * @param {number | undefined} forwardedCpu
 * @returns {Promise<Figure[]>}
 */
export async function attackFigures(api, clocks, { runs, seconds }, forwardedCpu) {
  /** @type {Tally[]} */
  const tallies = [];
  const known = await postForm(
    `${api.url}/api/auth/token`,
    passwordForm(...BOB),
    browser('198.51.100.7'),
  );
  const device = deviceCookieOf(known);
  if (known.status !== 200 || !device)
    throw new Error(`bob's first sign-in failed: ${known.status}`);
  for (let run = 0; run < runs; run++) {
    const tally = await clocks['attack-forwarded'].time(() =>
      attackRun(api, seconds / 2, device, run * 1_000_000),
    );
    if (!tally) break;
    tallies.push(tally);
    // Forwarded guesses in all the runs so far: the budget holds for the failure memory (a day).
    clocks['attack-forwarded'].samples.push(tallies.reduce((sum, each) => sum + each.forwarded, 0));
    await clocks['attack-owner-success'].sample(() => tally.ownerSignedIn / tally.owner);
  }
  await clocks['attack-refused-cpu'].repeat(runs, () =>
    apiCpuPerRequest(api, seconds / 2, ATTACKERS, (index) =>
      postForm(
        `${api.url}/api/auth/token`,
        passwordForm(BOB[0], guess(9_000_000 + index)),
        browser(`10.200.${(index >> 8) & 255}.${index & 255}`),
      ).then(({ status }) => {
        if (status !== 429) throw new Error(`expected a refusal, got ${status}`);
      }),
    ),
  );
  const counts = tallies
    .map(
      (tally) =>
        `${tally.attempts} guesses: ${tally.forwarded} forwarded, ${tally.refused} refused as account_protected, ${tally.throttled} as throttled (guesses in flight, or the per-client limit); bob ${tally.ownerSignedIn}/${tally.owner}`,
    )
    .join('; ');
  return [
    {
      ...clocks['attack-forwarded'].fields(),
      title: `wrong passwords for one account that reached the authority in all runs so far, ${ATTACKERS} attackers over ${CLIENT_IPS} client IPs`,
      unit: 'attempts',
      goal: { maxAbsolute: ANONYMOUS_BUDGET + 1 },
      note: `Per run (${seconds / 2} s; the api's default budgets, one trusted hop, state in memory): ${counts}. The anonymous budget is spent in the first run and counts for a day, so later runs forward nothing; every other guess gets 429 "account_protected" without reaching the emulator, whose smart lockout (threshold 10) never trips.`,
    },
    {
      ...clocks['attack-owner-success'].fields(),
      title:
        "the account owner's sign-ins from a known device during the attack, succeeded ÷ tried",
      unit: '×',
      versus: 'sign-ins that succeeded',
      goal: { min: 1 },
      note: "Bob signs in again and again from the browser he used before (its ropc_device cookie) while the attack runs; a known device draws on its own budget, which the attackers' failures cannot spend.",
    },
    {
      ...clocks['attack-refused-cpu'].fields(),
      title: 'api CPU per refused attempt (account protected)',
      unit: 'ms CPU',
      baseline: { title: 'api CPU per forwarded sign-in', value: forwardedCpu },
      goal: { cheaperBy: 2 },
      note: "Our goal (the issue set none): a refusal at most half a forwarded sign-in's api CPU, so that an attack costs the api less than the sign-ins it protects. The refusal costs the CSRF check, the form, the per-client counter and one read of the account's budget; a forwarded sign-in adds the budget's reservation and settlement, the upstream call, the JWE session cookie and the device cookie (the emulator's CPU is not counted). The ratio is forwarded ÷ refused: how many refusals cost what one forwarded sign-in does.",
    },
  ];
}
