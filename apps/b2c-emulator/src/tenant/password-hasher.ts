import { availableParallelism } from 'node:os';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { ConcurrencyLimit } from './concurrency-limit';

/**
 * `Algorithm.Argon2id`. @node-rs/argon2 declares `Algorithm` as an ambient `const enum`, which
 * `isolatedModules` (SWC, esbuild) cannot inline, and its runtime export is an empty object, so
 * `Algorithm.Argon2id` would be `undefined` at run time. The numeric value is part of the typings;
 * a spec checks that hashes come out as `$argon2id$`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see above
const ARGON2ID = 2 as Algorithm.Argon2id;

/**
 * OWASP's argon2id baseline: 19 MiB, two passes, one lane (≈ 18 ms per hash on this machine kind).
 */
const HASH_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * Hashes in flight at once: one per core. Each holds its 19 MiB for its whole run, and more at
 * once than there are cores adds no throughput, only memory (with the thread pool's 4 threads,
 * 8 concurrent sign-ins took the emulator's resident memory from ~100 MB to ~180 MB).
 */
const hashing = new ConcurrencyLimit(availableParallelism());

/**
 * The shape of an argon2id PHC string: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (the version
 * segment is absent in strings written by Argon2 1.0). Salt and hash are unpadded standard Base64.
 */
export const ARGON2ID_PHC_PATTERN =
  /^\$argon2id\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Hashes a password with argon2id (m=19456 KiB, t=2, p=1) into a PHC string. Runs on the libuv
 * thread pool, as many at once as there are cores.
 */
export function hashPassword(plain: string): Promise<string> {
  return hashing.run(() => hash(plain, HASH_OPTIONS));
}

/**
 * Checks a password against a PHC string. Resolves `false` (never rejects) for a wrong password
 * and for a hash that cannot be decoded, so a corrupt record fails closed.
 */
export async function verifyPassword(phc: string, plain: string): Promise<boolean> {
  try {
    return await hashing.run(() => verify(phc, plain));
  } catch {
    return false;
  }
}

/** True when `value` is a decodable argon2id PHC string (not argon2i or argon2d). */
export function isArgon2idPhc(value: string): boolean {
  if (!ARGON2ID_PHC_PATTERN.test(value)) {
    return false;
  }
  try {
    return parseOptions(value).algorithm === ARGON2ID;
  } catch {
    // The pattern admits strings whose Base64 parts do not decode to a valid salt or digest.
    return false;
  }
}
