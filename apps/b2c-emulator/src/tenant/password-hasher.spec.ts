import { hashPassword, isArgon2idPhc, verifyPassword } from './password-hasher';

describe('password-hasher', () => {
  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and a fresh salt each time', async () => {
    const first = await hashPassword('Alice-Passw0rd!');
    const second = await hashPassword('Alice-Passw0rd!');

    expect(first).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(second).not.toBe(first);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const phc = await hashPassword('Pässwörd-日本語-🔑');

    await expect(verifyPassword(phc, 'Pässwörd-日本語-🔑')).resolves.toBe(true);
    await expect(verifyPassword(phc, 'Passwörd-日本語-🔑')).resolves.toBe(false);
  });

  it('fails closed on a hash that cannot be decoded', async () => {
    await expect(verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$bad$bad', 'x')).resolves.toBe(
      false,
    );
    await expect(verifyPassword('not a hash', 'x')).resolves.toBe(false);
  });

  describe('isArgon2idPhc', () => {
    it('accepts argon2id PHC strings, with or without the version segment', () => {
      const digest = 'pGSZuTsiMrnADCMljBVu6Q$YW/PfctJDGH7zxn+4hmpeN9j/efDvofer6ZE43MrGHc';

      expect(isArgon2idPhc(`$argon2id$v=19$m=19456,t=2,p=1$${digest}`)).toBe(true);
      expect(isArgon2idPhc(`$argon2id$m=19456,t=2,p=1$${digest}`)).toBe(true);
    });

    it.each([
      ['argon2i', '$argon2i$v=19$m=19456,t=2,p=1$pGSZuTsiMrnADCMljBVu6Q$YW/PfctJDGH7zxn+4hmpeN9j'],
      ['argon2d', '$argon2d$v=19$m=19456,t=2,p=1$pGSZuTsiMrnADCMljBVu6Q$YW/PfctJDGH7zxn+4hmpeN9j'],
      ['bcrypt', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'],
      ['undecodable Base64', '$argon2id$v=19$m=19456,t=2,p=1$bad$bad'],
      ['plain text', 'Alice-Passw0rd!'],
    ])('refuses %s', (_name, value) => {
      expect(isArgon2idPhc(value)).toBe(false);
    });
  });
});
