import { HttpRequest, InvocationContext } from '@azure/functions';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { createHmac } from 'node:crypto';
import { annotateRequestSpan } from './request-span';
import { inInternalSpan } from './internal-span';
import { tracedHandler } from './invocation-spans';
import { REDACTED } from './secret-guard';
import { currentTelemetry } from './current-telemetry';
import { startTestTelemetry, type TestTelemetry } from './testing';
import { traceUpstreamCall } from './upstream-call-trace';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const HASH_KEY = new Uint8Array(Buffer.alloc(32, 9));

function invocation(traceParent?: string): InvocationContext {
  return new InvocationContext({
    invocationId: 'inv-1',
    functionName: 'auth-token',
    ...(traceParent === undefined ? {} : { traceContext: { traceParent, attributes: {} } }),
    options: { trigger: { type: 'httpTrigger', name: 'request', route: 'auth/token' } },
  });
}

const request = (): HttpRequest =>
  new HttpRequest({ method: 'POST', url: 'http://127.0.0.1/api/auth/token?secret=x' });

describe('the telemetry pipeline (in memory)', () => {
  let test: TestTelemetry;

  beforeEach(async () => {
    test = await startTestTelemetry({ hashKey: HASH_KEY });
  });

  afterEach(async () => {
    await test.shutdown();
  });

  it('joins the caller’s trace: server span, upstream client span with traceparent, child span', async () => {
    let sentHeaders: Readonly<Record<string, string>> = {};
    const handler = tracedHandler(
      async () => {
        annotateRequestSpan({ 'ropc.outcome': 'success' });
        await inInternalSpan('token validation', { 'ropc.authority.kind': 'b2c' }, (notes) => {
          notes.set({ 'ropc.token_validation.result': 'valid' });
          return Promise.resolve();
        });
        const call = traceUpstreamCall(
          'b2c',
          'http://127.0.0.1:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token?p=x',
        );
        sentHeaders = call.headers;
        call.answered(200);
        call.end();
        return { status: 200 };
      },
      invocation(`00-${CALLER_TRACE}-${CALLER_SPAN}-01`),
    );
    await handler(request(), invocation());

    const spans = test.spans();
    const server = spans.find((span) => span.kind === SpanKind.SERVER);
    const client = spans.find((span) => span.kind === SpanKind.CLIENT);
    const internal = spans.find((span) => span.name === 'token validation');
    expect(server?.name).toBe('POST auth/token');
    expect(server?.spanContext().traceId).toBe(CALLER_TRACE);
    expect(server?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(server?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': 'auth/token',
      'url.path': '/api/auth/token',
      'http.response.status_code': 200,
      'faas.invocation_id': 'inv-1',
      'ropc.outcome': 'success',
    });
    expect(client?.name).toBe('POST token');
    expect(client?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(client?.attributes).toMatchObject({
      'url.full': 'http://127.0.0.1:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token',
      'ropc.upstream.endpoint': 'token',
      'http.response.status_code': 200,
    });
    expect(sentHeaders['traceparent']).toBe(
      `00-${CALLER_TRACE}-${client?.spanContext().spanId ?? ''}-01`,
    );
    expect(internal?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(internal?.attributes['ropc.token_validation.result']).toBe('valid');

    const points = await test.metricPoints();
    expect(points).toContainEqual(
      expect.objectContaining({
        name: 'ropc.upstream.duration',
        value: 1,
        attributes: {
          'ropc.authority.kind': 'b2c',
          'ropc.upstream.endpoint': 'token',
          'http.response.status_code': 200,
        },
      }),
    );
  });

  it('starts a new trace when the host gives no trace context', async () => {
    await tracedHandler(() => Promise.resolve({ status: 204 }), invocation())(
      request(),
      invocation(),
    );
    const [server] = test.spans();
    expect(server?.parentSpanContext).toBeUndefined();
    expect(server?.attributes['http.response.status_code']).toBe(204);
  });

  it('ends the span of a failing function as an error, naming the error only', async () => {
    const failing = tracedHandler(() => {
      throw new RangeError('alice@contoso.com typed Hunter2!');
    }, invocation());
    await expect(failing(request(), invocation())).rejects.toThrow(RangeError);
    const [server] = test.spans();
    expect(server?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'the function failed' });
    expect(server?.attributes['error.type']).toBe('RangeError');
    expect(JSON.stringify(server?.attributes)).not.toContain('Hunter2');
  });

  it('redacts, before export, an attribute that looks like a secret whoever set it', async () => {
    await tracedHandler(() => {
      // As a careless instrumentation might: straight on the span, past annotateRequestSpan.
      const { tracer } = currentTelemetry();
      const span = tracer.startSpan('careless');
      span.setAttribute('user.email', 'alice@contoso.com');
      span.setAttribute('token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl');
      span.end();
      return Promise.resolve({ status: 200 });
    }, invocation())(request(), invocation());
    const careless = test.spans().find((span) => span.name === 'careless');
    expect(careless?.attributes).toEqual({ 'user.email': REDACTED, token: REDACTED });
  });

  it('records each instrument with its attributes', async () => {
    const { instruments, accounts } = currentTelemetry();
    instruments.signIns.record('b2c', 'success');
    instruments.signIns.record('b2c', 'rejected');
    instruments.signIns.record('external-id', 'success');
    instruments.refreshes.record('b2c', 'success');
    instruments.refusals.record('b2c', 'account_protected');
    instruments.lockouts.record('external-id');
    instruments.upstream.call('b2c');
    instruments.upstream.throttled('b2c');
    instruments.upstream.observePeriod('b2c', () => 42);
    instruments.tokenValidation.cacheLookup('b2c', true);
    instruments.tokenValidation.jwksFetched('b2c', true);
    const points = await test.metricPoints();
    const point = (name: string, attributes: Record<string, unknown>) =>
      points.find(
        (candidate) =>
          candidate.name === name &&
          JSON.stringify(candidate.attributes) === JSON.stringify(attributes),
      )?.value;
    const b2c = { 'ropc.authority.kind': 'b2c' };
    expect(point('ropc.sign_ins', { ...b2c, 'ropc.outcome': 'success' })).toBe(1);
    expect(point('ropc.sign_ins', { ...b2c, 'ropc.outcome': 'rejected' })).toBe(1);
    expect(
      point('ropc.sign_ins', { 'ropc.authority.kind': 'external-id', 'ropc.outcome': 'success' }),
    ).toBe(1);
    expect(point('ropc.refreshes', { ...b2c, 'ropc.outcome': 'success' })).toBe(1);
    expect(
      point('ropc.proxy.refusals', { ...b2c, 'ropc.refusal.reason': 'account_protected' }),
    ).toBe(1);
    expect(point('ropc.lockouts', { 'ropc.authority.kind': 'external-id' })).toBe(1);
    expect(point('ropc.upstream.calls', b2c)).toBe(1);
    expect(point('ropc.upstream.throttled', b2c)).toBe(1);
    expect(point('ropc.upstream.period_calls', b2c)).toBe(42);
    expect(
      point('ropc.token_validation.cache_lookups', { ...b2c, 'ropc.cache.result': 'hit' }),
    ).toBe(1);
    expect(point('ropc.jwks.fetches', { ...b2c, 'ropc.fetch.result': 'success' })).toBe(1);
    expect(accounts.of('alice@contoso.com')).toBe(
      createHmac('sha256', HASH_KEY).update('alice@contoso.com').digest('hex'),
    );
  });
});
