// OpenTelemetry across the stack: the built emulator and API export over OTLP/HTTP (JSON) to a
// receiver this test runs, and the test follows one sign-in's trace from the caller through the
// proxy to the authority, reads the metric points, and scans everything exported for secrets.
import { createHmac, randomBytes } from 'node:crypto';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
import { SCOPE, XHR, post, sessionCookieOf, type Answer } from './proxy-client';
import { ALICE, apiEnv, startApi, startEmulator, type Started } from './start-stack';

const HASH_KEY = randomBytes(32);
const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;
const CLIENT_IP = { 'X-Forwarded-For': '198.51.100.7' };

/** A fresh W3C traceparent, as the web client sends: its trace id and its span (parent) id. */
function traceparent(): { header: string; traceId: string; parentId: string } {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${parentId}-01`, traceId, parentId };
}

describe('telemetry: traces and metrics of the API and the emulator over OTLP', () => {
  let receiver: OtlpReceiver;
  let emulator: Started;
  let api: Started;
  const exported = (): Record<string, string> => ({
    TELEMETRY_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_BSP_SCHEDULE_DELAY: '100',
    OTEL_METRIC_EXPORT_INTERVAL: '200',
  });

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    emulator = await startEmulator([], undefined, exported());
    api = await startApi(
      apiEnv(emulator.url, {
        ...exported(),
        TELEMETRY_HASH_KEY: HASH_KEY.toString('base64'),
        AUTH_TRUSTED_HOPS: '1',
        // Three attempts per client, so that the fourth is refused by the proxy itself.
        AUTH_THROTTLE_IP: '3/300',
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
    await receiver.stop();
  });

  const signIn = (password: string, trace: string): Promise<Answer> =>
    post(
      `${api.url}/api/auth/token`,
      { grant_type: 'password', username: ALICE.username, password, scope: SCOPE },
      { ...XHR, ...CLIENT_IP, traceparent: trace },
    );

  const spansOf = (traceId: string): ReceivedSpan[] =>
    receiver.spans.filter((span) => span.traceId === traceId);

  it('follows a sign-in from the caller through the proxy to the authority, and everything after', async () => {
    // A successful sign-in, with the caller's trace context.
    const caller = traceparent();
    const signedIn = await signIn(ALICE.password, caller.header);
    expect(signedIn.status).toBe(200);
    const accessToken = String(signedIn.body['access_token']);
    const idToken = String(signedIn.body['id_token']);

    await receiver.until(
      () => spansOf(caller.traceId).some((span) => span.name === 'b2c.token'),
      "the emulator's grant span",
    );
    const spans = spansOf(caller.traceId);
    const apiServer = spans.find((span) => span.service === 'api' && span.kind === SERVER);
    const upstream = spans.find((span) => span.service === 'api' && span.kind === CLIENT);
    const emulatorServer = spans.find(
      (span) => span.service === 'b2c-emulator' && span.kind === SERVER,
    );
    const grant = spans.find((span) => span.name === 'b2c.token');
    expect(apiServer).toMatchObject({
      name: 'POST auth/token',
      parentSpanId: caller.parentId,
      attributes: expect.objectContaining({
        'http.response.status_code': 200,
        'ropc.authority.kind': 'b2c',
        'ropc.outcome': 'success',
        // The account as the HMAC this test computes with the key it gave the API.
        'enduser.pseudo.id': createHmac('sha256', HASH_KEY)
          .update(ALICE.username.toLowerCase())
          .digest('hex'),
      }),
    });
    expect(upstream).toMatchObject({
      name: 'POST token',
      parentSpanId: apiServer?.spanId,
      attributes: expect.objectContaining({
        'ropc.upstream.endpoint': 'token',
        'http.response.status_code': 200,
      }),
    });
    expect(emulatorServer).toMatchObject({
      name: 'POST {tenant}/{policy}/oauth2/v2.0/token',
      parentSpanId: upstream?.spanId,
    });
    expect(grant).toMatchObject({
      kind: INTERNAL,
      parentSpanId: emulatorServer?.spanId,
      attributes: { 'ropc.grant_type': 'password', 'ropc.outcome': 'success' },
    });

    // /api/me twice with the token: its span under its caller's, a validation span under it,
    // and the second validation served from the verified-token cache.
    const meCaller = traceparent();
    for (const trace of [meCaller.header, traceparent().header]) {
      const me = await fetch(`${api.url}/api/me`, {
        headers: { Authorization: `Bearer ${accessToken}`, traceparent: trace },
      });
      expect(me.status).toBe(200);
    }
    await receiver.until(
      () => spansOf(meCaller.traceId).some((span) => span.name === 'token validation'),
      "/api/me's spans",
    );
    const meServer = spansOf(meCaller.traceId).find((span) => span.kind === SERVER);
    expect(meServer).toMatchObject({ name: 'GET me', parentSpanId: meCaller.parentId });
    expect(
      spansOf(meCaller.traceId).find((span) => span.name === 'token validation'),
    ).toMatchObject({
      parentSpanId: meServer?.spanId,
      attributes: expect.objectContaining({
        'ropc.token_validation.result': 'valid',
        'ropc.authority.kind': 'b2c',
      }),
    });

    // A refresh with the session cookie.
    const refreshed = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      ...CLIENT_IP,
      Cookie: sessionCookieOf(signedIn),
    });
    expect(refreshed.status).toBe(200);

    // A wrong password (the authority refuses), then two more attempts: the fourth of this
    // client is over AUTH_THROTTLE_IP and refused by the proxy itself.
    const wrong = 'Wrong-Passw0rd!';
    expect((await signIn(wrong, traceparent().header)).status).toBe(400);
    expect((await signIn(wrong, traceparent().header)).status).toBe(400);
    expect((await signIn(wrong, traceparent().header)).status).toBe(429);

    const b2c = { 'ropc.authority.kind': 'b2c' };
    const expected: [string, Record<string, unknown>][] = [
      ['ropc.sign_ins', { ...b2c, 'ropc.outcome': 'success' }],
      ['ropc.sign_ins', { ...b2c, 'ropc.outcome': 'rejected' }],
      ['ropc.sign_ins', { ...b2c, 'ropc.outcome': 'refused_by_proxy' }],
      ['ropc.proxy.refusals', { ...b2c, 'ropc.refusal.reason': 'client_throttled' }],
      ['ropc.refreshes', { ...b2c, 'ropc.outcome': 'success' }],
      ['ropc.upstream.calls', b2c],
      ['ropc.upstream.duration', { ...b2c, 'ropc.upstream.endpoint': 'token' }],
      ['ropc.upstream.period_calls', b2c],
      ['ropc.token_validation.cache_lookups', { ...b2c, 'ropc.cache.result': 'hit' }],
      ['ropc.jwks.fetches', { ...b2c, 'ropc.fetch.result': 'success' }],
    ];
    const upstreamCalls = 4; // sign-in, refresh, two wrong passwords
    await receiver.until(
      () =>
        expected.every(([name, attributes]) => receiver.pointValue(name, attributes) > 0) &&
        receiver.pointValue('ropc.upstream.calls', b2c) === upstreamCalls,
      'every metric point',
    );
    expect(
      Object.fromEntries(
        expected.map(([name, attributes]) => [
          `${name} ${JSON.stringify(attributes)}`,
          receiver.pointValue(name, attributes),
        ]),
      ),
    ).toEqual({
      'ropc.sign_ins {"ropc.authority.kind":"b2c","ropc.outcome":"success"}': 1,
      'ropc.sign_ins {"ropc.authority.kind":"b2c","ropc.outcome":"rejected"}': 2,
      'ropc.sign_ins {"ropc.authority.kind":"b2c","ropc.outcome":"refused_by_proxy"}': 1,
      'ropc.proxy.refusals {"ropc.authority.kind":"b2c","ropc.refusal.reason":"client_throttled"}': 1,
      'ropc.refreshes {"ropc.authority.kind":"b2c","ropc.outcome":"success"}': 1,
      'ropc.upstream.calls {"ropc.authority.kind":"b2c"}': upstreamCalls,
      'ropc.upstream.duration {"ropc.authority.kind":"b2c","ropc.upstream.endpoint":"token"}':
        upstreamCalls,
      'ropc.upstream.period_calls {"ropc.authority.kind":"b2c"}': upstreamCalls,
      'ropc.token_validation.cache_lookups {"ropc.authority.kind":"b2c","ropc.cache.result":"hit"}': 1,
      'ropc.jwks.fetches {"ropc.authority.kind":"b2c","ropc.fetch.result":"success"}': 1,
    });

    // Nothing exported, by either app, holds the password, a token or the plain username.
    const everything = receiver.bodies.join('\n');
    for (const secret of [
      ALICE.password,
      wrong,
      accessToken,
      idToken,
      ALICE.username,
      ALICE.username.split('@')[0] ?? '',
      encodeURIComponent(ALICE.username),
    ])
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
  }, 45_000);
});
