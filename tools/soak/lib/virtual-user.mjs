// @ts-check
// One virtual user of the soak: a browser session through the sign-in proxy (sign-in, refreshes,
// now and then a new sign-in), its notes (create, read, update with If-Match, list, delete) and
// /api/me, paced to a steady rate. Everything it sees is recorded; nothing it does is a test of
// speed, only of correctness over time.
import { postForm, requestJson } from '../../bench/lib/http-client.mjs';

/** @import { IncomingHttpHeaders } from 'node:http' */
/** @import { JsonAnswer } from '../../bench/lib/http-client.mjs' */

/**
 * A signed-in browser: its session cookie and access token, and when it signed in.
 * @typedef {object} Session
 * @property {string | undefined} cookie
 * @property {string | undefined} token
 * @property {number} at
 */

/**
 * One virtual user's account, its address and what it reports to.
 * @typedef {object} VirtualUserOptions
 * @property {string} apiUrl
 * @property {{ username: string, password: string }} user
 * @property {string} clientIp Sent in X-Forwarded-For (the API trusts one hop).
 * @property {() => boolean} until Says when to stop.
 * @property {(kind: string, status: number, ms: number, ok: boolean) => void} record
 * @property {(text: string) => void} problem
 */

const ORIGIN = 'http://localhost:4200';
const NOTES_SCOPES =
  'https://contoso.onmicrosoft.com/api/notes.read https://contoso.onmicrosoft.com/api/notes.write';
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The `ropc_session=...` pair of a Set-Cookie list, unless it clears the cookie.
 * @param {IncomingHttpHeaders} headers
 */
function sessionCookie(headers) {
  const cookies = [headers['set-cookie'] ?? []].flat();
  const cookie = cookies.find(
    (value) => value.startsWith('ropc_session=') && !/Max-Age=0/i.test(value),
  );
  return cookie?.split(';')[0];
}

/**
 * Runs one user until `until()` says stop. `record(kind, status, ms, ok)` receives every request;
 * `problem(text)` every broken promise (an error status, a lost note, a broken session).
 * @param {VirtualUserOptions} options
 */
export async function runVirtualUser({ apiUrl, user, clientIp, until, record, problem }) {
  const headers = {
    'x-requested-with': 'XMLHttpRequest',
    origin: ORIGIN,
    'x-forwarded-for': clientIp,
  };
  /**
   * Sends one request and records it; an unexpected status is a problem.
   * @template {JsonAnswer<unknown>} A
   * @param {string} kind
   * @param {() => Promise<A>} send
   * @param {readonly number[]} expected
   * @returns {Promise<A>}
   */
  const timed = async (kind, send, expected) => {
    const started = performance.now();
    const answer = await send();
    const ok = expected.includes(answer.status);
    record(kind, answer.status, performance.now() - started, ok);
    if (!ok) problem(`${kind} answered ${answer.status}`);
    return answer;
  };
  /** @returns {Promise<Session | undefined>} */
  const signIn = async () => {
    const answer = await timed(
      'sign-in',
      () =>
        postForm(
          `${apiUrl}/api/auth/token`,
          {
            grant_type: 'password',
            username: user.username,
            password: user.password,
            scope: `openid offline_access ${NOTES_SCOPES}`,
          },
          headers,
        ),
      [200],
    );
    return answer.status === 200
      ? { cookie: sessionCookie(answer.headers), token: answer.body.access_token, at: Date.now() }
      : undefined;
  };
  let session = await signIn();
  let round = 0;
  while (!until()) {
    round++;
    if (!session || Date.now() - session.at > 120_000) session = await signIn();
    if (!session) {
      await sleep(1000);
      continue;
    }
    const auth = { authorization: `Bearer ${session.token}` };
    const created = await timed(
      'note create',
      () =>
        requestJson('POST', `${apiUrl}/api/notes`, {
          json: { title: `soak ${round}`, body: 'x'.repeat(round % 500) },
          headers: auth,
        }),
      [201],
    );
    const id = created.body?.id;
    if (id) {
      const read = await timed(
        'note read',
        () => requestJson('GET', `${apiUrl}/api/notes/${id}`, { headers: auth }),
        [200],
      );
      if (read.status === 404) problem(`note ${id} was acknowledged but not found`);
      const etag = read.headers.etag ?? '"1"';
      await timed(
        'note update',
        () =>
          requestJson('PUT', `${apiUrl}/api/notes/${id}`, {
            json: { title: `soak ${round} again` },
            headers: { ...auth, 'if-match': etag },
          }),
        [200],
      );
      const listed = await timed(
        'note list',
        () => requestJson('GET', `${apiUrl}/api/notes`, { headers: auth }),
        [200],
      );
      if (!listed.body?.items?.some((note) => note.id === id))
        problem(`note ${id} missing from the list`);
      await timed(
        'note delete',
        () => requestJson('DELETE', `${apiUrl}/api/notes/${id}`, { headers: auth }),
        [204],
      );
    }
    await timed('me', () => requestJson('GET', `${apiUrl}/api/me`, { headers: auth }), [200]);
    if (round % 20 === 0) {
      const refreshed = await timed(
        'refresh',
        () => postForm(`${apiUrl}/api/auth/refresh`, {}, { ...headers, cookie: session?.cookie }),
        [200],
      );
      if (refreshed.status === 200) {
        session = {
          ...session,
          cookie: sessionCookie(refreshed.headers) ?? session.cookie,
          token: refreshed.body.access_token,
        };
      } else {
        problem(`session broken: refresh answered ${refreshed.status}`);
        session = undefined;
      }
    }
    await sleep(250);
  }
}
