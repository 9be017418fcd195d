import type { KnownDevice } from '@ropc/identity-protection';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { CookieKey } from '../config';

/** The known-device cookie's name (docs/architecture.md, "The sign-in proxy"). */
export const DEVICE_COOKIE = 'ropc_device';

/** Accounts one browser is known for; signing in to a sixth evicts the oldest. */
export const MAX_DEVICE_ENTRIES = 5;

/** Well under the 4 kB browsers allow a cookie (five entries take about 1 kB). */
const MAX_DEVICE_COOKIE_BYTES = 3000;

/** One account this browser signed in to: never the username, only a keyed hash of it. */
export interface DeviceEntry {
  /** A random device id, per account. */
  readonly d: string;
  /** HMAC of (authority, normalised username) under the account key of `k`. */
  readonly a: string;
  /** Epoch seconds of the sign-in. */
  readonly t: number;
  /** The cookie key ring's kid whose derived key made `a`. */
  readonly k: string;
}

interface DerivedKeys {
  /** The HS256 key, imported once: jose would import raw bytes again on every sign and verify. */
  readonly mac: Promise<CryptoKey>;
  readonly account: Uint8Array;
}

/**
 * A request's `ropc_device` cookie, verified once: what {@link KnownDeviceCookie.deviceIn} and
 * {@link KnownDeviceCookie.renew} read, so that a sign-in checks the signature a single time.
 */
export interface ReadDeviceCookie {
  /** The verified, unexpired entries; none for a missing, tampered or foreign cookie. */
  readonly entries: readonly DeviceEntry[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The `ropc_device` cookie (the OWASP "device cookie" pattern): a JWS (HS256) over up to five
 * entries, each a random device id with a keyed hash of the account it signed in to. Both keys are
 * derived (HKDF-SHA256) per `kid` from the cookie key ring, so rotating the ring rotates them; a
 * tampered cookie, an unknown kid or an entry older than `trustSeconds` simply counts as unknown.
 */
export class KnownDeviceCookie {
  private readonly derived = new Map<string, DerivedKeys>();

  constructor(
    private readonly keys: readonly CookieKey[],
    private readonly trustSeconds: number,
    private readonly now: () => number,
  ) {}

  /** Verifies a request's cookie once, for `deviceIn` and `renew`. */
  async read(cookie: string | undefined): Promise<ReadDeviceCookie> {
    return { entries: await this.entries(cookie) };
  }

  /** The device a read cookie names for `account`, or null. */
  deviceIn(cookie: ReadDeviceCookie, account: string): KnownDevice | null {
    for (const entry of cookie.entries) {
      const keys = this.keysOf(entry.k);
      if (keys && entry.a === accountHash(keys, account))
        return { id: entry.d, issuedAt: entry.t * 1000 };
    }
    return null;
  }

  /**
   * The cookie value after `account` signed in from this browser (its read cookie): its entry
   * renewed (keeping its device id) or added, the oldest entries evicted beyond five.
   */
  async renew(cookie: ReadDeviceCookie, account: string): Promise<string> {
    const newest = this.keys[0];
    const newestKeys = newest && this.keysOf(newest.kid);
    if (!newest || !newestKeys) throw new TypeError('the cookie key ring is empty');
    const known = this.deviceIn(cookie, account);
    const others = cookie.entries.filter((entry) => {
      const keys = this.keysOf(entry.k);
      return keys !== undefined && entry.a !== accountHash(keys, account);
    });
    const entry: DeviceEntry = {
      d: known?.id ?? randomBytes(16).toString('base64url'),
      a: accountHash(newestKeys, account),
      t: Math.floor(this.now() / 1000),
      k: newest.kid,
    };
    const entries = [...others, entry].sort((x, y) => x.t - y.t).slice(-MAX_DEVICE_ENTRIES);
    const value = await new CompactSign(encoder.encode(JSON.stringify({ e: entries })))
      .setProtectedHeader({ alg: 'HS256', kid: newest.kid })
      .sign(await newestKeys.mac);
    if (value.length > MAX_DEVICE_COOKIE_BYTES)
      throw new RangeError('the device cookie does not fit');
    return value;
  }

  /** The verified, unexpired entries of a cookie; none for anything else. */
  private async entries(cookie: string | undefined): Promise<DeviceEntry[]> {
    if (!cookie || cookie.length > MAX_DEVICE_COOKIE_BYTES) return [];
    try {
      const { kid } = decodeProtectedHeader(cookie);
      const keys = typeof kid === 'string' ? this.keysOf(kid) : undefined;
      if (!keys) return [];
      const { payload } = await compactVerify(cookie, await keys.mac, { algorithms: ['HS256'] });
      const parsed: unknown = JSON.parse(decoder.decode(payload));
      const oldest = Math.floor(this.now() / 1000) - this.trustSeconds;
      return readEntries(parsed).filter((entry) => entry.t > oldest);
    } catch {
      return [];
    }
  }

  private keysOf(kid: string): DerivedKeys | undefined {
    const cached = this.derived.get(kid);
    if (cached) return cached;
    const key = this.keys.find((candidate) => candidate.kid === kid)?.key;
    if (!key) return undefined;
    const derive = (info: string) => new Uint8Array(hkdfSync('sha256', key, '', info, 32));
    const mac = crypto.subtle.importKey(
      'raw',
      derive('ropc_device mac'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    const keys = { mac, account: derive('ropc_device account') };
    this.derived.set(kid, keys);
    return keys;
  }
}

function accountHash(keys: DerivedKeys, account: string): string {
  return createHmac('sha256', keys.account).update(account).digest('base64url').slice(0, 22);
}

function readEntries(value: unknown): DeviceEntry[] {
  const list = (value as { e?: unknown } | null)?.e;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is DeviceEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as DeviceEntry).d === 'string' &&
      typeof (entry as DeviceEntry).a === 'string' &&
      typeof (entry as DeviceEntry).t === 'number' &&
      typeof (entry as DeviceEntry).k === 'string',
  );
}
