import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError } from '../oauth/errors';
import type { TokenClientOptions } from '../oauth/token-endpoint-request';
import { ResponseBodyError } from './response-body-error';
import { passwordGrant, refreshTokenGrant } from './token-client';
import seedRefreshResponse from '../../test/fixtures/seed-refresh-response.json';
import { CLIENT_ID, INVALID_CREDENTIALS_ERROR } from '../../test/fixtures/reference-examples';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

describe('token client over real HTTP', () => {
  let server: Server;
  let handler: Handler;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () => {
        handler(request, body, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const options = (extra: Partial<TokenClientOptions> = {}): TokenClientOptions => ({
    tokenEndpoint: endpoint,
    clientId: CLIENT_ID,
    now: () => 1_764_000_000_000,
    ...extra,
  });

  const answer =
    (status: number, body: unknown): Handler =>
    (_request, _body, response) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };

  it('posts the password grant as a form with B2C response_type and returns a token set', async () => {
    let seen: { method?: string; type?: string; body?: string } = {};
    handler = (request, body, response) => {
      seen = { method: request.method, type: request.headers['content-type'], body };
      answer(200, seedRefreshResponse)(request, body, response);
    };
    const set = await passwordGrant(options(), {
      username: 'alice@contoso.com',
      password: 'Alice-Passw0rd! +&=%',
      scope: `openid ${CLIENT_ID} offline_access`,
    });
    expect(seen).toEqual({
      method: 'POST',
      type: 'application/x-www-form-urlencoded',
      body:
        `grant_type=password&client_id=${CLIENT_ID}&username=alice%40contoso.com` +
        `&password=Alice-Passw0rd%21+%2B%26%3D%25&scope=openid+${CLIENT_ID}+offline_access` +
        '&response_type=token+id_token',
    });
    expect(set.refreshToken).toBe(seedRefreshResponse.refresh_token);
    expect(set.accessTokenExpiresAt).toBe(1_764_003_600_000);
  });

  it('posts the refresh grant with the refresh token and resource', async () => {
    let body = '';
    handler = (request, requestBody, response) => {
      body = requestBody;
      answer(200, seedRefreshResponse)(request, requestBody, response);
    };
    await refreshTokenGrant(options(), { refreshToken: 'rt-1', resource: CLIENT_ID });
    expect(new URLSearchParams(body).get('refresh_token')).toBe('rt-1');
    expect(new URLSearchParams(body).get('resource')).toBe(CLIENT_ID);
  });

  it('throws a ResponseBodyError that never contains the password', async () => {
    handler = answer(400, INVALID_CREDENTIALS_ERROR);
    const error = await passwordGrant(options(), {
      username: 'alice@contoso.com',
      password: 'Secret-123',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect((error as ResponseBodyError).b2cCode).toBe('AADB2C90225');
    expect(JSON.stringify(error) + String(error)).not.toContain('Secret-123');
  });

  it('gives ERR_TIMEOUT when the server does not answer in time', async () => {
    handler = () => undefined;
    await expect(
      passwordGrant(options({ timeoutMs: 50 }), { username: 'u', password: 'p' }),
    ).rejects.toEqual(new NetworkError('ERR_TIMEOUT', 'the token endpoint did not answer in time'));
  });

  it('gives ERR_ABORTED when the caller aborts', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = passwordGrant(
      options(),
      { username: 'u', password: 'p' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });

  it('gives ERR_NETWORK when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      passwordGrant(options({ tokenEndpoint: `http://127.0.0.1:${port}/token` }), {
        username: 'u',
        password: 'p',
      }),
    ).rejects.toMatchObject({
      code: 'ERR_NETWORK',
      message: 'the token endpoint could not be reached',
    });
  });

  it('sends extra headers such as the sign-in proxy CSRF header', async () => {
    let header: string | undefined;
    handler = (request, body, response) => {
      header = request.headers['x-requested-with'] as string;
      answer(200, seedRefreshResponse)(request, body, response);
    };
    await passwordGrant(options({ headers: { 'X-Requested-With': 'XMLHttpRequest' } }), {
      username: 'u',
      password: 'p',
    });
    expect(header).toBe('XMLHttpRequest');
  });
});
