import { parseNoteInput } from './parse-note-input';

const invalid = (errors: Record<string, string[]>) => ({
  ok: false,
  problem: {
    type: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1',
    title: 'Bad Request',
    status: 400,
    detail: 'The note is invalid',
    errors,
  },
});

describe('parseNoteInput', () => {
  it('trims the title and keeps the body as sent', () => {
    expect(parseNoteInput({ title: ' \u00a0a b\n', body: '  x  ' })).toEqual({
      ok: true,
      input: { title: 'a b', body: '  x  ' },
    });
  });

  it('defaults a missing body to the empty string', () => {
    expect(parseNoteInput({ title: 'a' })).toEqual({ ok: true, input: { title: 'a', body: '' } });
  });

  it('counts code points: 200 astral characters are a valid title, 201 are not', () => {
    expect(parseNoteInput({ title: '𝄞'.repeat(200) }).ok).toBe(true);
    expect(parseNoteInput({ title: '𝄞'.repeat(201) })).toEqual(
      invalid({ title: ['The title must be at most 200 characters'] }),
    );
    expect(parseNoteInput({ title: 'a', body: '𝄞'.repeat(10_000) }).ok).toBe(true);
  });

  it('reports every invalid property at once', () => {
    expect(parseNoteInput({ body: 'b'.repeat(10_001), tags: [], id: 'x' })).toEqual(
      invalid({
        title: ['The title is required'],
        body: ['The body must be at most 10000 characters'],
        tags: ['Unknown property'],
        id: ['Unknown property'],
      }),
    );
  });

  it('keeps a property named __proto__ as a plain key of errors', () => {
    const result = parseNoteInput(JSON.parse('{"title":"a","__proto__":{"x":1}}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.getPrototypeOf(result.problem.errors)).toBe(Object.prototype);
    expect(JSON.stringify(result.problem.errors)).toBe('{"__proto__":["Unknown property"]}');
  });

  it.each([[null], [[]], ['text'], [42]])('refuses %p as not an object', (value) => {
    expect(parseNoteInput(value)).toEqual({
      ok: false,
      problem: {
        type: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1',
        title: 'Bad Request',
        status: 400,
        detail: 'The request body must be a JSON object',
      },
    });
  });
});
