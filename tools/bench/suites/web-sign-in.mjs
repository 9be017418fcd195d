// @ts-check
// The sign-in figures of the web suite: alice signs in on the built web client in Chromium, on
// the stack of lib/web-sign-in-stack.mjs (one API and one emulator for both authority kinds). As
// Azure AD B2C, the build's own config.json: ROPC, one POST /api/auth/token through the sign-in
// proxy. As Entra External ID, a generated config.json: native authentication through the API's
// proxy, initiate, challenge and token at /api/auth/native/oauth2/v2.0/*. Timed inside the page
// (lib/chromium-sign-in.mjs): from the click on "Sign in" to the rendered profile (B2C; the
// figure with the suite's goal), and to the profile showing the API's answer to GET /api/me, each
// kind's median and p95, so External ID ÷ B2C is the ratio. The kinds take turns one sign-in at
// a time, each in a fresh browser context, so that drift (other load on a shared machine) hits
// both alike.
import { launchChromium, timeSignIn } from '../lib/chromium-sign-in.mjs';
import { p95Of, summarize } from '../lib/measure.mjs';
import { LIFTED_THROTTLE, startSignInStack } from '../lib/web-sign-in-stack.mjs';

/** @import { Browser } from 'playwright-core' */
/** @import { BenchOptions, ClocksOf, DerivedClock, FigureClock } from '../lib/budget.mjs' */
/** @import { SignInTimes } from '../lib/chromium-sign-in.mjs' */
/** @import { Summary } from '../lib/measure.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/**
 * One authority kind as the bench signs in with it.
 * @typedef {object} Kind
 * @property {string} name
 * @property {string} url The web origin serving this kind's config.json.
 * @property {readonly string[]} calls The POSTs to /api/auth/ a sign-in must make, in order.
 * @property {FigureClock} clock Times its sign-ins (and keeps one sample of each).
 * @property {number[]} answers Milliseconds to the API's answer, one per measured sign-in.
 */

/** A sign-in in a fresh context on a shared 2-core machine: context, page load, form, profile. */
const SECONDS_PER_SIGN_IN = 3;
const NATIVE = '/api/auth/native/oauth2/v2.0';

/**
 * Measured sign-ins per kind, after one that warms the stack up. At 2 to 3.5 s of wall time each
 * on a shared 2-core machine, 12 (at BENCH_RUNS=3) keep what External ID adds to the suite near a
 * minute; a p95 that is not simply the slowest sign-in would take 20 per kind, nearly twice that.
 */
const signInsPerKind = (/** @type {number} */ runs) => Math.max(8, runs * 4);

/**
 * Figure id → time budget (seconds) at these options. The B2C clock also launches Chromium; the
 * answer figures come from the same sign-ins as the two clocks.
 * @param {Pick<BenchOptions, 'runs'>} options
 */
export function signInBudgets({ runs }) {
  const signIns = (signInsPerKind(runs) + 1) * SECONDS_PER_SIGN_IN;
  /** @type {['web-sign-in', 'web-profile-external-id']} */
  const both = ['web-sign-in', 'web-profile-external-id'];
  // Derived figures after their sources (clocksFor).
  return {
    'web-sign-in': 20 + signIns,
    'web-profile-external-id': 5 + signIns,
    'web-profile-b2c': both,
    'web-profile-b2c-p95': both,
    'web-profile-external-id-p95': both,
  };
}

/**
 * One sign-in of `kind`, checked: the calls it made are the kind's.
 * @param {Browser} browser
 * @param {Kind} kind
 * @returns {Promise<SignInTimes>}
 */
async function signInAs(browser, kind) {
  const times = await timeSignIn(browser, kind.url);
  if (times.authCalls.join(' ') !== kind.calls.join(' '))
    throw new Error(`a ${kind.name} sign-in posted ${times.authCalls.join(', ') || 'nothing'}`);
  return times;
}

/**
 * One unmeasured sign-in of each kind, then `count` rounds of one each, the first kind taking
 * turns; the B2C clock keeps the rendered-profile times, the External ID clock the answer times.
 * @param {Browser} browser
 * @param {readonly [Kind, Kind]} kinds B2C, External ID.
 * @param {number} count
 */
async function measureSignIns(browser, kinds, count) {
  for (const kind of kinds) await kind.clock.time(() => signInAs(browser, kind));
  for (let round = 0; round < count; round++) {
    for (let turn = 0; turn < kinds.length; turn++) {
      const kind = /** @type {Kind} */ (kinds[(round + turn) % kinds.length]);
      await kind.clock.sample(async () => {
        const times = await signInAs(browser, kind);
        kind.answers.push(times.answer);
        return kind === kinds[0] ? times.profile : times.answer;
      });
    }
  }
}

/**
 * A figure of the same sign-ins as the kinds' clocks: their budget, time and errors.
 * @param {DerivedClock} clock
 * @param {Summary | undefined} value
 */
function sameSignInsFields(clock, value) {
  const fields = clock.fields((a) => a);
  return { ...fields, value: fields.error ? undefined : value };
}

/** @param {readonly number[]} values */
const summaryOf = (values) => (values.length === 0 ? undefined : summarize(values));
/** @param {readonly number[]} values */
const p95Summary = (values) => {
  if (values.length === 0) return undefined;
  const p95 = p95Of(values);
  return { min: p95, median: p95, max: p95, runs: 1 };
};

/**
 * Measures the sign-in figures on their own stack and browser.
 * @param {ClocksOf<ReturnType<typeof signInBudgets>>} clocks
 * @param {Pick<BenchOptions, 'runs'>} options
 * @returns {Promise<Figure[]>}
 */
export async function signInFigures(clocks, { runs }) {
  const count = signInsPerKind(runs);
  const stack = await startSignInStack();
  const browser = await clocks['web-sign-in'].time(launchChromium);
  try {
    /** @type {[Kind, Kind]} */
    const kinds = [
      {
        name: 'B2C',
        url: stack.b2c,
        calls: ['/api/auth/token'],
        clock: clocks['web-sign-in'],
        answers: [],
      },
      {
        name: 'External ID',
        url: stack.externalId,
        calls: [`${NATIVE}/initiate`, `${NATIVE}/challenge`, `${NATIVE}/token`],
        clock: clocks['web-profile-external-id'],
        answers: [],
      },
    ];
    if (browser) await measureSignIns(browser, kinds, count);
    else clocks['web-profile-external-id'].error ??= 'Chromium did not start';
    return figures(clocks, kinds, count);
  } finally {
    await Promise.all([browser?.close(), stack.stop()]);
  }
}

/**
 * @param {ClocksOf<ReturnType<typeof signInBudgets>>} clocks
 * @param {readonly [Kind, Kind]} kinds
 * @param {number} count
 * @returns {Figure[]}
 */
function figures(clocks, [b2c, externalId], count) {
  const setup = `${count} sign-ins per kind after one unmeasured each, the kinds in turn, each in a fresh browser context (no cookie, no cache: the app and its config.json load first; the click comes once the form is filled). One api (local Functions host) accepts both authorities; the emulator (its bin) runs the default tenant file's B2C and External ID tenants with their request limits off; the api's throttles per client are raised for the bench (AUTH_THROTTLE_IP, AUTH_NATIVE_CODE_SENDS_IP, AUTH_THROTTLE_REFRESH_IP ${LIFTED_THROTTLE}). Each sign-in is checked: the POSTs to /api/auth/ after the click are exactly the kind's.`;
  const answerMark =
    'Inside the page: from the click event on "Sign in" to the first animation frame after the API\'s answer to GET /api/me (sent with the new access token once the profile renders) is in the profile\'s "What the API sees" section.';
  const b2cAnswers = summaryOf(b2c.answers);
  const b2cP95 = p95Summary(b2c.answers);
  const p95Note = `The 95th percentile (nearest rank) of the ${count} sign-ins of the median figure${count < 20 ? ', which with fewer than 20 is the slowest' : ''}.`;
  return [
    {
      ...clocks['web-sign-in'].fields(),
      title: 'sign-in submit to rendered profile in Chromium (argon2id included)',
      unit: 'ms',
      goal: { maxAbsolute: 300 },
      note: `B2C (the build's config.json). Inside the page: from the click event on "Sign in" to the first animation frame after the profile heading is in the DOM (Playwright's click and polling overheads, about 100 ms each way, are not counted). The sign-in goes through the proxy to the emulator (one argon2id check); the profile and notes chunks are preloaded once the app is idle. GET /api/me is sent when the profile renders and is not waited for here (web-profile-b2c waits for it). ${setup}`,
    },
    {
      ...sameSignInsFields(clocks['web-profile-b2c'], b2cAnswers),
      title:
        "B2C sign-in (ROPC: POST /api/auth/token) submit to the profile showing the API's answer in Chromium (median)",
      unit: 'ms',
      note: `${answerMark} The same sign-ins as web-sign-in. Informational, no goal set.`,
    },
    {
      ...sameSignInsFields(clocks['web-profile-b2c-p95'], b2cP95),
      title: "B2C sign-in submit to the profile showing the API's answer in Chromium (p95)",
      unit: 'ms',
      note: `${p95Note} Informational, no goal set.`,
    },
    {
      ...clocks['web-profile-external-id'].fields(),
      title:
        "External ID sign-in (native auth: initiate, challenge, token through the API's proxy) submit to the profile showing the API's answer in Chromium (median)",
      unit: 'ms',
      baseline: { title: 'the same for B2C (median)', value: b2cAnswers?.median },
      note: `${answerMark} Informational ratio (External ID ÷ B2C), no goal set: External ID makes three calls through the proxy where B2C makes one, and its first password sign-in in a page loads the native-auth chunk (not in the initial bundle). Set-up as in web-sign-in's note.`,
    },
    {
      ...sameSignInsFields(clocks['web-profile-external-id-p95'], p95Summary(externalId.answers)),
      title: "External ID sign-in submit to the profile showing the API's answer in Chromium (p95)",
      unit: 'ms',
      baseline: { title: 'the same for B2C (p95)', value: b2cP95?.median },
      note: `${p95Note} Informational ratio (External ID ÷ B2C), no goal set.`,
    },
  ];
}
