import { parseContinuationResponse } from './continuation-response';
import { interpretNativeAuthAnswer, processNativeAuthResponse } from './native-auth-outcome';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('interpretNativeAuthAnswer', () => {
  it('checks a 2xx with the endpoint’s parser', () => {
    expect(
      interpretNativeAuthAnswer(
        { status: 200, text: '{"continuation_token":"t"}' },
        parseContinuationResponse,
      ),
    ).toEqual({ kind: 'success', body: { continuation_token: 't' } });
  });

  it('takes challenge_type redirect on any 2xx as the redirect answer, before the parser', () => {
    const parse = jest.fn(parseContinuationResponse);
    expect(
      interpretNativeAuthAnswer(
        {
          status: 200,
          text: '{"challenge_type":"redirect","redirect_reason":"r","continuation_token":"t"}',
        },
        parse,
      ),
    ).toEqual({ kind: 'redirect', reason: 'r' });
    expect(parse).not.toHaveBeenCalled();
  });

  it('reads a non-2xx as an error body, with the status and Retry-After', () => {
    expect(
      interpretNativeAuthAnswer(
        { status: 429, text: '{"error":"slow_down"}', retryAfterSeconds: 30, requestId: 'req' },
        parseContinuationResponse,
      ),
    ).toEqual({
      kind: 'error',
      error: {
        status: 429,
        error: 'slow_down',
        errorCodes: [],
        description: '',
        retryAfterSeconds: 30,
      },
      requestId: 'req',
    });
  });

  it.each([
    [200, 'not json', 'not_json'],
    [200, '', 'not_json'],
    [200, '[1]', 'not_an_object'],
    [200, 'null', 'not_an_object'],
    [200, '{}', 'continuation_token_missing'],
    [400, '"invalid_grant"', 'not_an_error_body'],
    [400, '{"challenge_type":"redirect"}', 'not_an_error_body'],
    [500, '<html/>', 'not_json'],
    [302, '{"continuation_token":"t"}', 'not_an_error_body'],
  ] as const)('answers HTTP %d %j as invalid (%s)', (status, text, problem) => {
    expect(interpretNativeAuthAnswer({ status, text }, parseContinuationResponse)).toEqual({
      kind: 'invalid_response',
      status,
      problem,
    });
  });
});

describe('processNativeAuthResponse', () => {
  it('reads x-ms-request-id and a Retry-After date against the injected clock', async () => {
    const outcome = await processNativeAuthResponse(
      json(
        429,
        { error: 'throttled' },
        { 'x-ms-request-id': 'req-1', 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' },
      ),
      parseContinuationResponse,
      { now: () => Date.parse('2026-01-01T00:00:00Z') },
    );
    expect(outcome).toEqual({
      kind: 'error',
      error: {
        status: 429,
        error: 'throttled',
        errorCodes: [],
        description: '',
        retryAfterSeconds: 60,
      },
      requestId: 'req-1',
    });
  });

  it('does not read a body over the limit', async () => {
    const outcome = await processNativeAuthResponse(
      json(200, { continuation_token: 'x'.repeat(100) }, { 'retry-after': '5' }),
      parseContinuationResponse,
      { maxBytes: 50 },
    );
    expect(outcome).toEqual({
      kind: 'invalid_response',
      status: 200,
      problem: 'body_too_large',
      retryAfterSeconds: 5,
    });
  });

  it('reports a body that is not UTF-8 as not JSON', async () => {
    const outcome = await processNativeAuthResponse(
      new Response(new Uint8Array([0xff])),
      parseContinuationResponse,
    );
    expect(outcome).toEqual({ kind: 'invalid_response', status: 200, problem: 'not_json' });
  });
});
