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
  // A sign-in challenge e-mails a code only to a code user: its account counts once the answer
  // says so (`countCodeSent`), and is checked before (`peek`); see refuseOverLimit.
  if (endpoint === 'signInChallenge')
    return [[proxy.codeSendsPerClient, `native-code-ip|${client}`]];
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
 * anything goes upstream: code sends per client (every challenge) and per account (every sign-up
 * and reset challenge; a sign-in challenge once it sent a code — so that challenges cannot keep
 * a password user from signing in — checked without counting before), sign-up starts
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
  const refused = (retryAfterSeconds: number): NativeRefusal => {
    proxy.metrics.refused('client_throttled');
    return { kind: 'throttled', retryAfterSeconds, reason: 'throttled' };
  };
  for (const [limiter, key] of countsOf(proxy, endpoint, grantType, client, account)) {
    const check = await limiter.hit(key);
    if (check.limited) return refused(check.retryAfterSeconds);
  }
  if (endpoint === 'signInChallenge' && account !== undefined) {
    const spent = await proxy.codeSendsPerAccount.peek(`native-code-account|${account}`);
    if (spent.limited) return refused(spent.retryAfterSeconds);
  }
  const backoff = proxy.backoff.remainingSeconds();
  if (backoff > 0) {
    proxy.metrics.refused('authority_backoff');
    return { kind: 'throttled', retryAfterSeconds: backoff, reason: 'throttled' };
  }
  return undefined;
}

/**
 * Counts a code the authority sent in a sign-in challenge (`challenge_type` `oob`) against the
 * account's code sends; `refuseOverLimit` refuses the account's next challenge once they are spent.
 */
export async function countCodeSent(
  proxy: NativeAuthProxy,
  endpoint: NativeAuthEndpoint,
  account: string | undefined,
  status: number,
  body: Readonly<Record<string, unknown>>,
): Promise<void> {
  if (endpoint !== 'signInChallenge' || account === undefined) return;
  if (status !== 200 || body['challenge_type'] !== 'oob') return;
  await proxy.codeSendsPerAccount.hit(`native-code-account|${account}`);
}
