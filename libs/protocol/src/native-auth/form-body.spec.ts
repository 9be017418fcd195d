import { decodeNativeAuthBody, encodeNativeAuthBody } from './form-body';
import { DOUBLED_CLIENT_ID_BODY } from '../../test/fixtures/native-auth/reference-requests';
import { CLIENT_ID } from '../../test/fixtures/native-auth/identities';

describe('encodeNativeAuthBody', () => {
  it('keeps the key order, encodes spaces as + and escapes JSON, leaving undefined out', () => {
    expect(
      encodeNativeAuthBody({
        client_id: 'c',
        username: 'a b@x',
        password: undefined,
        attributes: '{"city":"Zürich"}',
      }),
    ).toBe('client_id=c&username=a+b%40x&attributes=%7B%22city%22%3A%22Z%C3%BCrich%22%7D');
  });

  it('refuses a field that is not a string', () => {
    expect(() => encodeNativeAuthBody({ client_id: 'c', code_length: 8 })).toThrow(TypeError);
  });
});

describe('decodeNativeAuthBody', () => {
  it('reads fields in order, + as a space', () => {
    const decoded = decodeNativeAuthBody('client_id=c&challenge_type=oob+redirect&x=');
    expect(decoded.ok && [...decoded.fields]).toEqual([
      ['client_id', 'c'],
      ['challenge_type', 'oob redirect'],
    ]);
  });

  it('takes the published client_id=client_id=… literally: the value is not a client id', () => {
    const decoded = decodeNativeAuthBody(DOUBLED_CLIENT_ID_BODY);
    expect(decoded.ok && decoded.fields.get('client_id')).toBe(`client_id=${CLIENT_ID}`);
  });

  it('refuses repeated names, invalid UTF-8 and oversized bodies', () => {
    expect(decodeNativeAuthBody('oob=1&oob=2')).toEqual({
      ok: false,
      error: { code: 'duplicate_parameter', parameter: 'oob' },
    });
    expect(decodeNativeAuthBody('username=%FF')).toEqual({
      ok: false,
      error: { code: 'invalid_encoding' },
    });
    expect(decodeNativeAuthBody(new Uint8Array([0x61, 0x3d, 0xc3]))).toEqual({
      ok: false,
      error: { code: 'invalid_encoding' },
    });
    expect(decodeNativeAuthBody('a='.padEnd(100, 'x'), { maxBytes: 50 })).toEqual({
      ok: false,
      error: { code: 'body_too_large' },
    });
  });
});
