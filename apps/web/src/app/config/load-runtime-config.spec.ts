import { loadRuntimeConfig } from './load-runtime-config';

const config = {
  mode: 'proxy',
  tokenEndpoint: '/api/auth/token',
  clientId: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  scopes: ['openid', 'offline_access'],
  protectedResources: [],
};

/** A `fetch` answering `body` (jsdom has no `Response`, so only what the loader reads). */
function answer(body: string, status = 200): typeof fetch {
  const response = {
    ok: status >= 200 && status < 300,
    status,
    json: () => Promise.resolve().then(() => JSON.parse(body) as unknown),
  };
  return jest.fn(() => Promise.resolve(response as Response));
}

describe('loadRuntimeConfig', () => {
  it('fetches config.json, revalidating any cached copy, and sets the sign-in route', async () => {
    const fetchConfig = answer(JSON.stringify(config));
    await expect(loadRuntimeConfig(fetchConfig)).resolves.toEqual({
      ...config,
      signInPath: '/sign-in',
    });
    expect(fetchConfig).toHaveBeenCalledWith(
      'config.json',
      expect.objectContaining({ cache: 'no-cache' }),
    );
  });

  it('names the file and the status when it is missing', async () => {
    await expect(loadRuntimeConfig(answer('not found', 404))).rejects.toThrow(
      'Could not load config.json: HTTP 404',
    );
  });

  it.each(['<!doctype html>', '[1, 2]', 'null'])(
    'refuses %s as not a JSON object',
    async (body) => {
      await expect(loadRuntimeConfig(answer(body))).rejects.toThrow(
        'Could not load config.json: it must hold a JSON object',
      );
    },
  );

  it('says when the server cannot be reached', async () => {
    const unreachable: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadRuntimeConfig(unreachable)).rejects.toThrow(
      'Could not load config.json: the server is unreachable',
    );
  });
});
