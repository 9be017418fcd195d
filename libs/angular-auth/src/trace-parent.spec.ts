import { newTraceparent } from './trace-parent';
import { traceSameOriginFetch } from './trace-same-origin-fetch';

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('newTraceparent', () => {
  it('is a version-00 traceparent with random ids and the sampled flag', () => {
    const first = newTraceparent();
    const second = newTraceparent();
    expect(first).toMatch(TRACEPARENT);
    expect(second).toMatch(TRACEPARENT);
    expect(first.slice(3, 35)).not.toBe(second.slice(3, 35));
  });

  it('takes its ids from the random source, never all zeros', () => {
    let calls = 0;
    const fill = (bytes: Uint8Array): Uint8Array => {
      calls++;
      // Zeros first (an invalid id), then 0xab.
      return calls === 1 ? bytes : bytes.fill(0xab);
    };
    expect(newTraceparent(fill)).toBe(`00-${'ab'.repeat(16)}-${'ab'.repeat(8)}-01`);
  });
});

describe('traceSameOriginFetch', () => {
  const ORIGIN = 'https://app.example.com';
  /** What each call sent: its URL and headers (lower-case names). jsdom has no Headers. */
  let seen: { url: string; headers: Map<string, string> }[];
  const fetchStub: typeof fetch = (input, init) => {
    const headers = Object.entries((init?.headers ?? {}) as Record<string, string>);
    seen.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers: new Map(headers.map(([name, value]) => [name.toLowerCase(), value])),
    });
    return Promise.resolve({} as Response);
  };
  const traced = traceSameOriginFetch(fetchStub, () => ORIGIN);

  beforeEach(() => {
    seen = [];
  });

  it.each([
    ['a relative URL', '/api/auth/token'],
    ['an absolute URL on the page origin', `${ORIGIN}/api/auth/refresh`],
    ['a URL object on the page origin', new URL('/api/auth/native/oauth2/v2.0/initiate', ORIGIN)],
  ])('sends a fresh traceparent to the page origin: %s', async (_case, input) => {
    await traced(input, { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    expect(seen[0]?.headers.get('traceparent')).toMatch(TRACEPARENT);
    expect(seen[0]?.headers.get('x-requested-with')).toBe('XMLHttpRequest');
  });

  it.each([
    [
      'the authority in direct mode',
      'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token',
    ],
    ['another port of the same host', 'https://app.example.com:8443/api/auth/token'],
    ['another scheme of the same host', 'http://app.example.com/api/auth/token'],
    [
      'External ID directly',
      'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/initiate',
    ],
  ])('sends no traceparent to another origin: %s', async (_case, url) => {
    await traced(url, { method: 'POST', headers: { Accept: 'application/json' } });
    expect(seen[0]?.headers.has('traceparent')).toBe(false);
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
  });

  it('keeps a traceparent the caller set', async () => {
    const own = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await traced('/api/auth/token', { headers: { traceparent: own } });
    expect(seen[0]?.headers.get('traceparent')).toBe(own);
  });

  it('sends none when the page has no origin (server rendering)', async () => {
    await traceSameOriginFetch(fetchStub, () => undefined)('/api/auth/token');
    expect(seen[0]?.headers.has('traceparent')).toBe(false);
  });
});
