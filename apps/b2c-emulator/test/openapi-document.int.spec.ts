import { startFunctionsHost, type RunningFunctionsHost } from '@ropc/functions-host';
import {
  compareRoutesWithDocument,
  lintWithRedocly,
  type OpenApiDocument,
} from '@ropc/openapi-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_KEY, TEST_TENANT_FILE } from './start-emulator';

const EMULATOR_APP = join(__dirname, '..', '..', '..', 'dist', 'apps', 'b2c-emulator');
const REDOCLY_CONFIG = join(__dirname, '..', 'src', 'openapi', 'redocly.yaml');

/**
 * The emulator's description against the emulator itself: every route the built app registers
 * with the Functions host is described, method by method (the token and native-auth endpoints
 * route every method on purpose, and say so), and every described operation is registered;
 * Redocly finds nothing to report. The responses themselves are checked in every integration
 * suite (test/openapi-validation.setup.ts).
 */
describe('GET /.emulator/openapi.json', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'b2c-emulator-openapi-'));
  let host: RunningFunctionsHost;
  let document: OpenApiDocument;
  let response: Response;

  beforeAll(async () => {
    host = await startFunctionsHost({
      appDir: EMULATOR_APP,
      port: 0,
      env: {
        B2C_EMULATOR_TENANT_FILE: TEST_TENANT_FILE,
        B2C_EMULATOR_DATA_DIR: dataDir,
        B2C_EMULATOR_ADMIN_KEY: ADMIN_KEY,
      },
      quiet: true,
    });
    // No admin key: the description is public.
    response = await fetch(`${host.url}/.emulator/openapi.json`);
    document = (await response.clone().json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves an OpenAPI 3.1 document for the origin asked, publicly cacheable', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([
      { url: host.url, description: 'The origin this document was fetched from.' },
    ]);
  });

  it('describes every registered route and method, and nothing else', () => {
    const routes = host.routes.map(({ template, methods }) => ({ template, methods }));
    expect(routes.length).toBeGreaterThan(30);
    expect(compareRoutesWithDocument(routes, document)).toEqual({
      undocumented: [],
      unregistered: [],
    });
  });

  it('passes Redocly lint (recommended) with no error and no warning', async () => {
    expect(await lintWithRedocly(document, REDOCLY_CONFIG)).toEqual([]);
  }, 30_000);
});
