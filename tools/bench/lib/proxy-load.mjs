// @ts-check
// What the suites that load the API's sign-in proxy share: the browser origin the API allows, the
// headers of its CSRF check, the throttle setting that keeps its limits out of the measurement,
// and the two accounts the loops sign in, in turn.
import { passwordForm } from './emulator-process.mjs';

/** The web app's origin, allowed by the API the suites start (AUTH_ALLOWED_ORIGINS). */
export const ORIGIN = 'http://localhost:4200';

/** The CSRF check of /api/auth/*: the custom header, and an allowed Origin. */
export const PROXY_HEADERS = { 'x-requested-with': 'XMLHttpRequest', origin: ORIGIN };

/** Far above what a few seconds of load can reach: the throttles must not shape the rate. */
export const NO_THROTTLE = '1000000/60';

/**
 * The loops sign in alice and bob in turn: a sign-in holds a slot of its account's failure budget
 * (4) while in flight, so one account cannot have eight in flight at once.
 */
const USERS = [
  passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
  passwordForm('bob@contoso.com', 'Bob-Passw0rd!'),
];

/**
 * The password form loop `loop` signs in with: alice's, bob's, alice's…
 * @param {number} loop
 */
export function userOf(loop) {
  return /** @type {Record<string, string>} */ (USERS[loop % USERS.length]);
}
