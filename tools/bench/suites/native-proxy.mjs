// @ts-check
// The native-authentication proxy's cost (Entra External ID): alice's password sign-in, the three
// calls initiate, challenge and token, through POST /api/auth/native/… in the cookie mode the
// Angular client uses (X-Requested-With and an allowed Origin: the proxy wraps each continuation
// token in its own JWE, reserves and settles a failure-budget slot around the password, and seals
// the refresh token into the session cookie), against the same three calls posted to the emulator
// directly; and, cheaply on the same api, in pass-through mode (Microsoft's SDK: no
// X-Requested-With, refresh token in the body). One sign-in at a time, the paths in turn, so that
// each figure is a latency and drift hits every path alike.
// Lifted for the bench only, so that they do not shape the figures: the api's credential attempts
// per client (AUTH_THROTTLE_IP, 20 a minute) and challenge calls per client
// (AUTH_NATIVE_CODE_SENDS_IP, 30 per 15 minutes: every sign-in's challenge counts), and the
// emulator's per-IP and per-tenant request limits (lib/external-id-emulator.mjs). The account's
// own limits stay: a right password frees its failure-budget slot, and a password challenge sends
// no code.
import { startApi } from '../lib/api-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { loadLibrary } from '../lib/bundle-library.mjs';
import {
  EXTERNAL_ID_TENANT,
  NOTES_API_ID,
  SPA_CLIENT_ID,
  startExternalIdEmulator,
} from '../lib/external-id-emulator.mjs';
import { postForm } from '../lib/http-client.mjs';
import { p95Of, summarize } from '../lib/measure.mjs';

/** @import { OutgoingHttpHeaders } from 'node:http' */
/** @import { ChallengeType, NativeAuthEndpoint } from '@ropc/protocol/native-auth' */
/** @import { BenchOptions, DerivedClock, FigureClock } from '../lib/budget.mjs' */
/** @import { JsonAnswer, JsonBody } from '../lib/http-client.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/** @typedef {typeof import('@ropc/protocol/native-auth')} NativeAuthLibrary */

/**
 * A native-auth answer as the sign-in reads it: the token fields and the flow's.
 * @typedef {JsonBody & { continuation_token?: string, challenge_type?: string }} NativeBody
 */

/**
 * One way of signing alice in, timed on its figure's clock.
 * @typedef {object} SignInPath
 * @property {string} base The native-auth base URL: `{base}/oauth2/v2.0/initiate` and so on.
 * @property {OutgoingHttpHeaders} headers
 * @property {FigureClock} clock
 */

const SAMPLES = 40; // sequential sign-ins per run and per path
const ORIGIN = 'http://localhost:4200';
const ALICE = { username: 'alice@contoso.com', password: 'Alice-Passw0rd!' };
/**
 * What an e-mail-and-password app declares, as MSAL sends it: the challenge asks the password.
 * @type {readonly ChallengeType[]}
 */
const CHALLENGE_TYPES = ['password', 'oob', 'redirect'];
/** What the cookie mode forwards whatever the client asks (`openid offline_access` added). */
const SCOPES = [
  'openid',
  'offline_access',
  `api://${NOTES_API_ID}/notes.read`,
  `api://${NOTES_API_ID}/notes.write`,
];
/** Far above what a few hundred sign-ins reach: the throttles must not shape the figures. */
const NO_THROTTLE = '1000000/60';

/**
 * Figure id → time budget (seconds) at these options; the p95 and the added latency come from
 * the same sign-ins as the medians.
 * @param {BenchOptions} options
 */
export function budgets({ runs }) {
  const perPath = 5 + runs * SAMPLES * 0.08;
  // Derived figures after their sources (clocksFor).
  return {
    'native-proxy-sign-in': perPath,
    'native-passthrough-sign-in': perPath,
    'native-direct-sign-in': perPath,
    'native-proxy-sign-in-p95': ['native-proxy-sign-in', 'native-direct-sign-in'],
    'native-proxy-added-latency': ['native-proxy-sign-in', 'native-direct-sign-in'],
  };
}

/**
 * Posts one library-built request to an endpoint of `path`; the answer must be a 200.
 * @param {NativeAuthLibrary} protocol
 * @param {Pick<SignInPath, 'base' | 'headers'>} path
 * @param {NativeAuthEndpoint} endpoint
 * @param {object} request
 * @returns {Promise<JsonAnswer<NativeBody>>}
 */
async function call(protocol, { base, headers }, endpoint, request) {
  // The library's encoding (undefined fields left out), in the bench's keep-alive client's form.
  const form = Object.fromEntries(new URLSearchParams(protocol.encodeNativeAuthBody(request)));
  const answer = await postForm(
    `${base}/${protocol.NATIVE_AUTH_ENDPOINTS[endpoint]}`,
    form,
    headers,
  );
  if (answer.status !== 200)
    throw new Error(`${endpoint} answered ${answer.status} ${answer.body.error ?? ''}`);
  return answer;
}

/**
 * The continuation token of a step's answer.
 * @param {NativeBody} body
 * @param {string} step
 */
function continuationOf(body, step) {
  if (!body.continuation_token) throw new Error(`${step} answered no continuation token`);
  return body.continuation_token;
}

/**
 * alice's three-call password sign-in on `path`; resolves with the token answer.
 * @param {NativeAuthLibrary} protocol
 * @param {Pick<SignInPath, 'base' | 'headers'>} path
 */
async function signIn(protocol, path) {
  const challengeTypes = CHALLENGE_TYPES;
  const initiated = await call(
    protocol,
    path,
    'signInInitiate',
    protocol.signInInitiateRequest(SPA_CLIENT_ID, { username: ALICE.username, challengeTypes }),
  );
  const challenged = await call(
    protocol,
    path,
    'signInChallenge',
    protocol.signInChallengeRequest(SPA_CLIENT_ID, {
      continuationToken: continuationOf(initiated.body, 'initiate'),
      challengeTypes,
    }),
  );
  if (challenged.body.challenge_type !== 'password')
    throw new Error(`the challenge asked for ${challenged.body.challenge_type ?? 'nothing'}`);
  const token = await call(
    protocol,
    path,
    'token',
    protocol.signInPasswordTokenRequest(SPA_CLIENT_ID, {
      continuationToken: continuationOf(challenged.body, 'challenge'),
      password: ALICE.password,
      scopes: SCOPES,
    }),
  );
  if (!token.body.access_token) throw new Error('the token answer has no access token');
  return token;
}

/**
 * One sign-in of each path first, checking that each answers in its own mode: the proxy's first
 * calls also load its cookie keys and stores.
 * @param {NativeAuthLibrary} protocol
 * @param {{ direct: SignInPath, cookie: SignInPath, passthrough: SignInPath }} paths
 */
async function warmUp(protocol, { direct, cookie, passthrough }) {
  const fromCookie = await signIn(protocol, cookie);
  const sessionSet = [fromCookie.headers['set-cookie'] ?? []]
    .flat()
    .some((line) => line.startsWith('ropc_session='));
  if (fromCookie.body.refresh_token || !sessionSet)
    throw new Error('the cookie mode did not keep the refresh token in the session cookie');
  for (const path of [direct, passthrough])
    if (!(await signIn(protocol, path)).body.refresh_token)
      throw new Error(`the sign-in at ${path.base} answered no refresh token`);
}

/**
 * One run: SAMPLES sign-ins on each path, the paths in turn (the first rotating each round, so
 * that none always follows another), each timed on its path's clock; then each path's median is
 * a sample of its figure. Returns each path's p95 (undefined once its figure failed).
 * @param {NativeAuthLibrary} protocol
 * @param {readonly SignInPath[]} paths
 */
async function measureRun(protocol, paths) {
  const latencies = paths.map(() => /** @type {number[]} */ ([]));
  for (let round = 0; round < SAMPLES; round++) {
    for (let turn = 0; turn < paths.length; turn++) {
      const index = (round + turn) % paths.length;
      const path = /** @type {SignInPath} */ (paths[index]);
      const ms = await path.clock.time(async () => {
        const start = performance.now();
        await signIn(protocol, path);
        return performance.now() - start;
      });
      if (ms !== undefined) latencies[index]?.push(ms);
    }
  }
  return Promise.all(
    paths.map(async (path, index) => {
      const values = /** @type {number[]} */ (latencies[index]);
      if (values.length < SAMPLES) return undefined;
      await path.clock.sample(() => summarize(values).median);
      return p95Of(values);
    }),
  );
}

/**
 * A figure of the same sign-ins as its sources' medians (a p95): their budget, time and errors.
 * @param {DerivedClock} clock
 * @param {readonly number[]} values One per run.
 */
function sameSignInsFields(clock, values) {
  const fields = clock.fields((a) => a);
  return { ...fields, value: fields.error ? undefined : summarize(values) };
}

/** @param {readonly number[]} values */
const msList = (values) => values.map((ms) => ms.toFixed(1)).join(', ');

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const protocol = /** @type {NativeAuthLibrary} */ (
    await loadLibrary('libs/protocol/src/native-auth/index.ts', 'protocol-native-auth')
  );
  const emulator = await startExternalIdEmulator();
  const api = await startApi(emulator.url, {
    EXTERNAL_ID_AUTHORITY: `${emulator.url}/${EXTERNAL_ID_TENANT}`,
    EXTERNAL_ID_CLIENT_ID: SPA_CLIENT_ID,
    EXTERNAL_ID_API_AUDIENCE: NOTES_API_ID,
    AUTH_ALLOWED_ORIGINS: ORIGIN,
    AUTH_NATIVE_PASSTHROUGH: 'on',
    AUTH_THROTTLE_IP: NO_THROTTLE,
    AUTH_NATIVE_CODE_SENDS_IP: NO_THROTTLE,
  });
  try {
    const proxyBase = `${api.url}/api/auth/native`;
    const paths = {
      direct: {
        base: `${emulator.url}/${EXTERNAL_ID_TENANT}`,
        headers: {},
        clock: clocks['native-direct-sign-in'],
      },
      cookie: {
        base: proxyBase,
        // The CSRF check of /api/auth/*: the custom header, and an allowed Origin.
        headers: { 'x-requested-with': 'XMLHttpRequest', origin: ORIGIN },
        clock: clocks['native-proxy-sign-in'],
      },
      passthrough: {
        base: proxyBase,
        headers: { origin: ORIGIN },
        clock: clocks['native-passthrough-sign-in'],
      },
    };
    await warmUp(protocol, paths);
    /** @type {{ direct: number[], cookie: number[], passthrough: number[] }} */
    const p95s = { direct: [], cookie: [], passthrough: [] };
    for (let run = 0; run < runs; run++) {
      const [direct, cookie, passthrough] = await measureRun(protocol, [
        paths.direct,
        paths.cookie,
        paths.passthrough,
      ]);
      if (direct !== undefined) p95s.direct.push(direct);
      if (cookie !== undefined) p95s.cookie.push(cookie);
      if (passthrough !== undefined) p95s.passthrough.push(passthrough);
    }
    const direct = clocks['native-direct-sign-in'].summary();
    const directP95 = p95s.direct.length > 0 ? summarize(p95s.direct).median : undefined;
    const baseline = {
      title: 'the same three calls posted to the emulator directly (median)',
      value: direct?.median,
    };
    const setup = `Per run: ${SAMPLES} sequential sign-ins on each path (direct, cookie mode, pass-through), in turn; a sign-in is the three calls, each checked (200, a continuation token, the password challenge, an access token). The api (local Functions host) and the emulator (its bin) each run in their own process on this machine, the emulator with both default tenants and its request limits off; the api's credential and challenge throttles per client are raised for the bench (AUTH_THROTTLE_IP and AUTH_NATIVE_CODE_SENDS_IP ${NO_THROTTLE}). The bench's node:http keep-alive client; no device cookie is sent back, so every proxied sign-in comes from an unknown browser.`;
    return [
      {
        ...clocks['native-proxy-sign-in'].fields(),
        title:
          "alice's native-auth sign-in (initiate, challenge, token) through the API's proxy, cookie mode (median)",
        unit: 'ms',
        baseline,
        note: `Informational ratio (proxied ÷ direct latency), no goal set. The cookie mode is the Angular client's: X-Requested-With and an allowed Origin; the proxy opens and re-seals a JWE continuation token on each call, reserves and settles a failure-budget slot around the password, seals the refresh token into ropc_session and remembers the browser. ${setup}`,
      },
      {
        ...sameSignInsFields(clocks['native-proxy-sign-in-p95'], p95s.cookie),
        title: "alice's native-auth sign-in through the API's proxy, cookie mode (p95)",
        unit: 'ms',
        baseline: {
          title: 'the same three calls posted to the emulator directly (p95)',
          value: directP95,
        },
        note: `Per run: the 95th percentile (nearest rank) of the ${SAMPLES} proxied sign-ins of the median figure; the baseline is the median over the runs of the direct sign-ins' p95 (per run: ${msList(p95s.direct)} ms). Informational, no goal set.`,
      },
      {
        ...clocks['native-passthrough-sign-in'].fields(),
        title: "alice's native-auth sign-in through the API's proxy, pass-through mode (median)",
        unit: 'ms',
        baseline,
        note: `Informational ratio (proxied ÷ direct), no goal set. Microsoft's SDK's mode (AUTH_NATIVE_PASSTHROUGH=on, an allowed Origin, no X-Requested-With): wrapped continuation tokens, the refresh token in the body, no cookie. p95 per run: ${msList(p95s.passthrough)} ms. Same api, sign-ins interleaved with the other paths.`,
      },
      {
        ...clocks['native-direct-sign-in'].fields(),
        title:
          'the same three calls posted to the emulator directly (native-proxy baseline, median)',
        unit: 'ms',
        note: `p95 per run: ${msList(p95s.direct)} ms.`,
      },
      {
        ...clocks['native-proxy-added-latency'].fields((proxied, straight) => proxied - straight),
        title:
          'latency the native-auth proxy (cookie mode) adds to one three-call sign-in (median)',
        unit: 'ms',
        note: 'Per run: the median proxied sign-in minus the median direct one, from the same interleaved sign-ins. No goal set.',
      },
    ];
  } finally {
    await Promise.all([api.stop(), emulator.stop()]);
  }
}
