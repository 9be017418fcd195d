import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import type { CookieKey } from '../config';
import { encryptionKeyOf } from './cookie-encryption-key';

/** What the `ropc_session` cookie holds, encrypted: never readable by JavaScript or the user. */
export interface SessionPayload {
  /** Session id: what sign-out ends server-side. */
  readonly sid: string;
  /** The refresh token, opaque. */
  readonly rt: string;
  /** Epoch seconds at which the refresh token expires. */
  readonly exp: number;
  /** The scope of the sign-in, for refreshes that name none. */
  readonly scope: string;
  /**
   * The account signed in (`authority|normalised username`), so that a revoked session can end
   * trust in the account's known devices. Absent in cookies sealed before it was added.
   */
  readonly acct?: string;
  /**
   * The authority whose refresh token this is: `b2c` (also when absent, in cookies sealed before
   * it was added) or `external-id` (a session of the native-authentication proxy).
   */
  readonly auth?: SessionAuthority;
}

/** The authority kinds a session can belong to. */
export type SessionAuthority = 'b2c' | 'external-id';

/** The authority of a session (`b2c` for cookies sealed before sessions recorded it). */
export const sessionAuthorityOf = (session: SessionPayload): SessionAuthority =>
  session.auth ?? 'b2c';

/** The cookie's name. */
export const SESSION_COOKIE = 'ropc_session';

/** Browsers cap a cookie near 4096 bytes; stay under with the attributes. */
export const MAX_SESSION_COOKIE_BYTES = 3800;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Seals a session as a JWE (`dir` + A256GCM) under the newest key of the ring, naming the key in
 * `kid` so that older keys still open cookies during a rotation.
 *
 * @throws RangeError when the sealed value would not fit in a cookie.
 */
export async function sealSession(
  payload: SessionPayload,
  keys: readonly CookieKey[],
): Promise<string> {
  const newest = keys[0];
  if (!newest) throw new TypeError('the cookie key ring is empty');
  const sealed = await new CompactEncrypt(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: newest.kid })
    .encrypt(await encryptionKeyOf(newest));
  if (sealed.length > MAX_SESSION_COOKIE_BYTES)
    throw new RangeError('the session does not fit in a cookie');
  return sealed;
}

function isSessionPayload(value: unknown): value is SessionPayload {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['sid'] === 'string' &&
    typeof record['rt'] === 'string' &&
    typeof record['exp'] === 'number' &&
    typeof record['scope'] === 'string' &&
    (record['acct'] === undefined || typeof record['acct'] === 'string') &&
    (record['auth'] === undefined || record['auth'] === 'b2c' || record['auth'] === 'external-id')
  );
}

/** Opens a sealed session; undefined for anything forged, tampered, expired or unknown. */
export async function openSession(
  sealed: string,
  keys: readonly CookieKey[],
  nowSeconds: number,
): Promise<SessionPayload | undefined> {
  try {
    const { kid } = decodeProtectedHeader(sealed);
    const key = keys.find((candidate) => candidate.kid === kid);
    if (!key) return undefined;
    const { plaintext } = await compactDecrypt(sealed, await encryptionKeyOf(key), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const payload: unknown = JSON.parse(decoder.decode(plaintext));
    return isSessionPayload(payload) && payload.exp > nowSeconds ? payload : undefined;
  } catch {
    return undefined;
  }
}
