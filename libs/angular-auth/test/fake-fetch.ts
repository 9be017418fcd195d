/** A recorded call of {@link FakeFetch}. */
export interface FetchCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly credentials: RequestCredentials | undefined;
}

/** What `@ropc/protocol` reads from a `Response`: status, ok, headers.get and text(). */
export type FakeResponse = Response;

/** A JSON answer. jsdom has no `Response`, so this is the subset the code under test reads. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FakeResponse {
  return textResponse(status, JSON.stringify(body), headers);
}

/** A raw text answer (for non-JSON bodies). */
export function textResponse(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): FakeResponse {
  const lower = new Map(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name: string) => lower.get(name.toLowerCase()) ?? null },
    text: () => Promise.resolve(text),
  } as unknown as FakeResponse;
}

/** A response the test releases later, to hold a request in flight. */
export class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (reason: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** One queued answer: a response, a network failure, or a response the test releases later. */
export type Responder = FakeResponse | Error | Deferred<FakeResponse>;

/**
 * A `fetch` stub: answers per URL in the order the test queued them (an `Error` rejects, like a
 * network failure), records every call, and fails loudly on an unexpected one.
 */
export class FakeFetch {
  readonly calls: FetchCall[] = [];
  private readonly queues = new Map<string, Responder[]>();

  readonly fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? init.body : '',
      credentials: init.credentials,
    });
    const next = this.queues.get(url)?.shift();
    if (next === undefined) return Promise.reject(new Error(`unexpected fetch ${url}`));
    if (next instanceof Deferred) return next.promise;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }) as typeof fetch;

  /** Queues answers for `url`, used one per call. */
  when(url: string, ...responders: Responder[]): this {
    this.queues.set(url, [...(this.queues.get(url) ?? []), ...responders]);
    return this;
  }

  /** Calls made to `url`. */
  callsTo(url: string): FetchCall[] {
    return this.calls.filter((call) => call.url === url);
  }
}
