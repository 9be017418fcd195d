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
