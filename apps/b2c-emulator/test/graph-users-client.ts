import {
  ADMIN_KEY,
  CLIENT_ID,
  TENANT,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

// The Graph users API as its integration tests (graph-users-*.int.spec.ts) call it. Jest loads
// this module afresh for each test file, so each file starts an emulator of its own and keeps the
// answers it saw.

export const ENTITY_CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata#users/$entity';
export const COLLECTION_CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata#users';
export const EXTENSIONS_APP = '831374b3bd5041bfaa54263ec9e050fc';
export const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const B2C_DESCRIPTION = /^(AADB2C\d{5}): /;

/** Every password the tests send; none may appear in any answer. */
const PASSWORDS = [
  'Erin-Passw0rd!',
  'Erin-N3w-Passw0rd!',
  'Frank-Passw0rd!',
  'Frank-N3w-Passw0rd!',
  'Gina-Passw0rd!',
  'weakpassword',
  'Sh0rt!x',
  'Ivy-Passw0rd!',
];

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | undefined;
}

let emulator: RunningEmulator | undefined;
/** Every answer body this test file received, as text. */
const answers: string[] = [];

function running(): RunningEmulator {
  if (emulator === undefined) throw new Error('the emulator did not start');
  return emulator;
}

/** Starts the emulator (test tenant) for this test file. */
export async function startUsersEmulator(): Promise<RunningEmulator> {
  emulator = await startEmulator();
  return emulator;
}

/** Stops the emulator {@link startUsersEmulator} started. */
export async function stopUsersEmulator(): Promise<void> {
  await emulator?.stop();
}

/** A Graph user body for a local account with an email identity. */
export function newUser(email: string, password: string, extra: Record<string, unknown> = {}) {
  return {
    displayName: `${email} Example`,
    identities: [{ signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: email }],
    passwordProfile: { password, forceChangePasswordNextSignIn: false },
    passwordPolicies: 'DisablePasswordExpiration',
    ...extra,
  };
}

/** Calls an admin route (with the admin key unless `key` says otherwise) and keeps the answer. */
export async function graph(
  method: string,
  path: string,
  body?: unknown,
  init: { key?: string | null; rawBody?: string; contentType?: string } = {},
): Promise<Answer> {
  const key = init.key === undefined ? ADMIN_KEY : init.key;
  const payload = init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(`${running().url}${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      ...(payload === undefined ? {} : { 'Content-Type': init.contentType ?? 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  answers.push(text);
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** A password grant for `username`, kept among the answers. */
export async function signIn(username: string, password: string) {
  const answer = await postForm(tokenUrl(running()), aliceSignIn({ username, password }));
  answers.push(JSON.stringify(answer.body));
  return answer;
}

/** A refresh token grant, kept among the answers. */
export async function refresh(refreshToken: unknown) {
  const answer = await postForm(tokenUrl(running()), {
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    refresh_token: String(refreshToken),
  });
  answers.push(JSON.stringify(answer.body));
  return answer;
}

/** The AADB2C code of a B2C error body, after checking its `error` value. */
export function b2cCode(body: Record<string, unknown>, error: string): string | undefined {
  expect(body['error']).toBe(error);
  return B2C_DESCRIPTION.exec(String(body['error_description']))?.[1];
}

/** Creates a user through the API (201 expected); resolves with its object id. */
export async function createUser(email: string, password: string, extra = {}): Promise<string> {
  const { status, body } = await graph('POST', '/v1.0/users', newUser(email, password, extra));
  expect(status).toBe(201);
  return String(body?.['id']);
}

/** The object id of the user with sign-in name `name`, found through the identities filter. */
export async function idOf(name: string): Promise<string> {
  const filter = `identities/any(c:c/issuerAssignedId eq '${name}' and c/issuer eq '${TENANT}')`;
  const { body } = await graph('GET', `/v1.0/users?$filter=${encodeURIComponent(filter)}`);
  const [user] = body?.['value'] as { id: string }[];
  return user?.id ?? '';
}

/**
 * Checks that none of this file's answers holds a password the tests sent, and that there were at
 * least `minimum` of them (so that the check saw the answers it is about).
 */
export function expectNoPasswordInAnswers(minimum: number): void {
  expect(answers.length).toBeGreaterThanOrEqual(minimum);
  for (const text of answers) {
    for (const password of PASSWORDS) expect(text).not.toContain(password);
  }
}
