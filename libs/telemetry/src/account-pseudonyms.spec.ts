import { createHmac } from 'node:crypto';
import { AccountPseudonyms } from './account-pseudonyms';

const KEY = new Uint8Array(Buffer.alloc(32, 1));

describe('AccountPseudonyms', () => {
  it('names an account by the HMAC-SHA-256 of its normalised username, in hex', () => {
    const expected = createHmac('sha256', KEY).update('alice@contoso.com').digest('hex');
    const pseudonyms = new AccountPseudonyms(KEY);
    expect(pseudonyms.enabled).toBe(true);
    expect(pseudonyms.of('  Alice@Contoso.COM ')).toBe(expected);
    expect(pseudonyms.attributesOf('alice@contoso.com')).toEqual({ 'enduser.pseudo.id': expected });
  });

  it('gives another pseudonym under another key', () => {
    const other = new AccountPseudonyms(new Uint8Array(Buffer.alloc(32, 2)));
    expect(other.of('alice@contoso.com')).not.toBe(
      new AccountPseudonyms(KEY).of('alice@contoso.com'),
    );
  });

  it('names no account at all without a key (never an unkeyed hash)', () => {
    const pseudonyms = new AccountPseudonyms(undefined);
    expect(pseudonyms.enabled).toBe(false);
    expect(pseudonyms.of('alice@contoso.com')).toBeUndefined();
    expect(pseudonyms.attributesOf('alice@contoso.com')).toEqual({});
    expect(pseudonyms.attributesOf(undefined)).toEqual({});
  });
});
