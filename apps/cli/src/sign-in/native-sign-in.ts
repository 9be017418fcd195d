import { normaliseTokenResponse, toTokenSet, type TokenSet } from '@ropc/protocol';
import {
  createNativeAuthClient,
  type NativeAuthClient,
  type NativeAuthOutcome,
  type NativeAuthTokenResponse,
} from '@ropc/protocol/native-auth';
import type { ExternalIdAuthority } from '../authority/resolve-authority';
import type { SecretSource } from '../secrets/secret-source';
import { fromNativeAuthFailure, fromProtocolError } from './authority-errors';

/** Where and as whom a native-auth call goes. */
export interface NativeAuthTarget {
  readonly authority: ExternalIdAuthority;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** What a native sign-in asks the user for, only when the flow gets there. */
export interface NativeSignInCredentials {
  readonly password: SecretSource;
  /** The one-time code, after it was sent to `sentTo` (masked address). */
  readonly code: (sentTo: string | undefined) => Promise<string>;
}

function clientOf(target: NativeAuthTarget): NativeAuthClient {
  // The CLI handles both challenges; `redirect` is appended by the library, as MSAL does.
  return createNativeAuthClient({
    baseUrl: target.authority.tenant.baseUrl,
    clientId: target.clientId,
    challengeTypes: ['password', 'oob'],
  });
}

/** Calls a step; a network failure becomes the CLI's error. */
async function step<T>(call: () => Promise<NativeAuthOutcome<T>>): Promise<T> {
  let outcome: NativeAuthOutcome<T>;
  try {
    outcome = await call();
  } catch (error) {
    throw fromProtocolError(error);
  }
  if (outcome.kind !== 'success') throw fromNativeAuthFailure(outcome);
  return outcome.body;
}

function tokenSetOf(body: NativeAuthTokenResponse, requestedAt: number): TokenSet {
  try {
    return toTokenSet(normaliseTokenResponse(body), requestedAt);
  } catch (error) {
    throw fromProtocolError(error);
  }
}

/**
 * Native sign-in (docs/entra-native-auth-protocol.md §3): initiate with the username, challenge,
 * then the password grant — or, for an e-mail one-time-passcode user, the code grant with the
 * code the authority sent.
 */
export async function nativeSignIn(
  target: NativeAuthTarget,
  username: string,
  credentials: NativeSignInCredentials,
  now: () => number,
): Promise<TokenSet> {
  const client = clientOf(target);
  const started = await step(() => client.signInInitiate({ username }));
  const challenge = await step(() =>
    client.signInChallenge({ continuationToken: started.continuation_token }),
  );
  const grant = { continuationToken: challenge.continuation_token, scopes: target.scopes };
  if (challenge.challenge_type === 'password') {
    const password = await credentials.password();
    const requestedAt = now();
    return tokenSetOf(await step(() => client.passwordGrant({ ...grant, password })), requestedAt);
  }
  const oob = await credentials.code(challenge.challenge_target_label);
  const requestedAt = now();
  return tokenSetOf(await step(() => client.oobGrant({ ...grant, oob })), requestedAt);
}

/** Redeems a native-auth refresh token (§3.5): the answer carries its replacement. */
export async function nativeRefresh(
  target: NativeAuthTarget,
  refreshToken: string,
  now: () => number,
): Promise<TokenSet> {
  const client = clientOf(target);
  const requestedAt = now();
  return tokenSetOf(
    await step(() => client.refreshTokenGrant({ refreshToken, scopes: target.scopes })),
    requestedAt,
  );
}
