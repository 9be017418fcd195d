// `npm start`'s command line: what each flag selects, and a clear stop, before anything is built,
// for what it cannot run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseStartOptions, StartOptionsError, USAGE } from '../start-options.mjs';

const START = join(__dirname, '..', 'start.mjs');

describe('parseStartOptions', () => {
  it('runs B2C in memory when nothing is given', () => {
    expect(parseStartOptions([])).toEqual({
      azurite: false,
      authority: 'b2c',
      signInMethod: undefined,
    });
  });

  it('reads --azurite, --authority and --sign-in-method, in both spellings of a value', () => {
    expect(
      parseStartOptions(['--azurite', '--authority', 'external-id', '--sign-in-method=email-otp']),
    ).toEqual({ azurite: true, authority: 'external-id', signInMethod: 'email-otp' });
    expect(parseStartOptions(['--authority=external-id'])).toEqual({
      azurite: false,
      authority: 'external-id',
      signInMethod: undefined,
    });
    expect(parseStartOptions(['--authority', 'b2c'])).toEqual({
      azurite: false,
      authority: 'b2c',
      signInMethod: undefined,
    });
  });

  it.each([
    [
      ['--authority', 'entra'],
      'Unknown --authority "entra": use b2c (Azure AD B2C, the default) or external-id (Entra External ID).',
    ],
    [
      ['--authority', 'external-id', '--sign-in-method', 'sms'],
      'Unknown --sign-in-method "sms": use password (the default) or email-otp.',
    ],
    [
      ['--sign-in-method', 'email-otp'],
      '--sign-in-method applies to --authority external-id only (B2C signs in with a password).',
    ],
    [['--authority'], "Option '--authority <value>' argument missing"],
    [['--tenant', 'x'], "Unknown option '--tenant'"],
  ])('refuses %j, saying what to type instead', (args, message) => {
    let thrown: unknown;
    try {
      parseStartOptions(args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StartOptionsError);
    expect((thrown as Error).message).toBe(`${message}\n${USAGE}`);
  });
});

describe('npm start with an unknown --authority', () => {
  it('stops at once with exit code 2 and the message, building nothing', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [START, '--authority', 'adfs'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: `Unknown --authority "adfs": use b2c (Azure AD B2C, the default) or external-id (Entra External ID).\n${USAGE}\n`,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
