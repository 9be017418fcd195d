import { maskEmailAddress } from './mask-email-address';

describe('maskEmailAddress', () => {
  it('gives the published label for the API reference’s example user', () => {
    expect(maskEmailAddress('contoso-consumer@contoso.com')).toBe('c***r@co**o**o.com');
  });

  it.each([
    ['carol@contoso.com', 'c***l@co**o**o.com'],
    ['c@contoso.com', 'c***@co**o**o.com'],
    ['cd@contoso.com', 'c***@co**o**o.com'],
    ['Carol.Smith@Fabrikam.com', 'C***h@Fa**i**m.com'],
    ['carol@mail.contoso.co.uk', 'c***l@m***.co**o**o.c***.uk'],
    ['carol@localhost', 'c***l@lo**h**t'],
    ['carol@abcde.org', 'c***l@ab**d**e.org'],
    ['émile@exämple.com', 'é***e@ex**p**e.com'],
    ['😀x😀@a.io', '😀***😀@a***.io'],
  ])('masks %s as %s', (address, label) => {
    expect(maskEmailAddress(address)).toBe(label);
  });

  it('shows the same number of stars whatever the length, so the label does not leak it', () => {
    expect(maskEmailAddress('abc@abcdefgh.com')).toHaveLength(
      maskEmailAddress('abcdefghijklmnop@abcdefghijklmnop.com').length,
    );
  });

  it.each(['', 'carol', '@contoso.com', 'carol@', 'a@b@c.com', 'carol@contoso..com', 'carol@.com'])(
    'refuses %p with a TypeError',
    (address) => {
      expect(() => maskEmailAddress(address)).toThrow(TypeError);
    },
  );
});
