import { parseIfMatch, resolveExpectedEtag } from './if-match';

describe('parseIfMatch', () => {
  it('is undefined without the header', () => {
    expect(parseIfMatch(null)).toBeUndefined();
  });

  it.each([
    ['*', { kind: 'any' }],
    [' * ', { kind: 'any' }],
    ['"1"', { kind: 'tags', tags: ['"1"'] }],
    ['"a,b" , W/"c",, "d"', { kind: 'tags', tags: ['"a,b"', '"d"'] }],
    ['W/"1"', { kind: 'tags', tags: [] }],
    ['""', { kind: 'tags', tags: ['""'] }],
  ])('parses %j', (header, expected) => {
    expect(parseIfMatch(header)).toEqual(expected);
  });

  it.each(['', ' , ', '1', '"1" "2"', '"unterminated', 'w/"1"', '*, "1"', '"a"b"'])(
    'refuses %j',
    (header) => {
      expect(parseIfMatch(header)).toBe('invalid');
    },
  );
});

describe('resolveExpectedEtag', () => {
  const unread = () => Promise.reject(new Error('no read expected'));

  it('passes no condition, * and a single tag through without reading', async () => {
    expect(await resolveExpectedEtag(undefined, unread)).toEqual({ ok: true, etag: undefined });
    expect(await resolveExpectedEtag({ kind: 'any' }, unread)).toEqual({ ok: true, etag: '*' });
    const single = { kind: 'tags', tags: ['"3"'] } as const;
    expect(await resolveExpectedEtag(single, unread)).toEqual({ ok: true, etag: '"3"' });
  });

  it('narrows a list to the current tag when it is listed', async () => {
    const list = { kind: 'tags', tags: ['"1"', '"2"'] } as const;
    const current = (etag: string | undefined) => () => Promise.resolve(etag);
    expect(await resolveExpectedEtag(list, current('"2"'))).toEqual({ ok: true, etag: '"2"' });
    expect(await resolveExpectedEtag(list, current('"3"'))).toEqual({
      ok: false,
      reason: 'preconditionFailed',
    });
    expect(await resolveExpectedEtag(list, current(undefined))).toEqual({
      ok: false,
      reason: 'notFound',
    });
    const none = { kind: 'tags', tags: [] } as const;
    expect(await resolveExpectedEtag(none, current('"1"'))).toMatchObject({ ok: false });
  });
});
