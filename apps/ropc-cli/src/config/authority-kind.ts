import { parseAuthority } from '@ropc/protocol';
import { CIAM_HOST_SUFFIX } from '@ropc/protocol/native-auth';
import { usageError } from '../cli-error';

/** How the CLI signs in: B2C's ROPC password grant, or External ID's native authentication. */
export type AuthorityKind = 'b2c' | 'external-id';

export const AUTHORITY_KINDS: readonly AuthorityKind[] = ['b2c', 'external-id'];

export function isAuthorityKind(value: string): value is AuthorityKind {
  return (AUTHORITY_KINDS as readonly string[]).includes(value);
}

/**
 * The kind an authority names: a `*.ciamlogin.com` host is External ID; a B2C policy authority
 * (`https://host/{tenant}/{policy}` or `…/tfp/{tenant}/{policy}`) is B2C; a bare tenant URL such
 * as the emulator's `http://127.0.0.1:7072/{tenant}/` is External ID. `--kind` overrides this.
 */
export function detectAuthorityKind(authority: string): AuthorityKind {
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw usageError('the authority is not an absolute URL');
  }
  if (url.hostname.endsWith(CIAM_HOST_SUFFIX)) return 'external-id';
  return parseAuthority(authority) === undefined ? 'external-id' : 'b2c';
}
