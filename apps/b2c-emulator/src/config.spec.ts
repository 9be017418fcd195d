import { ConfigError, flagsToEnv, loadConfig } from './config';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/work');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig storage settings', () => {
  it('keeps state in memory with a 5 s storage timeout by default', () => {
    const config = loadConfig({}, '/work');
    expect([config.storageConnectionString, config.storageTimeoutMs]).toEqual([undefined, 5000]);
  });

  it('takes a connection string and a timeout', () => {
    const config = loadConfig(
      { STORAGE_CONNECTION_STRING: AZURITE, STORAGE_TIMEOUT_MS: '1500' },
      '/work',
    );
    expect([config.storageConnectionString, config.storageTimeoutMs]).toEqual([AZURITE, 1500]);
    expect(
      loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, '/work')
        .storageConnectionString,
    ).toBe('UseDevelopmentStorage=true');
  });

  it('reports a bad connection string without quoting it, and a bad timeout, at once', () => {
    const problems = problemsOf({
      STORAGE_CONNECTION_STRING: 'AccountName=x;AccountKey=c2VjcmV0LWtleQ==',
      STORAGE_TIMEOUT_MS: '50',
    });
    expect(problems).toEqual([
      'STORAGE_CONNECTION_STRING must be UseDevelopmentStorage=true or an Azure Storage connection string (account key or SAS)',
      'STORAGE_TIMEOUT_MS must be an integer number of milliseconds (100–60000)',
    ]);
    expect(problems.join(' ')).not.toContain('c2VjcmV0LWtleQ');
    expect(problemsOf({ STORAGE_TIMEOUT_MS: '1.5' })).toHaveLength(1);
    expect(problemsOf({ STORAGE_TIMEOUT_MS: '60001' })).toHaveLength(1);
  });

  it('has bin flags for both', () => {
    expect(flagsToEnv(['--storage', AZURITE, '--storage-timeout-ms=2000'])).toEqual({
      env: { STORAGE_CONNECTION_STRING: AZURITE, STORAGE_TIMEOUT_MS: '2000' },
      unknown: [],
    });
  });
});

describe('B2C_EMULATOR_LOG_CODES', () => {
  it('is off by default, and takes on or off', () => {
    expect(loadConfig({}, '/work').logCodes).toBe(false);
    expect(loadConfig({ B2C_EMULATOR_LOG_CODES: '' }, '/work').logCodes).toBe(false);
    expect(loadConfig({ B2C_EMULATOR_LOG_CODES: 'on' }, '/work').logCodes).toBe(true);
    expect(loadConfig({ B2C_EMULATOR_LOG_CODES: 'off' }, '/work').logCodes).toBe(false);
  });

  it('reports any other value with the other bad settings', () => {
    for (const value of ['true', 'ON', '1', 'yes']) {
      expect(problemsOf({ B2C_EMULATOR_LOG_CODES: value, B2C_EMULATOR_PORT: 'x' })).toEqual([
        'B2C_EMULATOR_PORT must be a port number (0–65535)',
        'B2C_EMULATOR_LOG_CODES must be "on" or "off"',
      ]);
    }
  });

  it('has the bin flag --log-codes', () => {
    expect(flagsToEnv(['--log-codes', 'on'])).toEqual({
      env: { B2C_EMULATOR_LOG_CODES: 'on' },
      unknown: [],
    });
    expect(flagsToEnv(['--log-codes=off']).env).toEqual({ B2C_EMULATOR_LOG_CODES: 'off' });
  });
});
