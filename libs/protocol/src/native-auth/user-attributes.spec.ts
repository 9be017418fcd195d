import {
  customUserAttributeName,
  decodeUserAttributes,
  encodeUserAttributes,
  type UserAttributes,
} from './user-attributes';

describe('encodeUserAttributes', () => {
  it('writes one JSON object of strings, as MSAL sends it', () => {
    expect(encodeUserAttributes({ displayName: 'Carol', city: 'Zürich' })).toBe(
      '{"displayName":"Carol","city":"Zürich"}',
    );
    expect(encodeUserAttributes({})).toBe('{}');
  });

  it('refuses values that are not strings and names that are not attribute names', () => {
    expect(() => encodeUserAttributes({ age: 42 } as unknown as UserAttributes)).toThrow(TypeError);
    expect(() => encodeUserAttributes({ 'display name': 'x' })).toThrow(TypeError);
  });
});

describe('customUserAttributeName', () => {
  it('writes extension_{app id without hyphens}_{name}', () => {
    expect(customUserAttributeName('0e842314-a3f9-451e-a34c-f22568d6db61', 'loyaltyNumber')).toBe(
      'extension_0e842314a3f9451ea34cf22568d6db61_loyaltyNumber',
    );
    expect(() => customUserAttributeName('app', 'has space')).toThrow(TypeError);
  });
});

describe('decodeUserAttributes', () => {
  it('reads back what it encodes', () => {
    const attributes = { displayName: 'Carol', postalCode: '98052' };
    expect(decodeUserAttributes(encodeUserAttributes(attributes))).toEqual({
      ok: true,
      attributes,
    });
  });

  it.each([
    ['{', 'invalid_json', undefined],
    ['["displayName"]', 'not_an_object', undefined],
    ['"Carol"', 'not_an_object', undefined],
    ['null', 'not_an_object', undefined],
    ['{"__proto__":"x"}', 'invalid_name', undefined],
    ['{"display name":"x"}', 'invalid_name', undefined],
    ['{"postalCode":98052}', 'not_a_string', 'postalCode'],
    ['{"city":null}', 'not_a_string', 'city'],
  ])('refuses %s (%s)', (text, code, attribute) => {
    expect(decodeUserAttributes(text)).toEqual({
      ok: false,
      error: attribute === undefined ? { code } : { code, attribute },
    });
  });

  it('refuses a parameter over the size limit or with too many attributes', () => {
    expect(decodeUserAttributes(`{"a":"${'x'.repeat(20)}"}`, { maxLength: 10 })).toEqual({
      ok: false,
      error: { code: 'too_large' },
    });
    expect(decodeUserAttributes('{"a":"1","b":"2"}', { maxAttributes: 1 })).toEqual({
      ok: false,
      error: { code: 'too_many' },
    });
  });
});
