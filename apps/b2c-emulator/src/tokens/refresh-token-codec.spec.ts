import { randomBytes } from 'node:crypto';
import {
  newRefreshTokenFamily,
  newSuccessorKey,
  refreshTokenKey,
  successorRefreshToken,
} from './refresh-token-codec';

describe('refresh token codec', () => {
  it('issues `{family id}.{secret}` and reads back the family id and the hash', () => {
    const { token, key } = newRefreshTokenFamily();
    expect(token).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/u);
    expect(token.startsWith(`${key.familyId}.`)).toBe(true);
    expect(refreshTokenKey(token)).toEqual(key);
    expect(key.hash).toMatch(/^[\w-]{43}$/u);
    expect(key.hash).not.toBe(token.split('.')[1]);
  });

  it('derives the same successor again, in the same family, and another from another key', () => {
    const { token, key } = newRefreshTokenFamily();
    const familyKey = newSuccessorKey();
    const successor = successorRefreshToken(familyKey, token);
    expect(successorRefreshToken(familyKey, token)).toBe(successor);
    expect(refreshTokenKey(successor)?.familyId).toBe(key.familyId);
    expect(refreshTokenKey(successor)?.hash).not.toBe(key.hash);
    expect(successorRefreshToken(newSuccessorKey(), token)).not.toBe(successor);
  });

  it.each([
    [
      'a token of the shape before family ids (43 characters)',
      randomBytes(32).toString('base64url'),
    ],
    ['an empty string', ''],
    ['junk', 'not-a-token'],
    [
      'an upper-case family id',
      `${'A'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(12)}.${'a'.repeat(43)}`,
    ],
    [
      'a secret one character short',
      `${'a'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(12)}.${'a'.repeat(42)}`,
    ],
    ['two tokens joined', `${'a'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(12)}.${'a'.repeat(43)}.x`],
    [
      'a line break after it',
      `${'a'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(12)}.${'a'.repeat(43)}\n`,
    ],
    ['a megabyte', 'a'.repeat(1 << 20)],
  ])('refuses %s: no key, so it reads as an unknown token', (_case, token) => {
    expect(refreshTokenKey(token)).toBeUndefined();
  });

  it('refuses to derive a successor of a string it would not issue', () => {
    expect(() => successorRefreshToken(newSuccessorKey(), 'not-a-token')).toThrow(TypeError);
  });
});
