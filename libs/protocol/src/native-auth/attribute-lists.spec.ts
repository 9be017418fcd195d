import {
  MAX_LISTED_ATTRIBUTES,
  parseInvalidAttributes,
  parseRequiredAttributes,
  parseUnverifiedAttributes,
} from './attribute-lists';

describe('parseRequiredAttributes', () => {
  it('reads the published item with its type, flag and regex', () => {
    expect(
      parseRequiredAttributes([
        { name: 'postalCode', type: 'string', required: true, options: { regex: '^[1-9][0-9]*$' } },
      ]),
    ).toEqual([
      { name: 'postalCode', type: 'string', required: true, options: { regex: '^[1-9][0-9]*$' } },
    ]);
  });

  it('drops unnamed items and fields of the wrong type', () => {
    expect(
      parseRequiredAttributes([
        { name: 'city', type: 1, required: 'yes', options: { regex: 5 } },
        { type: 'string' },
        null,
        [],
        { name: '' },
      ]),
    ).toEqual([{ name: 'city' }]);
  });

  it('is undefined for anything but an array', () => {
    expect(parseRequiredAttributes(undefined)).toBeUndefined();
    expect(parseRequiredAttributes({ name: 'city' })).toBeUndefined();
  });

  it(`keeps at most ${MAX_LISTED_ATTRIBUTES} items`, () => {
    const many = Array.from({ length: 500 }, (_, index) => ({ name: `a${index}` }));
    expect(parseRequiredAttributes(many)).toHaveLength(MAX_LISTED_ATTRIBUTES);
  });
});

describe('parseInvalidAttributes and parseUnverifiedAttributes', () => {
  it('read the name, a reason when it is a string, and bare names', () => {
    expect(
      parseInvalidAttributes([{ name: 'postalCode', reason: 'regex' }, 'city', { reason: 'x' }]),
    ).toEqual([{ name: 'postalCode', reason: 'regex' }, { name: 'city' }]);
    expect(parseUnverifiedAttributes([{ name: 'email', extra: true }])).toEqual([
      { name: 'email' },
    ]);
    expect(parseUnverifiedAttributes('email')).toBeUndefined();
  });
});
