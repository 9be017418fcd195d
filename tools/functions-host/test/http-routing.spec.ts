// Routing over real HTTP: route prefix, templates, precedence, 404/405.
import { startSampleHost, type SampleHost } from './sample-host';

let sample: SampleHost;
let base: string;

beforeAll(async () => {
  sample = await startSampleHost({ quiet: true });
  base = sample.host.url;
});

afterAll(() => sample.host.close());

async function getJson(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('routes', () => {
  it('lists the HTTP routes in registration order, with methods, URL and auth level', () => {
    expect(sample.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sample.host.routes[0]).toEqual({
      functionName: 'hello',
      methods: ['GET'],
      template: 'api/hello',
      url: `${base}/api/hello`,
      authLevel: 'function',
    });
    expect(sample.host.routes.find((route) => route.functionName === 'echo')).toMatchObject({
      methods: ['POST'],
      template: 'api/echo',
      authLevel: 'anonymous',
    });
  });

  it('serves a function under the route prefix without enforcing its auth level', async () => {
    const response = await fetch(`${base}/api/hello?name=Ada`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(await response.text()).toBe('Hello, Ada');
  });

  it('passes route values to request.params, preferring the constrained route', async () => {
    expect(await getJson('/api/items/42')).toEqual({
      status: 200,
      body: { by: 'id', params: { id: '42' } },
    });
    expect(await getJson('/api/items/abc')).toEqual({
      status: 200,
      body: { by: 'name', params: { name: 'abc' } },
    });
    expect((await getJson('/api/items/99999999999')).body.by).toBe('name');
  });

  it('matches optional parameters with and without a value', async () => {
    expect((await getJson('/api/optional')).body).toEqual({ params: {} });
    expect((await getJson('/api/optional/first-value')).body).toEqual({
      params: { first: 'first-value' },
    });
  });

  it('matches catch-all parameters over several decoded segments', async () => {
    expect((await getJson('/api/files')).body).toEqual({ params: {} });
    expect((await getJson('/api/files/a/b%20c/d.txt')).body).toEqual({
      params: { path: 'a/b c/d.txt' },
    });
  });

  it('matches literal segments case-insensitively and ignores one trailing slash', async () => {
    for (const path of ['/api/Case/Sensitive', '/API/case/SENSITIVE/']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('matched');
    }
  });

  it('answers 404 for unknown paths, including paths outside the route prefix', async () => {
    for (const path of ['/api/nope', '/hello', '/api/items/', '/api/hello/extra', '/']) {
      expect(await getJson(path)).toEqual({ status: 404, body: { error: 'not_found' } });
    }
  });

  it('answers 405 with an Allow header for a known path and an unregistered method', async () => {
    const response = await fetch(`${base}/api/multi`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE, PUT');
    expect(await response.json()).toEqual({ error: 'method_not_allowed' });
    expect(await getJson('/api/multi', { method: 'PUT' })).toEqual({
      status: 200,
      body: { method: 'PUT' },
    });
    expect((await getJson('/api/multi', { method: 'DELETE' })).body).toEqual({ method: 'DELETE' });
  });
});
