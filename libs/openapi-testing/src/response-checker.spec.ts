import { matchOperation } from './match-operation';
import { receivedFromNodeHttp } from './received-response';
import { ResponseChecker } from './response-checker';
import { TEST_DOCUMENT } from './test-document';

const NOTE = { id: 'n1', title: 'a', updatedAt: '2030-01-01T00:00:00.000Z' };

function received(
  method: string,
  path: string,
  status: number,
  headers: Record<string, string>,
  body?: unknown,
) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return receivedFromNodeHttp(method, `http://127.0.0.1:1${path}`, status, headers, text);
}

const json = { 'content-type': 'application/json; charset=utf-8', etag: '"1"' };
const checker = new ResponseChecker(TEST_DOCUMENT);
const problems = (...args: Parameters<typeof received>) =>
  checker.check(received(...args)).map((violation) => violation.problem);

describe('matchOperation', () => {
  it('matches a concrete path before its templated counterpart, and decodes segments', () => {
    expect(matchOperation(TEST_DOCUMENT, 'GET', '/notes/latest')).toMatchObject({
      pathTemplate: '/notes/latest',
    });
    expect(matchOperation(TEST_DOCUMENT, 'get', '/notes/a%2Fb')).toMatchObject({
      pathTemplate: '/notes/{id}',
      method: 'get',
    });
  });

  it('drops one trailing slash and lets a parameter hold any character', () => {
    expect(matchOperation(TEST_DOCUMENT, 'GET', '/notes/n1/')).toMatchObject({
      pathTemplate: '/notes/{id}',
    });
    expect(matchOperation(TEST_DOCUMENT, 'GET', '/notes/a%0D%0Ab')).toMatchObject({
      pathTemplate: '/notes/{id}',
    });
  });

  it('tells an undocumented path from an undocumented method', () => {
    expect(matchOperation(TEST_DOCUMENT, 'GET', '/notes')).toEqual({ kind: 'undocumented_path' });
    expect(matchOperation(TEST_DOCUMENT, 'GET', '/notes/a/b')).toEqual({
      kind: 'undocumented_path',
    });
    expect(matchOperation(TEST_DOCUMENT, 'PUT', '/notes/a')).toEqual({
      kind: 'undocumented_method',
      pathTemplate: '/notes/{id}',
    });
  });
});

describe('ResponseChecker', () => {
  it('accepts a conforming response, a referenced response and an empty documented one', () => {
    expect(problems('GET', '/notes/n1', 200, json, NOTE)).toEqual([]);
    const problemJson = { 'content-type': 'application/problem+json' };
    expect(problems('GET', '/notes/n1', 404, problemJson, { status: 404 })).toEqual([]);
    expect(problems('DELETE', '/notes/n1', 204, {})).toEqual([]);
    expect(problems('GET', '/notes/latest', 500, { 'content-type': 'text/plain' }, 'x')).toEqual(
      [],
    );
  });

  it('rejects an undocumented status', () => {
    expect(problems('GET', '/notes/n1', 409, json, NOTE)).toEqual(['status 409 is not documented']);
  });

  it('rejects a wrong field type and an extra field where the shape is closed', () => {
    const [wrongType] = checker.check(received('GET', '/notes/n1', 200, json, { ...NOTE, id: 1 }));
    expect(wrongType).toMatchObject({
      method: 'GET',
      path: '/notes/n1',
      status: 200,
      pathTemplate: '/notes/{id}',
      problem: 'the body does not match its schema: /id must be string',
    });
    expect(problems('GET', '/notes/n1', 200, json, { ...NOTE, owner: 'x' })).toEqual([
      'the body does not match its schema: (root) must NOT have additional properties (owner)',
    ]);
    expect(problems('GET', '/notes/n1', 200, json, { ...NOTE, updatedAt: 'yesterday' })).toEqual([
      'the body does not match its schema: /updatedAt must match format "date-time"',
    ]);
  });

  it('rejects an undocumented path or method, unless the answer agrees that nothing is there', () => {
    expect(problems('GET', '/other', 200, json, NOTE)).toEqual(['no path of the document matches']);
    expect(problems('GET', '/other', 404, {}, 'Not Found')).toEqual([]);
    expect(problems('PATCH', '/notes/n1', 405, {})).toEqual([]);
    expect(problems('PUT', '/notes/n1', 200, json, NOTE)).toEqual(['/notes/{id} documents no PUT']);
  });

  it('rejects a missing required header and a header that does not fit its schema', () => {
    const { etag: _etag, ...withoutEtag } = json;
    expect(problems('GET', '/notes/n1', 200, withoutEtag, NOTE)).toEqual([
      'required header ETag is missing',
    ]);
    expect(problems('GET', '/notes/n1', 200, { ...json, etag: 'W/"1"' }, NOTE)).toEqual([
      'header ETag does not match its schema: (root) must match pattern "^"[0-9]+"$"',
    ]);
  });

  it('rejects an undocumented media type, a body that is not JSON and an undocumented body', () => {
    expect(
      problems('GET', '/notes/n1', 200, { ...json, 'content-type': 'text/html' }, 'x'),
    ).toEqual(['Content-Type text/html is not documented (documented: application/json)']);
    expect(problems('GET', '/notes/n1', 200, json, '{')).toEqual([
      'the application/json body is not JSON',
    ]);
    expect(problems('DELETE', '/notes/n1', 204, {}, 'gone')).toEqual([
      'the response has a body where none is documented',
    ]);
  });

  it('checks a HEAD answer without a body', () => {
    expect(problems('HEAD', '/notes/n1', 200, json)).toEqual([]);
  });
});
