import type { FixedWindowLimiter } from '@ropc/identity-protection';
import type { NativeAuthEndpoint } from '@ropc/protocol/native-auth';
import type { NativeAuthProxy } from './native-auth-proxy';
import type { NativeRefusal } from './native-error';
import { isCredentialAttempt, mayChallengeWithCode } from './native-flow';

/** One limit a call is counted against: the limiter and the key it counts under. */
type Count = readonly [FixedWindowLimiter, string];

function countsOf(
  proxy: NativeAuthProxy,
  endpoint: NativeAuthEndpoint,
  grantType: string | undefined,
  client: string,
  account: string | undefined,
): Count[] {
  const perAccount = (limiter: FixedWindowLimiter, prefix: string): Count[] =>
    account === undefined ? [] : [[limiter, `${prefix}|${account}`]];
  if (mayChallengeWithCode(endpoint))
    return [
      [proxy.codeSendsPerClient, `native-code-ip|${client}`],
      ...perAccount(proxy.codeSendsPerAccount, 'native-code-account'),
    ];
  if (endpoint === 'signUpStart')
    return [[proxy.signUpStartsPerClient, `native-signup-ip|${client}`]];
  if (endpoint === 'resetPasswordStart')
    return [
      [proxy.resetStartsPerClient, `native-reset-ip|${client}`],
      ...perAccount(proxy.resetStartsPerAccount, 'native-reset-account'),
    ];
  if (isCredentialAttempt(endpoint, grantType))
    return [[proxy.signInLimiter, `native-ip|${client}`]];
  if (endpoint === 'token' && grantType === 'refresh_token')
    return [[proxy.refreshClientLimiter, `refresh-ip|${client}`]];
  return [];
}

/**
 * The limits that keep the proxy from flooding mailboxes or enumerating accounts, checked before
 * anything goes upstream: code sends (every challenge) per client and per account, sign-up starts
 * per client, password-reset starts per client and per account, credential attempts per client.
 * The client is counted first, so that a client over its limit spends nothing of an account's.
 * Over a limit: a 429 with Retry-After, never forwarded — the same for an account that exists and
 * one that does not, so the answer tells nothing the authority would not.
 */
export async function refuseOverLimit(
  proxy: NativeAuthProxy,
  endpoint: NativeAuthEndpoint,
  grantType: string | undefined,
  client: string,
  account: string | undefined,
): Promise<NativeRefusal | undefined> {
  for (const [limiter, key] of countsOf(proxy, endpoint, grantType, client, account)) {
    const check = await limiter.hit(key);
    if (check.limited) {
      proxy.metrics.refused('client_throttled');
      return { kind: 'throttled', retryAfterSeconds: check.retryAfterSeconds, reason: 'throttled' };
    }
  }
  const backoff = proxy.backoff.remainingSeconds();
  if (backoff > 0) {
    proxy.metrics.refused('authority_backoff');
    return { kind: 'throttled', retryAfterSeconds: backoff, reason: 'throttled' };
  }
  return undefined;
}
