import { clientIpFromForwardedFor, normaliseIpAddress } from './client-ip';
import { normaliseUsername } from './normalise-username';

describe('clientIpFromForwardedFor', () => {
  it('uses the socket address (the last entry) with no trusted hops', () => {
    expect(clientIpFromForwardedFor('203.0.113.9, 10.0.0.2', 0)).toBe('10.0.0.2');
  });

  it('uses the N-th address from the right with N trusted hops', () => {
    expect(clientIpFromForwardedFor('198.51.100.1, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientIpFromForwardedFor('198.51.100.1, 203.0.113.9, 10.0.0.2', 2)).toBe('198.51.100.1');
  });

  it('ignores entries a client forged to the left of the trusted ones', () => {
    expect(clientIpFromForwardedFor('1.1.1.1, 6.6.6.6, 203.0.113.9, 10.0.0.2', 1)).toBe(
      '203.0.113.9',
    );
  });

  it('falls back to the left-most entry when there are fewer entries than hops', () => {
    expect(clientIpFromForwardedFor('10.0.0.2', 3)).toBe('10.0.0.2');
  });

  it('returns undefined for an empty header and refuses a bad hop count', () => {
    expect(clientIpFromForwardedFor(' , ', 0)).toBeUndefined();
    expect(() => clientIpFromForwardedFor('1.2.3.4', -1)).toThrow(TypeError);
  });
});

describe('normaliseIpAddress', () => {
  it.each([
    ['203.0.113.9:51234', '203.0.113.9'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseIpAddress(input)).toBe(expected);
  });
});

describe('normaliseUsername', () => {
  it('trims, NFC-normalises and lower-cases', () => {
    expect(normaliseUsername('  Ale\u0301x@Contoso.COM ')).toBe('al\u00e9x@contoso.com');
  });
});
