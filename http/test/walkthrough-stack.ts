import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, type ServiceProcess } from './service-process';

export const WORKSPACE = join(__dirname, '..', '..');
const DIST = join(WORKSPACE, 'dist');
const EMULATOR_BIN = join(DIST, 'apps', 'b2c-emulator', 'bin.js');
const FUNCTIONS_HOST = join(DIST, 'tools', 'functions-host', 'main.js');
const API_APP = join(DIST, 'apps', 'api');
/** The API's example settings, which `npm start` also starts it with. */
export const API_SETTINGS_FILE = join(WORKSPACE, 'apps', 'api', 'local.settings.example.json');

/** Not the dev stack's key: the walkthrough must take the one it is given. */
export const TEST_ADMIN_KEY = 'http-walkthrough-test-admin-key';

/** What `npm start` serves, on ephemeral ports: the emulator and the API that trusts it. */
export interface WalkthroughStack {
  readonly emulator: ServiceProcess;
  readonly api: ServiceProcess;
  stop(): Promise<void>;
}

/** The `Values` of the API's example settings file. */
export function readApiSettings(): Record<string, string> {
  const settings = JSON.parse(readFileSync(API_SETTINGS_FILE, 'utf8')) as {
    Values: Record<string, string>;
  };
  return settings.Values;
}

/**
 * Starts the built emulator on its bundled default tenant (both kinds, as `npm start`) and the
 * built API with the example settings, its authorities pointed at that emulator, as
 * tools/dev-stack/start.mjs does.
 */
export async function startWalkthroughStack(): Promise<WalkthroughStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'http-walkthrough-'));
  const emulator = await startServiceProcess(
    [EMULATOR_BIN, '--port', '0', '--data-dir', dataDir, '--admin-key', TEST_ADMIN_KEY],
    {},
    /on http:\/\/localhost:(\d+)[\s\S]*admin API:/,
  );
  const settings = readApiSettings();
  const b2cPath = new URL(settings['B2C_AUTHORITY'] ?? '').pathname;
  const externalIdPath = new URL(settings['EXTERNAL_ID_AUTHORITY'] ?? '').pathname;
  let api: ServiceProcess;
  try {
    api = await startServiceProcess(
      [FUNCTIONS_HOST, API_APP, '--port', '0'],
      {
        ...settings,
        B2C_AUTHORITY: `${emulator.url}${b2cPath}`,
        EXTERNAL_ID_AUTHORITY: `${emulator.url}${externalIdPath}`,
      },
      /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    );
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  return {
    emulator,
    api,
    stop: async () => {
      await Promise.all([api.stop(), emulator.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
