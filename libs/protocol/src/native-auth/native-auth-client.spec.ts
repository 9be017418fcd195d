import { NetworkError } from '../oauth/errors';
import {
  createNativeAuthClient,
  type NativeAuthClient,
  type NativeAuthClientOptions,
} from './native-auth-client';
import {
  OPTIONAL_FIELD_STEPS,
  REQUEST_FLOWS,
  type RequestStep,
} from '../../test/fixtures/native-auth/reference-requests';
import { CLIENT_ID, CT1, PROXY_URL } from '../../test/fixtures/native-auth/identities';

interface Sent {
  readonly url: string;
  readonly method: string | undefined;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A fetch that records what it is sent and answers from a queue (default: a continuation token). */
function fakeFetch(...answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = jest.fn((input: string, init?: RequestInit) => {
    sent.push({
      url: input,
      method: init?.method,
      headers: init?.headers as Record<string, string>,
      body: init?.body as string,
    });
    return Promise.resolve(
      answers.shift() ?? new Response(JSON.stringify({ continuation_token: CT1 }), { status: 200 }),
    );
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

const clientWith = (fetch: typeof globalThis.fetch, extra: Partial<NativeAuthClientOptions> = {}) =>
  createNativeAuthClient({
    baseUrl: PROXY_URL,
    clientId: CLIENT_ID,
    challengeTypes: ['password', 'oob', 'redirect'],
    fetch,
    ...extra,
  });

const call = (client: NativeAuthClient, step: RequestStep) =>
  (client[step.method] as (p: unknown) => Promise<unknown>)(step.parameters);

describe('createNativeAuthClient', () => {
  describe.each(REQUEST_FLOWS)('$name ($section)', ({ steps }) => {
    it.each(steps)('$method posts exactly the body MSAL sends', async (step) => {
      const { fetch, sent } = fakeFetch();
      await call(clientWith(fetch), step);
      expect(sent).toEqual([
        {
          url: `${PROXY_URL}/${step.path}`,
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: step.body,
        },
      ]);
    });
  });

  it.each(OPTIONAL_FIELD_STEPS)('$method sends its optional fields in place', async (step) => {
    const { fetch, sent } = fakeFetch();
    await call(clientWith(fetch), step);
    expect(sent[0]?.body).toBe(step.body);
  });

  it('adds query parameters to every call but the refresh, and headers and correlation id', async () => {
    const { fetch, sent } = fakeFetch();
    const client = clientWith(fetch, { queryParameters: { dc: 'x' }, headers: { 'x-app': '1' } });
    await client.signInInitiate({ username: 'u' }, { correlationId: 'corr' });
    await client.refreshTokenGrant({ refreshToken: 'r' });
    expect(sent.map(({ url }) => url)).toEqual([
      `${PROXY_URL}/oauth2/v2.0/initiate?dc=x`,
      `${PROXY_URL}/oauth2/v2.0/token`,
    ]);
    expect(sent[0]?.headers).toEqual({
      'x-app': '1',
      'Content-Type': 'application/x-www-form-urlencoded',
      'client-request-id': 'corr',
    });
  });

  it('sends capabilities to the starts of the flows', async () => {
    const { fetch, sent } = fakeFetch();
    const client = clientWith(fetch, { challengeTypes: ['oob'], capabilities: ['mfa_required'] });
    await client.signUpStart({ username: 'u' });
    await client.resetPasswordStart({ username: 'u' });
    expect(sent.map(({ body }) => body)).toEqual([
      `client_id=${CLIENT_ID}&username=u&challenge_type=oob+redirect&capabilities=mfa_required`,
      `client_id=${CLIENT_ID}&challenge_type=oob+redirect&username=u&capabilities=mfa_required`,
    ]);
  });

  it('resolves to typed outcomes: success, redirect, error, invalid response', async () => {
    const { fetch } = fakeFetch(
      new Response('{"continuation_token":"t","challenge_type":"oob","code_length":8}'),
      new Response('{"challenge_type":"redirect"}'),
      new Response('{"error":"invalid_grant","error_codes":[50126]}', { status: 400 }),
      new Response('Proxy error.', { status: 500 }),
    );
    const client = clientWith(fetch);
    await expect(client.signInChallenge({ continuationToken: 'c' })).resolves.toEqual({
      kind: 'success',
      body: { challenge_type: 'oob', continuation_token: 't', code_length: 8 },
    });
    await expect(client.signInInitiate({ username: 'u' })).resolves.toEqual({ kind: 'redirect' });
    await expect(
      client.passwordGrant({ continuationToken: 'c', password: 'p' }),
    ).resolves.toMatchObject({
      kind: 'error',
      error: { status: 400, error: 'invalid_grant', errorCodes: [50126] },
    });
    await expect(client.resetPasswordPollCompletion({ continuationToken: 'c' })).resolves.toEqual({
      kind: 'invalid_response',
      status: 500,
      problem: 'not_json',
    });
  });

  it('rejects with a TypeError before sending when an argument is missing', async () => {
    const { fetch, sent } = fakeFetch();
    await expect(clientWith(fetch).oobGrant({ continuationToken: 'c', oob: '' })).rejects.toThrow(
      TypeError,
    );
    expect(sent).toEqual([]);
  });

  it('rejects with a NetworkError when no answer comes', async () => {
    const failing = (() => Promise.reject(new Error('ECONNREFUSED'))) as unknown as typeof fetch;
    await expect(clientWith(failing).signInInitiate({ username: 'u' })).rejects.toMatchObject({
      code: 'ERR_NETWORK',
    });
    const aborted = new AbortController();
    aborted.abort();
    const hanging = ((_: unknown, init?: RequestInit) =>
      Promise.reject(init?.signal?.reason as Error)) as unknown as typeof fetch;
    await expect(
      clientWith(hanging).signInInitiate({ username: 'u' }, { signal: aborted.signal }),
    ).rejects.toEqual(new NetworkError('ERR_ABORTED', 'the request was aborted'));
  });

  it('rejects with ERR_TIMEOUT when the server does not answer in time', async () => {
    const silent = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new Error('aborted'));
        });
      })) as unknown as typeof fetch;
    await expect(
      clientWith(silent, { timeoutMs: 20 }).signInInitiate({ username: 'u' }),
    ).rejects.toMatchObject({ code: 'ERR_TIMEOUT' });
  });

  it('rejects with ERR_TIMEOUT when an answer stalls mid-body, and ERR_NETWORK when it breaks off', async () => {
    /** An answer whose body sends a first chunk, then stalls or errors when the signal aborts. */
    const partial = (breakOff: boolean) =>
      ((_: unknown, init?: RequestInit) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"continuation_token":'));
            if (breakOff) controller.error(new TypeError('terminated'));
            init?.signal?.addEventListener('abort', () => {
              controller.error(init.signal?.reason);
            });
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }) as unknown as typeof fetch;
    await expect(
      clientWith(partial(false), { timeoutMs: 20 }).signInInitiate({ username: 'u' }),
    ).rejects.toEqual(new NetworkError('ERR_TIMEOUT', 'the server did not answer in time'));
    await expect(clientWith(partial(true)).signInInitiate({ username: 'u' })).rejects.toEqual(
      new NetworkError('ERR_NETWORK', 'the server could not be reached'),
    );
  });

  it('refuses a misconfigured client when it is made', () => {
    const { fetch } = fakeFetch();
    expect(() => clientWith(fetch, { clientId: '' })).toThrow(TypeError);
    expect(() => clientWith(fetch, { baseUrl: 'api' })).toThrow(TypeError);
    expect(() => clientWith(fetch, { challengeTypes: ['otp' as 'oob'] })).toThrow(TypeError);
  });
});
