import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApiSettings, WORKSPACE } from './walkthrough-stack';

// The walkthrough test overrides only the hosts and the admin key (its stack listens on
// ephemeral ports); everything else in the "dev" environment is exercised against the default
// tenant there. These checks tie the overridden values to what `npm start` serves.

const START_SCRIPT = readFileSync(join(WORKSPACE, 'tools', 'dev-stack', 'start.mjs'), 'utf8');
const ENVIRONMENTS = join(WORKSPACE, 'http', 'http-client.env.json');
const dev = (JSON.parse(readFileSync(ENVIRONMENTS, 'utf8')) as Record<string, unknown>)['dev'] as
  Record<string, string> | undefined;

/** Every default `npm start` gives `variable` (`env.NAME ?? 'default'`); one, if they agree. */
function startDefaults(variable: string): string[] {
  const pattern = new RegExp(`env\\.${variable} \\?\\? '([^']+)'`, 'g');
  return [...new Set([...START_SCRIPT.matchAll(pattern)].map((match) => String(match[1])))];
}

describe('http-client.env.json, environment "dev"', () => {
  it('points at the emulator and the API on the ports npm start serves them on', () => {
    expect(startDefaults('B2C_EMULATOR_PORT')).toEqual(['7072']);
    expect(startDefaults('API_PORT')).toEqual(['7071']);
    expect(dev?.['b2cHost']).toBe('http://localhost:7072');
    expect(dev?.['apiHost']).toBe('http://localhost:7071');
  });

  it('holds the admin key npm start gives the emulator', () => {
    expect(startDefaults('B2C_EMULATOR_ADMIN_KEY')).toEqual([dev?.['adminKey']]);
  });

  it('names the tenants and client apps the API is configured with', () => {
    const settings = readApiSettings();
    const b2cAuthority = new URL(settings['B2C_AUTHORITY'] ?? '');
    expect(b2cAuthority.origin).toBe(dev?.['b2cHost']);
    expect(b2cAuthority.pathname).toBe(`/${String(dev?.['tenant'])}/${String(dev?.['policy'])}`);
    expect(settings['B2C_CLIENT_ID']).toBe(dev?.['clientId']);
    const externalIdAuthority = new URL(settings['EXTERNAL_ID_AUTHORITY'] ?? '');
    expect(externalIdAuthority.pathname).toBe(`/${String(dev?.['externalIdTenant'])}`);
    expect(settings['EXTERNAL_ID_CLIENT_ID']).toBe(dev?.['externalIdClientId']);
    expect(dev?.['externalIdScopes']).toBe(
      `api://${String(settings['EXTERNAL_ID_API_AUDIENCE'])}/notes.read`,
    );
  });
});
