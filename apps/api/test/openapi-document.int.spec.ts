import { startFunctionsHost, type RunningFunctionsHost } from '@ropc/functions-host';
import {
  compareRoutesWithDocument,
  lintWithRedocly,
  type OpenApiDocument,
} from '@ropc/openapi-testing';
import { join } from 'node:path';
import { apiEnv } from './start-stack';

const API_APP = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api');
const REDOCLY_CONFIG = join(__dirname, '..', 'src', 'openapi', 'redocly.yaml');

/**
 * The API's description against the API itself: every route the built app registers with the
 * Functions host is described, method by method, and every described operation is registered
 * (the native-auth catch-all is described path by path); Redocly finds nothing to report. The
 * responses themselves are checked in every integration suite (test/openapi-validation.setup.ts).
 */
describe('GET /api/openapi.json', () => {
  let host: RunningFunctionsHost;
  let document: OpenApiDocument;
  let response: Response;

  beforeAll(async () => {
    // No request reaches the authority: the app only needs its settings to start.
    host = await startFunctionsHost({
      appDir: API_APP,
      port: 0,
      env: apiEnv('http://127.0.0.1:9'),
      quiet: true,
    });
    response = await fetch(`${host.url}/api/openapi.json`);
    document = (await response.clone().json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await host.close();
  });

  it('serves an OpenAPI 3.1 document for the origin asked, publicly cacheable', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([
      { url: host.url, description: 'The origin this document was fetched from.' },
    ]);
  });

  it('describes every registered route and method, and nothing else', () => {
    const routes = host.routes.map(({ template, methods }) => ({ template, methods }));
    expect(routes.length).toBeGreaterThan(10);
    expect(compareRoutesWithDocument(routes, document)).toEqual({
      undocumented: [],
      unregistered: [],
    });
  });

  it('passes Redocly lint (recommended) with no error and no warning', async () => {
    expect(await lintWithRedocly(document, REDOCLY_CONFIG)).toEqual([]);
  }, 30_000);
});
