import type { NativeAuthEndpoint } from '@ropc/protocol/native-auth';

/** The three flows of native authentication (docs/entra-native-auth-protocol.md §3–§5). */
export type NativeFlow = 'sign_in' | 'sign_up' | 'reset_password';

/**
 * The two modes of `/api/auth/native`: `cookie` (the Angular client, `X-Requested-With` sent: the
 * refresh token sealed into `ropc_session`) and `passthrough` (Microsoft's SDK, answers unchanged
 * apart from the wrapped continuation tokens).
 */
export type NativeMode = 'cookie' | 'passthrough';

/** The endpoints that start a flow: they name the username, and carry no continuation token. */
const STARTS: Partial<Record<NativeAuthEndpoint, NativeFlow>> = {
  signInInitiate: 'sign_in',
  signUpStart: 'sign_up',
  resetPasswordStart: 'reset_password',
};

/** The flow whose continuation token each later endpoint takes (the token endpoint: by grant). */
const CONTINUES: Partial<Record<NativeAuthEndpoint, NativeFlow>> = {
  signInChallenge: 'sign_in',
  signInIntrospect: 'sign_in',
  signUpChallenge: 'sign_up',
  signUpContinue: 'sign_up',
  resetPasswordChallenge: 'reset_password',
  resetPasswordContinue: 'reset_password',
  resetPasswordSubmit: 'reset_password',
  resetPasswordPollCompletion: 'reset_password',
};

/** What one call is, as the proxy protects it. */
export type NativeCall =
  /** A flow's first call: the username is in the form. */
  | { readonly kind: 'start'; readonly flow: NativeFlow }
  /** A later call: its continuation token must be a wrapper of one of `flows`. */
  | { readonly kind: 'continue'; readonly flows: readonly NativeFlow[] }
  /** The refresh_token grant: no continuation token, no account (pass-through only). */
  | { readonly kind: 'refresh' }
  /** A grant type the token endpoint does not have. */
  | { readonly kind: 'unsupported_grant' };

/** Token grants that go on from a flow (`continuation_token`: after a sign-up or a reset). */
const TOKEN_GRANT_FLOWS: Readonly<Record<string, readonly NativeFlow[]>> = {
  password: ['sign_in'],
  oob: ['sign_in'],
  continuation_token: ['sign_in', 'sign_up', 'reset_password'],
};

/** Classifies a call by its endpoint and, on the token endpoint, its `grant_type`. */
export function nativeCallOf(
  endpoint: NativeAuthEndpoint,
  grantType: string | undefined,
): NativeCall {
  const started = STARTS[endpoint];
  if (started) return { kind: 'start', flow: started };
  const continued = CONTINUES[endpoint];
  if (continued) return { kind: 'continue', flows: [continued] };
  // The token endpoint.
  if (grantType === 'refresh_token') return { kind: 'refresh' };
  const flows = grantType === undefined ? undefined : TOKEN_GRANT_FLOWS[grantType];
  return flows ? { kind: 'continue', flows } : { kind: 'unsupported_grant' };
}

/**
 * Calls that check a credential of the account — a password or a one-time code — and so count
 * against its failure budget: the token endpoint's password and oob grants, and the code checks
 * of sign-up and password reset (their `continue` with `grant_type=oob`).
 */
export function isCredentialAttempt(
  endpoint: NativeAuthEndpoint,
  grantType: string | undefined,
): boolean {
  if (endpoint === 'token') return grantType === 'password' || grantType === 'oob';
  if (endpoint === 'signUpContinue' || endpoint === 'resetPasswordContinue')
    return grantType === 'oob';
  return false;
}

/**
 * Calls that may send a one-time code: every challenge (a sign-in challenge only to a code user,
 * which its answer tells: native-limits.ts).
 */
export function mayChallengeWithCode(endpoint: NativeAuthEndpoint): boolean {
  return (
    endpoint === 'signInChallenge' ||
    endpoint === 'signUpChallenge' ||
    endpoint === 'resetPasswordChallenge'
  );
}
