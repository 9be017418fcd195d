import { ConfigError, loadConfig } from './config';

const REQUIRED = {
  B2C_AUTHORITY: 'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth',
  B2C_CLIENT_ID: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  API_AUDIENCE: '0e842314-a3f9-451e-a34c-f22568d6db61',
  AUTH_COOKIE_KEYS: 'test-1:dGVzdC1vbmx5LWNvb2tpZS1rZXktMzItYnl0ZXMhISE=',
};
const ACCOUNT =
  'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ ...REQUIRED, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig: shared state storage', () => {
  it('keeps the state in memory without STORAGE_CONNECTION_STRING', () => {
    expect(loadConfig(REQUIRED).storage).toBeUndefined();
    expect(loadConfig({ ...REQUIRED, STORAGE_CONNECTION_STRING: ' ' }).storage).toBeUndefined();
  });

  it('takes Azurite or an account, with a 5 s timeout unless STORAGE_TIMEOUT_MS says otherwise', () => {
    expect(
      loadConfig({ ...REQUIRED, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage,
    ).toEqual({
      connectionString: 'UseDevelopmentStorage=true',
      timeoutMs: 5000,
    });
    const env = { ...REQUIRED, STORAGE_CONNECTION_STRING: ACCOUNT, STORAGE_TIMEOUT_MS: '1500' };
    expect(loadConfig(env).storage).toEqual({ connectionString: ACCOUNT, timeoutMs: 1500 });
  });

  it('reports a bad timeout and an unreadable connection string without quoting it', () => {
    const problems = problemsOf({
      STORAGE_CONNECTION_STRING: 'AccountName=contoso;AccountKey=c2VjcmV0LWtleQ==',
      STORAGE_TIMEOUT_MS: '50',
    });
    expect(problems).toEqual([
      'STORAGE_TIMEOUT_MS must be 100–60000',
      'STORAGE_CONNECTION_STRING must be UseDevelopmentStorage=true or an Azure Storage connection string',
    ]);
    expect(problemsOf({ STORAGE_TIMEOUT_MS: '1.5' })).toEqual([
      'STORAGE_TIMEOUT_MS must be 100–60000',
    ]);
  });
});

describe('loadConfig: identity protection of the sign-in proxy', () => {
  it("defaults to docs/architecture.md's budgets and throttles", () => {
    expect(loadConfig(REQUIRED).protection).toEqual({
      authorityLockoutThreshold: 10,
      failureBudget: {
        anonymous: 4,
        perDevice: 2,
        devicesPerAccount: 4,
        memorySeconds: 86_400,
        deviceTrustSeconds: 15_552_000,
      },
      signInPerClient: { limit: 20, windowSeconds: 60 },
      refreshPerSession: { limit: 20, windowSeconds: 60 },
      refreshPerClient: { limit: 600, windowSeconds: 60 },
    });
  });

  it('takes budgets that stay two below the authority threshold', () => {
    const { protection } = loadConfig({
      ...REQUIRED,
      AUTH_AUTHORITY_LOCKOUT_THRESHOLD: '5',
      AUTH_ANONYMOUS_FAILURE_BUDGET: '2',
      AUTH_DEVICE_FAILURE_BUDGET: '1/1',
      AUTH_FAILURE_MEMORY_SECONDS: '3600',
    });
    expect(protection.failureBudget).toMatchObject({
      anonymous: 2,
      perDevice: 1,
      devicesPerAccount: 1,
      memorySeconds: 3600,
    });
  });

  it('refuses budgets that could let the authority lock an account', () => {
    expect(problemsOf({ AUTH_AUTHORITY_LOCKOUT_THRESHOLD: '5' })).toEqual([
      'AUTH_ANONYMOUS_FAILURE_BUDGET (4) + the per-account AUTH_DEVICE_FAILURE_BUDGET (4) must not exceed AUTH_AUTHORITY_LOCKOUT_THRESHOLD − 2 (3), or attempts through the proxy could lock the account at the authority',
    ]);
    expect(
      problemsOf({ AUTH_DEVICE_FAILURE_BUDGET: '3/2', AUTH_FAILURE_MEMORY_SECONDS: '10' }),
    ).toEqual([
      'AUTH_FAILURE_MEMORY_SECONDS must be a whole number from 60 to 2592000',
      'the per-device failure budget cannot exceed the per-account device budget',
    ]);
    expect(
      problemsOf({ AUTH_DEVICE_FAILURE_BUDGET: 'two', AUTH_THROTTLE_REFRESH_IP: '0/60' }),
    ).toEqual([
      'AUTH_DEVICE_FAILURE_BUDGET must look like "perDevice/perAccount", e.g. 2/4',
      'AUTH_THROTTLE_REFRESH_IP must look like "limit/windowSeconds", e.g. 600/60',
    ]);
  });

  it('refuses the retired AUTH_THROTTLE_USERNAME, naming its successors', () => {
    expect(problemsOf({ AUTH_THROTTLE_USERNAME: '5/300' })).toEqual([
      'AUTH_THROTTLE_USERNAME is no longer read: per-account failure budgets replace it — set AUTH_ANONYMOUS_FAILURE_BUDGET, AUTH_DEVICE_FAILURE_BUDGET and AUTH_FAILURE_MEMORY_SECONDS instead',
    ]);
  });
});

describe('loadConfig: AUTH_COOKIE_SECURE', () => {
  it('is auto by default, takes always, and refuses anything else', () => {
    expect(loadConfig(REQUIRED).cookieSecure).toBe('auto');
    expect(loadConfig({ ...REQUIRED, AUTH_COOKIE_SECURE: 'always' }).cookieSecure).toBe('always');
    expect(problemsOf({ AUTH_COOKIE_SECURE: 'yes' })).toEqual([
      'AUTH_COOKIE_SECURE must be "auto" (Secure unless the host is loopback) or "always"',
    ]);
  });
});

describe('loadConfig: the authorities (B2C, Entra External ID, or both)', () => {
  const B2C = {
    B2C_AUTHORITY: REQUIRED.B2C_AUTHORITY,
    B2C_CLIENT_ID: REQUIRED.B2C_CLIENT_ID,
    API_AUDIENCE: REQUIRED.API_AUDIENCE,
  };
  const EXTERNAL_ID = {
    EXTERNAL_ID_AUTHORITY: 'http://localhost:7072/contosoid.onmicrosoft.com',
    EXTERNAL_ID_CLIENT_ID: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45',
    EXTERNAL_ID_API_AUDIENCE:
      'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28, api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28',
  };
  const COOKIES = { AUTH_COOKIE_KEYS: REQUIRED.AUTH_COOKIE_KEYS };

  /** The problems of exactly `env` (no REQUIRED underneath). */
  function problemsOfOnly(env: Record<string, string>): readonly string[] {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  }

  it('reads B2C alone as before, with no External ID', () => {
    const config = loadConfig({ ...B2C, ...COOKIES });
    expect(config.b2c).toEqual({
      authority: B2C.B2C_AUTHORITY,
      parsedAuthority: {
        origin: 'http://localhost:7072',
        tenant: 'contoso.onmicrosoft.com',
        policy: 'B2C_1_ROPC_Auth',
        style: 'path',
      },
      clientId: B2C.B2C_CLIENT_ID,
      audiences: [B2C.API_AUDIENCE],
    });
    expect(config.externalId).toBeUndefined();
  });

  it('reads External ID alone, its audiences as a list, without B2C', () => {
    const config = loadConfig({ ...EXTERNAL_ID, ...COOKIES });
    expect(config.b2c).toBeUndefined();
    expect(config.externalId).toEqual({
      authority: 'http://localhost:7072/contosoid.onmicrosoft.com',
      clientId: EXTERNAL_ID.EXTERNAL_ID_CLIENT_ID,
      audiences: [
        'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28',
        'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28',
      ],
    });
  });

  it('reads both at once', () => {
    const config = loadConfig({ ...B2C, ...EXTERNAL_ID, ...COOKIES });
    expect(config.b2c?.authority).toBe(B2C.B2C_AUTHORITY);
    expect(config.externalId?.authority).toBe(EXTERNAL_ID.EXTERNAL_ID_AUTHORITY);
  });

  it('takes the tenant-id form and a bare ciamlogin.com host, without a trailing slash', () => {
    const authorityOf = (EXTERNAL_ID_AUTHORITY: string) =>
      loadConfig({ ...EXTERNAL_ID, ...COOKIES, EXTERNAL_ID_AUTHORITY }).externalId?.authority;
    expect(
      authorityOf('https://contosoid.ciamlogin.com/7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37/'),
    ).toBe('https://contosoid.ciamlogin.com/7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37');
    expect(authorityOf('https://contosoid.ciamlogin.com/')).toBe(
      'https://contosoid.ciamlogin.com/contosoid.onmicrosoft.com',
    );
  });

  it('asks for one authority or both when neither is set', () => {
    expect(problemsOfOnly({ ...COOKIES, B2C_AUTHORITY: ' ' })).toEqual([
      'set the Azure AD B2C settings (B2C_AUTHORITY, B2C_CLIENT_ID, API_AUDIENCE), the Entra External ID settings (EXTERNAL_ID_AUTHORITY, EXTERNAL_ID_CLIENT_ID, EXTERNAL_ID_API_AUDIENCE), or both',
    ]);
  });

  it("reads an authority whole once one of its settings is given, and reports both authorities' problems at once", () => {
    expect(
      problemsOfOnly({
        ...COOKIES,
        API_AUDIENCE: B2C.API_AUDIENCE,
        EXTERNAL_ID_AUTHORITY: 'http://contosoid.ciamlogin.com/contosoid.onmicrosoft.com',
        EXTERNAL_ID_CLIENT_ID: 'contoso-notes-spa',
        AUTH_TRUSTED_HOPS: '11',
      }),
    ).toEqual([
      'B2C_AUTHORITY must be a policy authority, e.g. https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth',
      'B2C_CLIENT_ID must be the web client application id (a GUID)',
      'EXTERNAL_ID_AUTHORITY must be an External ID tenant authority, e.g. https://contoso.ciamlogin.com/contoso.onmicrosoft.com (https; http only on a loopback host)',
      'EXTERNAL_ID_CLIENT_ID must be the web client application id (a GUID)',
      'EXTERNAL_ID_API_AUDIENCE is required (the API application id and/or its api://{id} URI)',
      'AUTH_TRUSTED_HOPS must be an integer 0–10',
    ]);
  });

  it('refuses the client id among the External ID audiences: id tokens carry it as aud', () => {
    expect(
      problemsOfOnly({
        ...EXTERNAL_ID,
        ...COOKIES,
        EXTERNAL_ID_API_AUDIENCE: `${EXTERNAL_ID.EXTERNAL_ID_API_AUDIENCE},C5A1E7D2-4B38-4F96-A0E3-9D1B6C2F8A45`,
      }),
    ).toEqual([
      'EXTERNAL_ID_API_AUDIENCE must not hold EXTERNAL_ID_CLIENT_ID (id tokens carry the client id as their aud)',
    ]);
  });
});

describe('loadConfig: the native-authentication proxy', () => {
  it('defaults to pass-through off, a day of session, and the send and start limits', () => {
    expect(loadConfig(REQUIRED).nativeProxy).toEqual({
      passthrough: false,
      refreshLifetimeSeconds: 86_400,
      codeSendsPerAccount: { limit: 10, windowSeconds: 900 },
      codeSendsPerClient: { limit: 30, windowSeconds: 900 },
      signUpStartsPerClient: { limit: 10, windowSeconds: 3600 },
      resetStartsPerAccount: { limit: 5, windowSeconds: 3600 },
      resetStartsPerClient: { limit: 10, windowSeconds: 3600 },
    });
  });

  it('takes its settings', () => {
    const { nativeProxy } = loadConfig({
      ...REQUIRED,
      AUTH_NATIVE_PASSTHROUGH: 'ON',
      AUTH_NATIVE_REFRESH_LIFETIME_SECONDS: '3600',
      AUTH_NATIVE_CODE_SENDS_ACCOUNT: '3/600',
      AUTH_NATIVE_RESET_IP: '4/60',
    });
    expect(nativeProxy).toMatchObject({
      passthrough: true,
      refreshLifetimeSeconds: 3600,
      codeSendsPerAccount: { limit: 3, windowSeconds: 600 },
      resetStartsPerClient: { limit: 4, windowSeconds: 60 },
    });
  });

  it('reports every bad setting at once', () => {
    expect(
      problemsOf({
        AUTH_NATIVE_PASSTHROUGH: 'yes',
        AUTH_NATIVE_REFRESH_LIFETIME_SECONDS: '10',
        AUTH_NATIVE_CODE_SENDS_ACCOUNT: 'lots',
        AUTH_NATIVE_CODE_SENDS_IP: '0/60',
        AUTH_NATIVE_SIGNUP_IP: '1',
        AUTH_NATIVE_RESET_ACCOUNT: '1/0',
        AUTH_NATIVE_RESET_IP: '/',
      }),
    ).toEqual([
      'AUTH_NATIVE_PASSTHROUGH must be "on" or "off"',
      'AUTH_NATIVE_REFRESH_LIFETIME_SECONDS must be a whole number from 60 to 7776000',
      'AUTH_NATIVE_CODE_SENDS_ACCOUNT must look like "limit/windowSeconds", e.g. 10/900',
      'AUTH_NATIVE_CODE_SENDS_IP must look like "limit/windowSeconds", e.g. 30/900',
      'AUTH_NATIVE_SIGNUP_IP must look like "limit/windowSeconds", e.g. 10/3600',
      'AUTH_NATIVE_RESET_ACCOUNT must look like "limit/windowSeconds", e.g. 5/3600',
      'AUTH_NATIVE_RESET_IP must look like "limit/windowSeconds", e.g. 10/3600',
    ]);
  });
});
