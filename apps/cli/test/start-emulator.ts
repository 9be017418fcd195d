import { spawn } from 'node:child_process';
import {
  ADMIN_KEY,
  B2C_TENANT,
  EMULATOR_BIN,
  POLICY,
  EXTERNAL_ID_TENANT,
  temporaryDirectory,
} from './cli-test-env';

/** An emulator process from dist on an ephemeral port, with its default tenant file. */
export interface TestEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly b2cAuthority: string;
  readonly externalIdAuthority: string;
  /** Calls an admin route with the admin key. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the built emulator bin (not through ropc: the CLI is what the suites test). */
export async function startEmulator(): Promise<TestEmulator> {
  const data = temporaryDirectory('ropc-cli-emulator-');
  const child = spawn(
    process.execPath,
    [EMULATOR_BIN, '--port', '0', '--data-dir', data.path, '--admin-key', ADMIN_KEY],
    {
      env: { PATH: process.env['PATH'] ?? '', B2C_EMULATOR_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  const append = (chunk: Buffer): void => {
    printed += chunk.toString('utf8');
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const port = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const found = /on http:\/\/localhost:(\d+)/.exec(printed)?.[1];
      if (found !== undefined && printed.includes('admin API:')) resolve(found);
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      reject(new Error(`the emulator exited with ${String(code)}:\n${printed}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    b2cAuthority: `${url}/${B2C_TENANT}/${POLICY}`,
    externalIdAuthority: `${url}/${EXTERNAL_ID_TENANT}/`,
    admin: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${ADMIN_KEY}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      data.remove();
    },
  };
}
