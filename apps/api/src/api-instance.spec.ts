import { createTokenValidator } from '@ropc/token-validation';

jest.mock('@ropc/token-validation', () => ({
  ...jest.requireActual<typeof import('@ropc/token-validation')>('@ropc/token-validation'),
  createTokenValidator: jest.fn(() => ({ validate: jest.fn() })),
}));

const ENV = {
  B2C_AUTHORITY: 'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth',
  B2C_CLIENT_ID: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  API_AUDIENCE: '0e842314-a3f9-451e-a34c-f22568d6db61',
  AUTH_COOKIE_KEYS: 'test-1:dGVzdC1vbmx5LWNvb2tpZS1rZXktMzItYnl0ZXMhISE=',
};

/** The options getApi() gave the token validator, with `env` as the process environment. */
function validatorOptionsWith(env: Record<string, string>): unknown {
  const saved = { ...process.env };
  Object.assign(process.env, ENV, env);
  try {
    jest.isolateModules(() => {
      void jest.requireActual<typeof import('./api-instance')>('./api-instance').getApi();
    });
  } finally {
    process.env = saved;
  }
  return jest.mocked(createTokenValidator).mock.lastCall?.[0];
}

describe('getApi: the token validator it builds', () => {
  it('turns the verified-token cache off with AUTH_TOKEN_CACHE=off, and leaves it on by default', () => {
    expect(validatorOptionsWith({ AUTH_TOKEN_CACHE: 'off' })).toMatchObject({ cache: false });
    expect(validatorOptionsWith({})).not.toHaveProperty('cache');
  });

  it('passes the key refresh and refetch cooldown settings', () => {
    expect(
      validatorOptionsWith({
        AUTH_JWKS_REFRESH_SECONDS: '60',
        AUTH_JWKS_REFETCH_COOLDOWN_SECONDS: '5',
      }),
    ).toMatchObject({ keys: { refreshIntervalMs: 60_000, refetchCooldownMs: 5000 } });
  });
});
