// The invocation's trace context over real HTTP: the request's W3C traceparent and tracestate
// reach the handler as `context.traceContext`, as the Functions host hands them to the worker.
import { startSampleHost, type SampleHost } from './sample-host';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

let sample: SampleHost;

beforeAll(async () => {
  sample = await startSampleHost();
});

afterAll(async () => {
  await sample.host.close();
});

async function traceContextFor(headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${sample.host.url}/api/trace-context`, { headers });
  expect(response.status).toBe(200);
  return response.json();
}

describe('context.traceContext', () => {
  it('carries the caller’s traceparent and tracestate', async () => {
    expect(
      await traceContextFor({ traceparent: TRACEPARENT, tracestate: 'congo=t61rcWkgMzE' }),
    ).toEqual({ traceParent: TRACEPARENT, traceState: 'congo=t61rcWkgMzE', attributes: {} });
  });

  it('reads the traceparent case-insensitively, as the spec allows a receiver', async () => {
    expect(await traceContextFor({ traceparent: TRACEPARENT.toUpperCase() })).toEqual({
      traceParent: TRACEPARENT,
      traceState: '',
      attributes: {},
    });
  });

  it.each([
    ['no traceparent', {}],
    ['a malformed one', { traceparent: '00-xyz-00f067aa0ba902b7-01' }],
    ['another version', { traceparent: TRACEPARENT.replace(/^00/, '01') }],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` }],
    [
      'an all-zero parent id',
      { traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01` },
    ],
  ])('passes no parent for %s, so the app starts a new trace', async (_case, headers) => {
    expect(await traceContextFor({ ...headers, tracestate: 'congo=t61rcWkgMzE' })).toEqual({
      traceParent: '',
      traceState: '',
      attributes: {},
    });
  });
});
