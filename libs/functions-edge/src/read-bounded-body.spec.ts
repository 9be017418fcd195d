import { HttpRequest } from '@azure/functions';
import { readBoundedBody, requestMediaType } from './read-bounded-body';

const post = (body: string, headers: Record<string, string> = {}) =>
  new HttpRequest({ url: 'http://127.0.0.1/x', method: 'POST', body: { string: body }, headers });

describe('readBoundedBody', () => {
  it('reads a body of at most the limit', async () => {
    const bytes = await readBoundedBody(post('abcd'), 4);
    expect(new TextDecoder().decode(bytes)).toBe('abcd');
  });

  it('refuses a body over the limit, declared or not', async () => {
    expect(await readBoundedBody(post('abcde'), 4)).toBeUndefined();
    expect(await readBoundedBody(post('ab', { 'content-length': '5' }), 4)).toBeUndefined();
  });
});

describe('requestMediaType', () => {
  it('is the lower-case type without parameters, or empty', () => {
    expect(requestMediaType(post('', { 'content-type': 'Application/JSON ; charset=utf-8' }))).toBe(
      'application/json',
    );
    expect(requestMediaType(new HttpRequest({ url: 'http://127.0.0.1/x', method: 'GET' }))).toBe(
      '',
    );
  });
});
