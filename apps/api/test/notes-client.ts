import { randomBytes } from 'node:crypto';
import { ALICE, BOB, apiEnv, signIn, startApi, startEmulator, type Started } from './start-stack';

// The notes API as its integration tests (notes-*.int.spec.ts) call it. Jest loads this module
// afresh for each test file, so each file starts, uses and stops a stack of its own.
// Run after `npx nx run-many -t build -p b2c-emulator,functions-host,api`.

/** An answer: status, headers and the parsed JSON body (`undefined` when empty). */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface CallOptions {
  readonly token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** Sent as is; set the headers yourself. */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Note {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

export const section = (number: string): string =>
  `https://www.rfc-editor.org/rfc/rfc9110#section-${number}`;
export const notFound = {
  type: section('15.5.5'),
  title: 'Not Found',
  status: 404,
  detail: 'There is no note with this id',
};
export const badRequest = (detail: string): Record<string, unknown> => ({
  type: section('15.5.1'),
  title: 'Bad Request',
  status: 400,
  detail,
});

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator | undefined;
let api: Started | undefined;

/** The running emulator and API; a failed start fails every test with its own error. */
export function stack(): { emulator: Emulator; api: Started } {
  if (emulator === undefined || api === undefined) throw new Error('the stack did not start');
  return { emulator, api };
}

/**
 * Starts the emulator and the API (notes in memory) for this test file; resolves with access
 * tokens of alice and bob carrying both notes scopes.
 */
export async function startNotesStack(): Promise<{ alice: string; bob: string }> {
  emulator = await startEmulator();
  // A key generated per run: the notes never touch the sign-in proxy's cookies.
  const cookieKeys = `notes-test:${randomBytes(32).toString('base64')}`;
  api = await startApi(apiEnv(emulator.url, { AUTH_COOKIE_KEYS: cookieKeys }));
  const [alice, bob] = await Promise.all([accessToken(ALICE), accessToken(BOB)]);
  return { alice, bob };
}

/** Stops whatever {@link startNotesStack} started. */
export async function stopNotesStack(): Promise<void> {
  await api?.stop();
  await emulator?.stop();
}

export async function call(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const { token, json, raw, headers = {} } = options;
  const response = await fetch(`${stack().api.url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...(json === undefined ? {} : { 'Content-Type': JSON_TYPE }),
      ...headers,
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    ...(raw === undefined ? {} : { body: raw }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}

export async function accessToken(user: typeof ALICE, scope?: string): Promise<string> {
  return String((await signIn(stack().emulator.url, user, scope))['access_token']);
}

export async function create(token: string, title: string, body = ''): Promise<Answer> {
  return call('POST', '/api/notes', { token, json: { title, body } });
}

export const noteOf = (answer: Answer): Note => answer.body as Note;

/** Checks a problem answer (RFC 9457): status, whole body, media type, no caching. */
export function expectProblem(answer: Answer, status: number, body: unknown): void {
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body });
  expect(answer.headers.get('content-type')).toBe(PROBLEM_TYPE);
  expect(answer.headers.get('cache-control')).toBe('no-store');
}
