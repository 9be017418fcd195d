import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerServedDocument, unregisterOrigin } from '@ropc/openapi-testing';

/**
 * Paths whose answers are not checked against the emulator's OpenAPI document: the local
 * Functions host's own admin API (`POST /admin/functions/{timer}`), which is not the app's.
 */
const UNCHECKED_PATHS = { ignore: (path: string) => path.startsWith('/admin/') };

/** The built emulator bin; the test target depends on the build. */
const BIN = join(__dirname, '..', '..', '..', 'dist', 'apps', 'b2c-emulator', 'bin.js');

export const TEST_TENANT_FILE = join(__dirname, 'fixtures', 'test-tenant.json');
export const ADMIN_KEY = 'test-admin-key-0123';
export const TENANT = 'contoso.onmicrosoft.com';
export const TENANT_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
export const POLICY = 'B2C_1_ROPC_Auth';
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
export const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
export const NOTES_WRITE = 'https://contoso.onmicrosoft.com/api/notes.write';
export const ALICE = { username: 'alice@contoso.com', password: 'Alice-Passw0rd!' };
export const BOB = { username: 'bob@contoso.com', password: 'Bob-Passw0rd!' };

/** A running emulator process on ephemeral ports, with helpers for its admin API. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly httpsUrl?: string;
  readonly certPath?: string;
  readonly dataDir: string;
  /** Everything the process printed. */
  output(): string;
  /** Calls an admin route with the admin key. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  readonly tenantFile?: string;
  readonly https?: boolean;
  readonly flags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Reuse a data directory (signing keys) instead of a fresh one. */
  readonly dataDir?: string;
}

function waitForBanner(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`emulator did not start:\n${output()}`));
    }, 15_000);
    const check = (): void => {
      if (/admin API:/.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${String(code)}:\n${output()}`));
    });
  });
}

/** Starts the built `b2c-emulator` bin as a child process on 127.0.0.1 with ephemeral ports. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'b2c-emulator-test-'));
  const args = [
    BIN,
    '--port',
    '0',
    '--tenant',
    options.tenantFile ?? TEST_TENANT_FILE,
    '--data-dir',
    dataDir,
  ];
  if (options.https) args.push('--https-port', '0');
  args.push('--admin-key', ADMIN_KEY, ...(options.flags ?? []));
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const append = (chunk: Buffer): void => {
    printed += chunk.toString('utf8');
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  await waitForBanner(child, () => printed);
  const port = /on http:\/\/localhost:(\d+)/.exec(printed)?.[1];
  const httpsPort = /HTTPS: https:\/\/localhost:(\d+)/.exec(printed)?.[1];
  const url = `http://127.0.0.1:${port ?? ''}`;
  // Its answers are checked against the document it serves (test/openapi-validation.setup.ts).
  await registerServedDocument(url, '/.emulator/openapi.json', UNCHECKED_PATHS);
  return {
    url,
    ...(httpsPort ? { httpsUrl: `https://localhost:${httpsPort}` } : {}),
    ...(options.https ? { certPath: join(dataDir, 'https-cert.pem') } : {}),
    dataDir,
    output: () => printed,
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
      unregisterOrigin(url);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Posts a form to a token URL and returns status, headers and the parsed JSON body. */
export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** The path-style token URL of a policy. */
export function tokenUrl(emulator: { url: string }, policy: string = POLICY): string {
  return `${emulator.url}/${TENANT}/${policy}/oauth2/v2.0/token`;
}

/** A password grant for the default client with `openid offline_access` and the notes scopes. */
export function aliceSignIn(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'password',
    client_id: CLIENT_ID,
    username: ALICE.username,
    password: ALICE.password,
    scope: `openid offline_access ${NOTES_READ} ${NOTES_WRITE}`,
    response_type: 'token id_token',
    ...overrides,
  };
}

/**
 * The `index`-th of a series of wrong passwords that smart lockout counts as distinct: each ends
 * in its own letters, so none is near-identical to another (`prefix-a`, `prefix-b`, …,
 * `prefix-ba`).
 */
export function distinctWrongPassword(prefix: string, index: number): string {
  let letters = '';
  let rest = index;
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `${prefix}-${letters}`;
}
