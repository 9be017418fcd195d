// Azurite stops answering in the middle of a run (SIGSTOP: connections open, nothing answers):
// every app answers 503 with Retry-After within its storage timeout — no 500, no hang — and
// recovers by itself once Azurite answers again (SIGCONT), without a restart.
import {
  ALICE,
  WEB_ORIGIN,
  passwordForm,
  postForm,
  refreshForm,
  startScaleOutStack,
  tokenUrl,
  type ScaleOutStack,
} from './support/scale-out-stack';

/** Short, so that the paused-storage answers come quickly. */
const STORAGE_TIMEOUT_MS = 1500;

let stack: ScaleOutStack;

beforeAll(async () => {
  stack = await startScaleOutStack({ storageTimeoutMs: STORAGE_TIMEOUT_MS });
}, 90_000);

afterAll(async () => {
  stack.azurite.resume();
  await stack.stop();
});

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly contentType: string | null;
  readonly body: string;
}

async function answerOf(response: Promise<Response>): Promise<Answer> {
  const settled = await response;
  return {
    status: settled.status,
    retryAfter: settled.headers.get('retry-after'),
    contentType: settled.headers.get('content-type'),
    body: await settled.text(),
  };
}

/** Every request the product serves from storage, as a function so it can be sent twice. */
function requests(
  accessToken: string,
  refreshToken: string,
): Record<string, () => Promise<Response>> {
  const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const api = stack.apis[0].url;
  const notesHeaders = { Authorization: `Bearer ${accessToken}` };
  return {
    'emulator password grant': () =>
      fetch(tokenUrl(stack.emulators[0].url), {
        method: 'POST',
        headers: formHeaders,
        body: form(passwordForm(ALICE)),
      }),
    'emulator refresh grant': () =>
      fetch(tokenUrl(stack.emulators[1].url), {
        method: 'POST',
        headers: formHeaders,
        body: form(refreshForm(refreshToken)),
      }),
    'api list notes': () => fetch(`${api}/api/notes`, { headers: notesHeaders }),
    'api add note': () =>
      fetch(`${api}/api/notes`, {
        method: 'POST',
        headers: { ...notesHeaders, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'During the outage', body: '' }),
      }),
    'proxy sign-in': () =>
      fetch(`${stack.apis[1].url}/api/auth/token`, {
        method: 'POST',
        headers: { ...formHeaders, Origin: WEB_ORIGIN, 'X-Requested-With': 'XMLHttpRequest' },
        body: form({ grant_type: 'password', username: ALICE.username, password: ALICE.password }),
      }),
  };
}

it('answers 503 with Retry-After while storage does not answer, then recovers without a restart', async () => {
  const signIn = await postForm(tokenUrl(stack.emulators[0].url), passwordForm(ALICE));
  expect(signIn.status).toBe(200);
  const accessToken = String(signIn.body['access_token']);
  // Warm the API's signing keys, so that only storage is missing during the outage.
  const before = await answerOf(requests(accessToken, '')['api list notes']!());
  expect(before.status).toBe(200);
  const notesBefore = (JSON.parse(before.body) as { items: unknown[] }).items;

  stack.azurite.pause();
  const during: Record<string, Answer> = {};
  try {
    for (const [name, send] of Object.entries(
      requests(accessToken, String(signIn.body['refresh_token'])),
    )) {
      during[name] = await answerOf(send());
    }
  } finally {
    stack.azurite.resume();
  }
  for (const [name, answer] of Object.entries(during)) {
    expect({ name, status: answer.status }).toEqual({ name, status: 503 });
    expect({ name, retryAfter: answer.retryAfter }).toEqual({
      name,
      retryAfter: expect.stringMatching(/^[1-9]\d*$/u) as unknown,
    });
    // No secret in the answer: not the password, not a token, not the storage key.
    expect(answer.body).not.toContain(ALICE.password);
    expect(answer.body).not.toContain(accessToken);
    expect(answer.body).not.toMatch(/AccountKey|devstoreaccount1/u);
  }

  // Storage answers again: the same requests succeed on the same processes.
  const after: Record<string, number> = {};
  for (const [name, send] of Object.entries(
    requests(accessToken, String(signIn.body['refresh_token'])),
  )) {
    after[name] = (await send()).status;
  }
  expect(after).toEqual({
    'emulator password grant': 200,
    'emulator refresh grant': 200,
    'api list notes': 200,
    'api add note': 201,
    'proxy sign-in': 200,
  });

  // Each write is all or nothing: the note sent during the outage either exists whole or not at
  // all (a request that timed out may still have been applied), next to the one added after.
  const listed = await answerOf(requests(accessToken, '')['api list notes']!());
  const notesAfter = (JSON.parse(listed.body) as { items: { title: string; body: string }[] })
    .items;
  const added = notesAfter.length - notesBefore.length;
  expect([1, 2]).toContain(added);
  for (const note of notesAfter) expect(note).toEqual(expect.objectContaining({ body: '' }));
});
