import { clientBucket } from './client-bucket';

describe('clientBucket', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
  ])('keys the IPv6 address %s by its /64, %s', (address, bucket) => {
    expect(clientBucket(address)).toBe(bucket);
  });

  it.each(['203.0.113.9', 'unknown', '1:2:3', '1::2::3', 'g::1', '1:2:3:4:5:6:7:8:9'])(
    'keeps %s as it is',
    (address) => {
      expect(clientBucket(address)).toBe(address);
    },
  );
});
