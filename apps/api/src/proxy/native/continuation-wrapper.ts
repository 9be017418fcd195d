import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import type { CookieKey } from '../../config';
import { encryptionKeyOf } from '../cookie-encryption-key';
import type { NativeFlow, NativeMode } from './native-flow';

/**
 * What the proxy's own continuation token holds, sealed: the authority's continuation token and
 * who it is for, so that every call of a flow — even one that carries only a continuation token —
 * is attributable to an account, and is bound to the flow and mode it was issued in.
 */
export interface ContinuationWrapper {
  /** The authority's continuation token, opaque. */
  readonly ct: string;
  /** The normalised username the flow started with. */
  readonly usr: string;
  readonly flow: NativeFlow;
  readonly mode: NativeMode;
  /** Epoch seconds. */
  readonly exp: number;
}

/** The protected header's `typ`: a session cookie (same key ring) never opens as a wrapper. */
const WRAPPER_TYPE = 'ropc-native-ct';

/** The authority's continuation tokens live 600 s from issue: a wrapper no longer. */
export const MAX_WRAPPER_SECONDS = 600;

const FLOWS: readonly string[] = ['sign_in', 'sign_up', 'reset_password'];
const MODES: readonly string[] = ['cookie', 'passthrough'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Seals a wrapper as a JWE (`dir` + A256GCM) under the newest key of the cookie key ring. */
export async function sealContinuation(
  wrapper: ContinuationWrapper,
  keys: readonly CookieKey[],
): Promise<string> {
  const newest = keys[0];
  if (!newest) throw new TypeError('the cookie key ring is empty');
  return new CompactEncrypt(encoder.encode(JSON.stringify(wrapper)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: newest.kid, typ: WRAPPER_TYPE })
    .encrypt(await encryptionKeyOf(newest));
}

function isWrapper(value: unknown): value is ContinuationWrapper {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['ct'] === 'string' &&
    record['ct'] !== '' &&
    typeof record['usr'] === 'string' &&
    typeof record['flow'] === 'string' &&
    FLOWS.includes(record['flow']) &&
    typeof record['mode'] === 'string' &&
    MODES.includes(record['mode']) &&
    typeof record['exp'] === 'number'
  );
}

/**
 * Opens a wrapper; undefined for anything foreign (the authority's own token, another key ring),
 * tampered, expired, or not a wrapper.
 */
export async function openContinuation(
  sealed: string,
  keys: readonly CookieKey[],
  nowSeconds: number,
): Promise<ContinuationWrapper | undefined> {
  try {
    const header = decodeProtectedHeader(sealed);
    if (header.typ !== WRAPPER_TYPE) return undefined;
    const key = keys.find((candidate) => candidate.kid === header.kid);
    if (!key) return undefined;
    const { plaintext } = await compactDecrypt(sealed, await encryptionKeyOf(key), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const payload: unknown = JSON.parse(decoder.decode(plaintext));
    return isWrapper(payload) && payload.exp > nowSeconds ? payload : undefined;
  } catch {
    return undefined;
  }
}
