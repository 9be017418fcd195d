import { decodeClientInfo, encodeClientInfo } from './client-info';
import { CLIENT_INFO_EXAMPLES } from '../../test/fixtures/native-auth/reference-urls';
import {
  CLIENT_INFO,
  CLIENT_INFO_PADDED,
  TENANT_ID,
  USER_OBJECT_ID,
} from '../../test/fixtures/native-auth/identities';

describe('client_info', () => {
  it('encodes {uid, utid} as base64url without padding', () => {
    expect(encodeClientInfo({ uid: USER_OBJECT_ID, utid: TENANT_ID })).toBe(CLIENT_INFO);
  });

  it.each(CLIENT_INFO_EXAMPLES)('decodes the published $encoded', ({ encoded, uid, utid }) => {
    expect(decodeClientInfo(encoded)).toEqual({ uid, utid });
  });

  it('decodes both alphabets, padded or not, and drops other members', () => {
    const expected = { uid: USER_OBJECT_ID, utid: TENANT_ID };
    expect(decodeClientInfo(CLIENT_INFO_PADDED)).toEqual(expected);
    const standard = btoa(JSON.stringify({ uid: '??>>', utid: 'x', extra: true }));
    expect(standard).toMatch(/[+/]/u);
    expect(decodeClientInfo(standard)).toEqual({ uid: '??>>', utid: 'x' });
  });

  it('is undefined for what does not decode to string uid and utid', () => {
    for (const encoded of [
      '',
      '!!!',
      btoa('[]'),
      btoa('{"uid":1,"utid":"x"}'),
      btoa('{"uid":"x"}'),
      'A'.repeat(2000),
    ])
      expect(decodeClientInfo(encoded)).toBeUndefined();
  });
});
