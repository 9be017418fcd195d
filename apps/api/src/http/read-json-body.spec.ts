import { HttpRequest } from '@azure/functions';
import { readJsonBody } from './read-json-body';

const section = (number: string): string =>
  `https://www.rfc-editor.org/rfc/rfc9110#section-${number}`;

function request(body: string | Uint8Array, headers: Record<string, string>): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/notes',
    headers,
    body: typeof body === 'string' ? { string: body } : { bytes: body },
  });
}

const json = { 'content-type': 'application/json' };

describe('readJsonBody', () => {
  it.each([
    ['application/json'],
    ['Application/JSON; charset=UTF-8'],
    ['application/json;charset="utf-8"'],
  ])('parses JSON sent as %s', async (contentType) => {
    const result = await readJsonBody(request('{"a":[1]}', { 'content-type': contentType }));
    expect(result).toEqual({ ok: true, value: { a: [1] } });
  });

  it.each([
    [{}, 'The request body must be sent as application/json'],
    [{ 'content-type': 'text/json' }, 'The request body must be sent as application/json'],
    [
      { 'content-type': 'application/json; charset=utf-16' },
      'The request body must be encoded in UTF-8',
    ],
    [{ ...json, 'content-encoding': 'gzip' }, 'The request body must not have a content coding'],
  ])('refuses %j with 415', async (headers, detail) => {
    expect(await readJsonBody(request('{}', headers))).toEqual({
      ok: false,
      problem: { type: section('15.5.16'), title: 'Unsupported Media Type', status: 415, detail },
    });
  });

  it('refuses more than maxBytes with 413, and accepts exactly maxBytes', async () => {
    const tooLarge = {
      ok: false,
      problem: {
        type: section('15.5.14'),
        title: 'Content Too Large',
        status: 413,
        detail: 'The request body must be at most 8 bytes',
      },
    };
    expect(await readJsonBody(request('"123456"', json), { maxBytes: 8 })).toEqual({
      ok: true,
      value: '123456',
    });
    expect(await readJsonBody(request('"1234567"', json), { maxBytes: 8 })).toEqual(tooLarge);
    const declared = request('"1"', { ...json, 'content-length': '9' });
    expect(await readJsonBody(declared, { maxBytes: 8 })).toEqual(tooLarge);
  });

  it.each([
    ['', 'The request body is not valid JSON'],
    ['{"a":', 'The request body is not valid JSON'],
    [new Uint8Array([0x22, 0xff, 0x22]), 'The request body is not UTF-8'],
  ])('refuses %p with 400', async (body, detail) => {
    expect(await readJsonBody(request(body, json))).toEqual({
      ok: false,
      problem: { type: section('15.5.1'), title: 'Bad Request', status: 400, detail },
    });
  });
});
