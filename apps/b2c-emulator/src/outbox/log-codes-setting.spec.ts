import { ConfigError, flagsToEnv, loadConfig } from '../config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/work');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

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
