import { extractBearerToken } from './extract-bearer-token';
import type { TokenValidationError } from './token-validation-error';

const outcome = (header: string | null | undefined, maxLength?: number): string => {
  try {
    return `token ${extractBearerToken(header, maxLength)}`;
  } catch (error) {
    return (error as TokenValidationError).code;
  }
};

describe('extractBearerToken', () => {
  it.each([
    [undefined, 'ERR_TOKEN_MISSING'],
    [null, 'ERR_TOKEN_MISSING'],
    ['', 'ERR_TOKEN_MISSING'],
    ['   ', 'ERR_TOKEN_MISSING'],
    ['Basic YWxpY2U6c2VjcmV0', 'ERR_TOKEN_MISSING'],
    ['Basic YWxpY2U6c2VjcmV0, Bearer abc', 'ERR_REQUEST_INVALID'],
    ['Bearer', 'ERR_REQUEST_INVALID'],
    ['Bearer   ', 'ERR_REQUEST_INVALID'],
    ['Bearer abc def', 'ERR_REQUEST_INVALID'],
    ['Bearer abc, Bearer def', 'ERR_REQUEST_INVALID'],
    ['Bearer ab"c', 'ERR_TOKEN_MALFORMED'],
    ['Bearer a=b', 'ERR_TOKEN_MALFORMED'],
    ['Bearer abc.def.ghi', 'token abc.def.ghi'],
    ['bearer abc.def.ghi', 'token abc.def.ghi'],
    ['BEARER   abc.def.ghi  ', 'token abc.def.ghi'],
    ['Bearer a-b_c~d+e/f==', 'token a-b_c~d+e/f=='],
  ])('reads %j as %s', (header, expected) => {
    expect(outcome(header)).toBe(expected);
  });

  it('refuses a header longer than the bound before parsing it', () => {
    expect(outcome(`Bearer ${'a'.repeat(8185)}`)).toBe(`token ${'a'.repeat(8185)}`);
    expect(outcome(`Bearer ${'a'.repeat(8186)}`)).toBe('ERR_REQUEST_INVALID');
    expect(outcome('Bearer abcdef', 12)).toBe('ERR_REQUEST_INVALID');
  });
});
