import { copyFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { registerServedDocument, unregisterOrigin } from '@ropc/openapi-testing';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { externalRequires } from './packed-emulator/bundle-requires';
import {
  azurePipelinesRecipe,
  githubActionsRecipe,
  type CiRecipe,
} from './packed-emulator/ci-recipes';
import {
  DIST_DIR,
  packAndInstall,
  type InstalledPackage,
} from './packed-emulator/pack-and-install';
import { cleanEnvironment, runCommand } from './packed-emulator/run-command';
import { startWithNpx, type NpxStartedEmulator } from './packed-emulator/started-with-npx';
import { waitUntilRefused } from './packed-emulator/wait-until-refused';

// The B2C tenant of examples/my-tenant.json, the file a new user copies.
const TENANT = 'contoso.onmicrosoft.com';
const TENANT_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
const POLICY = 'B2C_1_ROPC_Auth';
const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
const ALICE = {
  id: '26926d34-dad3-45bb-8bff-84a5f01522d9',
  username: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
};
const ADMIN_KEY = 'packed-admin-key-0123';
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** The files the package must hold, whatever else the build adds. */
const REQUIRED_FILES = [
  'README.md',
  'bin.js',
  'examples/my-tenant.json',
  'host.json',
  'local.settings.example.json',
  'main.js',
  'package.json',
  'tenant/default-tenant.json',
  'tenant/tenant.schema.json',
];

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Every file under `directory`, as `/`-separated paths relative to it. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(directory, path)).isFile())
    .map((path) => path.split('\\').join('/'));
}

/** Signs alice in with the ROPC password grant and checks both tokens against the JWKS. */
async function signInAndVerify(baseUrl: string): Promise<void> {
  const policyBase = `${baseUrl}/${TENANT}/${POLICY}`;
  const response = await fetch(`${policyBase}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: CLIENT_ID,
      username: ALICE.username,
      password: ALICE.password,
      scope: `openid offline_access ${NOTES_READ}`,
      response_type: 'token id_token',
    }).toString(),
  });
  expect(response.status).toBe(200);
  const tokens = (await response.json()) as Record<string, string>;
  expect(tokens['token_type']).toBe('Bearer');
  expect(typeof tokens['refresh_token']).toBe('string');

  const discovery = (await (
    await fetch(`${policyBase}/v2.0/.well-known/openid-configuration`)
  ).json()) as { issuer: string; jwks_uri: string };
  expect(discovery.issuer).toBe(`${baseUrl}/${TENANT_ID}/v2.0/`);
  const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const idToken = await jwtVerify(tokens['id_token'] ?? '', keys, {
    issuer: discovery.issuer,
    audience: CLIENT_ID,
  });
  expect(idToken.payload).toMatchObject({
    sub: ALICE.id,
    oid: ALICE.id,
    name: 'Alice Contoso',
    emails: [ALICE.username],
    tfp: POLICY,
  });
  const accessToken = await jwtVerify(tokens['access_token'] ?? '', keys, {
    issuer: discovery.issuer,
    audience: API_APP_ID,
  });
  expect(accessToken.payload).toMatchObject({ sub: ALICE.id, scp: 'notes.read', azp: CLIENT_ID });
}

async function expectHealthy(baseUrl: string): Promise<void> {
  const health = await fetch(`${baseUrl}/.emulator/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({
    status: 'ready',
    tenant: TENANT,
    policies: [POLICY],
    tenants: [
      { name: TENANT, id: TENANT_ID, kind: 'b2c' },
      {
        name: 'contosoid.onmicrosoft.com',
        id: '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37',
        kind: 'external-id',
      },
    ],
  });
}

/** A port nothing listens on right now, for the recipes' fixed-port environment variable. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

describe('b2c-emulator as an installed package', () => {
  let installed: InstalledPackage;

  beforeAll(async () => {
    installed = await packAndInstall();
    copyFileSync(
      join(installed.packageDir, 'examples', 'my-tenant.json'),
      join(installed.projectDir, 'my-tenant.json'),
    );
  }, 180_000);

  afterAll(() => {
    installed.remove();
  });

  describe('the tarball', () => {
    it('holds the bundle, the schema, the example tenant and every other built file but source maps', () => {
      const packed = installed.files.map((file) => file.path).sort();
      expect(packed).toEqual(expect.arrayContaining(REQUIRED_FILES));
      // Whatever the build adds (the console's page, say) ships too; files a developer makes in
      // the dist folder by following the README (local settings, a data directory) do not.
      const built = filesUnder(DIST_DIR).filter(
        (path) =>
          !path.endsWith('.map') &&
          path !== 'local.settings.json' &&
          !path.startsWith('.b2c-emulator/'),
      );
      expect(packed).toEqual(built.sort());
      expect(packed.filter((path) => /\.map$|\.spec\.|(^|\/)test\/|\.ts$/.test(path))).toEqual([]);
    });

    it('has a bin with a shebang that is executable', () => {
      const bin = installed.files.find((file) => file.path === 'bin.js');
      expect(bin && bin.mode & 0o111).toBe(0o111);
      const installedBin = join(installed.packageDir, 'bin.js');
      expect(readFileSync(installedBin, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
      expect(statSync(installedBin).mode & 0o111).toBe(0o111);
    });

    it('declares its metadata and exactly the runtime dependencies the bundle leaves external', () => {
      const manifest = readJson(join(installed.packageDir, 'package.json'));
      const rootManifest = readJson(join(WORKSPACE_ROOT, 'package.json'));
      const rootDependencies = rootManifest['dependencies'] as Record<string, string>;
      expect(manifest).toMatchObject({
        name: 'b2c-emulator',
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        license: 'MIT',
        engines: { node: '>=20.19' },
        bin: { 'b2c-emulator': 'bin.js' },
        main: 'main.js',
        dependencies: { '@node-rs/argon2': rootDependencies['@node-rs/argon2'] },
      });
      expect(manifest).not.toHaveProperty('devDependencies');
      const dependencies = manifest['dependencies'] as Record<string, string>;
      // Exact versions, the ones this workspace is tested with.
      for (const [name, version] of Object.entries(dependencies)) {
        expect(version).toBe(rootDependencies[name]);
      }
      const bundles = ['bin.js', 'main.js'].map((file) =>
        readFileSync(join(installed.packageDir, file), 'utf8'),
      );
      // @azure/functions-core is the host's own module: the embedded host and `func start`'s
      // worker provide it. Everything else the bundle loads must be a declared dependency.
      const loaded = [...new Set(bundles.flatMap(externalRequires))].sort();
      expect(loaded).toEqual(['@azure/functions-core', ...Object.keys(dependencies)].sort());
    });

    it('names no path of this workspace in the bundle or package.json', () => {
      for (const file of ['bin.js', 'main.js', 'package.json']) {
        const text = readFileSync(join(installed.packageDir, file), 'utf8');
        expect(text).not.toContain(WORKSPACE_ROOT);
        // esbuild names each bundled module by its source file relative to the workspace: in the
        // comment heading it, and as the key of a module it initialises lazily. Labels, never
        // loaded, and the only places a workspace folder may appear.
        const mentions = text
          .split('\n')
          .filter((line) => /(^|[^\w])(libs|apps|tools)\//.test(line))
          .filter((line) => !/^\/\/ (libs|apps|tools)\/[\w./-]+$/.test(line))
          .filter((line) => !/^ {2}"(libs|apps|tools)\/[\w./-]+"\(\) \{$/.test(line));
        expect({ file, mentions }).toEqual({ file, mentions: [] });
      }
    });
  });

  describe('npx b2c-emulator --tenant my-tenant.json in the project', () => {
    let emulator: NpxStartedEmulator;

    beforeAll(async () => {
      emulator = await startWithNpx(installed.projectDir, [
        '--tenant',
        'my-tenant.json',
        '--port',
        '0',
        '--admin-key',
        ADMIN_KEY,
      ]);
      // Its answers are checked against the document it serves (test/openapi-validation.setup.ts).
      await registerServedDocument(emulator.url, '/.emulator/openapi.json');
    }, 60_000);

    const stopEmulator = async (): Promise<void> => {
      unregisterOrigin(emulator.url);
      await emulator.stop();
    };

    afterAll(stopEmulator);

    it('serves the example tenant: healthy, signs alice in, tokens verify against its JWKS', async () => {
      expect(emulator.output()).toContain(
        `Azure AD B2C and Entra External ID emulator for ${TENANT}, contosoid.onmicrosoft.com`,
      );
      await expectHealthy(emulator.url);
      await signInAndVerify(emulator.url);
    });

    it('keeps its signing keys in .b2c-emulator/ of the project', () => {
      expect(readdirSync(join(installed.projectDir, '.b2c-emulator')).sort()).toEqual([
        `signing-keys-${TENANT_ID}.json`,
        'signing-keys-7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37.json',
      ]);
    });

    it('stops on SIGTERM, and printed neither the password nor the admin key', async () => {
      await stopEmulator();
      await expect(fetch(`${emulator.url}/.emulator/health`)).rejects.toThrow();
      expect(emulator.output()).not.toContain(ALICE.password);
      expect(emulator.output()).not.toContain(ADMIN_KEY);
    });
  });

  describe("the README's CI recipes", () => {
    const readme = (): string => readFileSync(join(installed.packageDir, 'README.md'), 'utf8');
    const stepTitles = [
      'Start the B2C emulator',
      'Wait until it is ready',
      'Run the tests',
      'Stop the B2C emulator',
      "Print the emulator's log",
    ];

    it('are valid YAML with the same steps, the stop always run and the log printed on failure', () => {
      const github = githubActionsRecipe(readme());
      const azure = azurePipelinesRecipe(readme());
      for (const recipe of [github, azure]) {
        expect(recipe.steps.map((step) => step.title).slice(-stepTitles.length)).toEqual(
          stepTitles,
        );
      }
      expect(github.step('Stop the B2C emulator').condition).toBe('always()');
      expect(github.step("Print the emulator's log").condition).toBe('failure()');
      expect(azure.step('Stop the B2C emulator').condition).toBe('always()');
      expect(azure.step("Print the emulator's log").condition).toBe('failed()');
      // One script per step for both systems, so running GitHub's below covers Azure's.
      for (const title of stepTitles) {
        expect(azure.step(title).script).toBe(github.step(title).script);
        expect(azure.step(title).env).toEqual(github.step(title).env);
      }
      expect(azure.env).toEqual(github.env);
    });

    it("start, wait and stop work as written in the project, around the tests' sign-in", async () => {
      const recipe: CiRecipe = githubActionsRecipe(readme());
      const port = await freePort();
      const env = cleanEnvironment({ ...recipe.env, B2C_EMULATOR_PORT: String(port) });
      // The runner's shell for `run:` steps.
      const step = (title: string) =>
        runCommand(
          'bash',
          ['--noprofile', '--norc', '-eo', 'pipefail', '-c', recipe.step(title).script],
          { cwd: installed.projectDir, env },
        );
      const baseUrl = `http://127.0.0.1:${port}`;
      try {
        expect(await step('Start the B2C emulator')).toMatchObject({ code: 0 });
        const waited = await step('Wait until it is ready');
        expect(waited).toMatchObject({ code: 0 });
        expect(JSON.parse(waited.stdout)).toMatchObject({ status: 'ready', tenant: TENANT });
        await registerServedDocument(baseUrl, '/.emulator/openapi.json');

        // What "Run the tests" would do: sign in, and use the admin API with the recipe's key.
        await signInAndVerify(baseUrl);
        const users = await fetch(`${baseUrl}/v1.0/users`, {
          headers: { Authorization: `Bearer ${recipe.env['B2C_EMULATOR_ADMIN_KEY'] ?? ''}` },
        });
        expect(users.status).toBe(200);
      } finally {
        unregisterOrigin(baseUrl);
        expect(await step('Stop the B2C emulator')).toMatchObject({ code: 0, stderr: '' });
      }
      await waitUntilRefused(`${baseUrl}/.emulator/health`);
      const log = await step("Print the emulator's log");
      expect(log.stdout).toContain(`emulator for ${TENANT}`);
      expect(log.stdout).toContain('admin API: on');
      expect(log.stdout).not.toContain(recipe.env['B2C_EMULATOR_ADMIN_KEY']);
      expect(log.stdout).not.toContain(ALICE.password);
    }, 60_000);
  });
});
