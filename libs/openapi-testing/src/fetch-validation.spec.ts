import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installFetchValidation, uninstallFetchValidation } from './fetch-validation';
import { TEST_DOCUMENT } from './test-document';
import {
  formatViolations,
  registerOrigin,
  registerServedDocument,
  takeViolations,
  unregisterOrigin,
} from './validation-registry';

/** A server answering every path with the same note, with a number where a string belongs. */
async function startNoteServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/openapi.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(TEST_DOCUMENT));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag: '"1"' });
    response.end(JSON.stringify({ id: 7, title: 'a', updatedAt: '2030-01-01T00:00:00Z' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

describe('fetch validation', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ server, origin } = await startNoteServer());
    installFetchValidation();
  });

  afterAll(async () => {
    uninstallFetchValidation();
    await new Promise((resolve) => server.close(resolve));
  });

  afterEach(() => {
    unregisterOrigin(origin);
    takeViolations();
  });

  it('records the violations of a registered origin and leaves the body to the caller', async () => {
    registerOrigin(origin, TEST_DOCUMENT);
    const response = await fetch(`${origin}/notes/n1`);
    expect(await response.json()).toMatchObject({ id: 7 });
    const violations = takeViolations();
    expect(violations).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/notes/n1',
        status: 200,
        problem: 'the body does not match its schema: /id must be string',
      }),
    ]);
    expect(formatViolations(violations)).toBe(
      '1 response(s) differ from the OpenAPI document:\n' +
        '- GET /notes/n1 → 200 (/notes/{id}): the body does not match its schema: /id must be string',
    );
    expect(takeViolations()).toEqual([]);
  });

  it('checks a Request object with its own method, against the document the origin serves', async () => {
    await registerServedDocument(origin, '/openapi.json');
    await fetch(new Request(`${origin}/notes/n1`, { method: 'PUT' }));
    expect(takeViolations().map((violation) => violation.problem)).toEqual([
      '/notes/{id} documents no PUT',
    ]);
  });

  it('checks nothing on the paths an origin ignores', async () => {
    registerOrigin(origin, TEST_DOCUMENT, { ignore: (path) => path.startsWith('/admin/') });
    await fetch(`${origin}/admin/functions/cleanup`);
    expect(takeViolations()).toEqual([]);
  });

  it('checks nothing from an origin that is not registered', async () => {
    await fetch(`${origin}/anything`);
    expect(takeViolations()).toEqual([]);
  });
});
