import type { CookieKey } from '../config';
import { KnownDeviceCookie, MAX_DEVICE_ENTRIES } from './known-device-cookie';

const key = (kid: string, fill: number): CookieKey => ({ kid, key: new Uint8Array(32).fill(fill) });
const OLD = key('k-1', 1);
const NEW = key('k-2', 2);
const AUTHORITY = 'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth';
const account = (name: string) => `${AUTHORITY}|${name}@contoso.com`;
const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const TRUST_SECONDS = 180 * 86_400;

/** What a sign-in does with the request's cookie: read it once, then renew `who` in it. */
async function remember(devices: KnownDeviceCookie, cookie: string | undefined, who: string) {
  return devices.renew(await devices.read(cookie), who);
}

/** The device a cookie names for `who`, read as a sign-in reads it. */
async function find(devices: KnownDeviceCookie, cookie: string | undefined, who: string) {
  return devices.deviceIn(await devices.read(cookie), who);
}

describe('KnownDeviceCookie', () => {
  let now = T0;
  const cookies = (ring: CookieKey[]) => new KnownDeviceCookie(ring, TRUST_SECONDS, () => now);

  beforeEach(() => {
    now = T0;
  });

  it('knows the device for the account it signed in to, and only that one', async () => {
    const devices = cookies([OLD]);
    const value = await remember(devices, undefined, account('alice'));
    const known = await find(devices, value, account('alice'));
    expect(known).toEqual({ id: expect.stringMatching(/^[\w-]{22}$/u), issuedAt: T0 });
    expect(await find(devices, value, account('bob'))).toBeNull();
    expect(await find(devices, value, `other|alice@contoso.com`)).toBeNull();
  });

  it('keeps the device id when the account signs in again, renewing its time', async () => {
    const devices = cookies([OLD]);
    const first = await remember(devices, undefined, account('alice'));
    now += 1000;
    const second = await remember(devices, first, account('alice'));
    expect(await find(devices, second, account('alice'))).toEqual({
      id: (await find(devices, first, account('alice')))?.id,
      issuedAt: T0 + 1000,
    });
  });

  it('holds five accounts at most, evicting the oldest', async () => {
    const devices = cookies([OLD]);
    let value: string | undefined;
    for (let index = 0; index <= MAX_DEVICE_ENTRIES; index++) {
      now += 1000;
      value = await remember(devices, value, account(`user${index}`));
    }
    expect(await find(devices, value, account('user0'))).toBeNull();
    for (let index = 1; index <= MAX_DEVICE_ENTRIES; index++)
      expect(await find(devices, value, account(`user${index}`))).not.toBeNull();
  });

  it('counts a tampered, foreign or expired cookie as no known device, never as an error', async () => {
    const devices = cookies([OLD]);
    const value = await remember(devices, undefined, account('alice'));
    const [header, payload, signature] = value.split('.');
    const tampered = `${header}.${payload}.${signature?.slice(0, -2)}AA`;
    expect(await find(devices, tampered, account('alice'))).toBeNull();
    expect(await find(cookies([key('k-1', 9)]), value, account('alice'))).toBeNull();
    expect(await find(devices, 'garbage', account('alice'))).toBeNull();
    expect(await find(devices, 'a'.repeat(5000), account('alice'))).toBeNull();
    now += TRUST_SECONDS * 1000;
    expect(await find(devices, value, account('alice'))).toBeNull();
  });

  it('goes on knowing devices through a key rotation, and re-signs with the newest key', async () => {
    const before = await remember(cookies([OLD]), undefined, account('alice'));
    const rotated = cookies([NEW, OLD]);
    expect(await find(rotated, before, account('alice'))).not.toBeNull();
    const after = await remember(rotated, before, account('bob'));
    expect(JSON.parse(Buffer.from(after.split('.')[0] ?? '', 'base64url').toString())).toEqual({
      alg: 'HS256',
      kid: 'k-2',
    });
    expect(await find(rotated, after, account('alice'))).not.toBeNull();
    expect(await find(cookies([NEW]), after, account('alice'))).toBeNull();
    expect(await find(cookies([NEW]), after, account('bob'))).not.toBeNull();
  });
});
