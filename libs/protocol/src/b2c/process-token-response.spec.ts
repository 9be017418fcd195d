import { ResponseBodyError } from './response-body-error';
import { processTokenResponse } from './process-token-response';
import seedPasswordResponse from '../../test/fixtures/seed-password-response.json';
import { INVALID_CREDENTIALS_ERROR } from '../../test/fixtures/reference-examples';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

describe('processTokenResponse', () => {
  it('returns the normalised response of a 200', async () => {
    await expect(processTokenResponse(json(200, seedPasswordResponse))).resolves.toMatchObject({
      expires_in: 3600,
    });
  });

  it('throws a ResponseBodyError carrying the parsed AADB2C code and class', async () => {
    const error = await processTokenResponse(json(400, INVALID_CREDENTIALS_ERROR)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({
      code: 'ERR_RESPONSE_BODY',
      status: 400,
      error: 'access_denied',
      b2cCode: 'AADB2C90225',
      errorClass: 'invalid_credentials',
      correlationId: '9b3c19e2-5f1d-4b8e-a2c4-7d9e0f1a2b3c',
      timestamp: '2019-01-30 13:35:09Z',
      message: 'The username or password provided in the request are invalid.',
      retryAfterSeconds: undefined,
    });
  });

  it('reads Retry-After on a throttled answer', async () => {
    const body = {
      error: 'temporarily_unavailable',
      error_description: 'AADB2C90244: Too many.\r\n',
    };
    await expect(
      processTokenResponse(json(429, body, { 'retry-after': '30' })),
    ).rejects.toMatchObject({
      errorClass: 'throttled',
      retryAfterSeconds: 30,
    });
  });

  it.each([
    [200, 'not json'],
    [502, '<html>Bad gateway</html>'],
    [400, { message: 'no oauth fields' }],
  ])(
    'throws a NonConformingResponseError for HTTP %i with a foreign body',
    async (status, body) => {
      await expect(processTokenResponse(json(status, body))).rejects.toMatchObject({
        code: 'ERR_NON_CONFORMING_RESPONSE',
        status,
      });
    },
  );
});
