import { FixedWindowLimiter, normaliseUsername } from '@ropc/identity-protection';
import { buildNativeAuthUrl, type NativeAuthEndpoint } from '@ropc/protocol/native-auth';
import type { ApiConfig, ExternalIdSettings } from '../../config';
import { ProxyGuards } from '../proxy-guards';
import type { SignInProxyStores } from '../sign-in-proxy';
import { DEFAULT_THROTTLE_BACKOFF_SECONDS, retryAfterSeconds } from '../upstream-backoff';
import { forwardNativeCall, type NativeUpstreamAnswer } from './native-upstream';

/**
 * The native-authentication proxy's collaborators (`/api/auth/native/{*path}`, forwarding to
 * `EXTERNAL_ID_AUTHORITY`): the same kind of budgets, throttles and stores as the B2C sign-in
 * proxy — accounts keyed by this authority — plus the limits on code sends and flow starts. It
 * exists only when the External ID settings are given (a TypeError otherwise).
 */
export class NativeAuthProxy extends ProxyGuards {
  readonly externalId: ExternalIdSettings;
  readonly codeSendsPerAccount: FixedWindowLimiter;
  readonly codeSendsPerClient: FixedWindowLimiter;
  readonly signUpStartsPerClient: FixedWindowLimiter;
  readonly resetStartsPerAccount: FixedWindowLimiter;
  readonly resetStartsPerClient: FixedWindowLimiter;
  /** Each endpoint's URL at the authority, built on its first call (the twelve never change). */
  private readonly endpointUrls = new Map<NativeAuthEndpoint, string>();

  constructor(
    config: ApiConfig,
    stores: SignInProxyStores,
    now: () => number = Date.now,
    log: (line: string) => void = (line) => {
      console.warn(line);
    },
  ) {
    super(config, stores, now, log, {
      proxy: 'native-auth proxy',
      authority: 'External ID',
      kind: 'external-id',
    });
    const { externalId, nativeProxy } = config;
    if (!externalId) throw new TypeError('the native-auth proxy needs the External ID settings');
    this.externalId = externalId;
    const limiter = (limit: { limit: number; windowSeconds: number }) =>
      new FixedWindowLimiter(stores.counters, limit, now);
    this.codeSendsPerAccount = limiter(nativeProxy.codeSendsPerAccount);
    this.codeSendsPerClient = limiter(nativeProxy.codeSendsPerClient);
    this.signUpStartsPerClient = limiter(nativeProxy.signUpStartsPerClient);
    this.resetStartsPerAccount = limiter(nativeProxy.resetStartsPerAccount);
    this.resetStartsPerClient = limiter(nativeProxy.resetStartsPerClient);
  }

  /** The account of a normalised username: this authority and the name. */
  accountOf(normalisedUsername: string): string {
    return `${this.externalId.authority}|${normalisedUsername}`;
  }

  normalise(username: string): string {
    return normaliseUsername(username);
  }

  /**
   * Posts a form to an endpoint of the authority, counting the call; a 429 holds back every
   * further call of this instance for the time the authority asked.
   */
  async forward(
    endpoint: NativeAuthEndpoint,
    form: Readonly<Record<string, string>>,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<NativeUpstreamAnswer> {
    this.metrics.upstreamCall();
    const answer = await forwardNativeCall(
      this.authorityClient,
      this.urlOf(endpoint),
      form,
      headers,
    );
    if (answer.kind === 'answered' && answer.status === 429) {
      this.metrics.upstreamThrottled();
      this.backoff.backOff(
        retryAfterSeconds(answer.headers['retry-after'] ?? null, DEFAULT_THROTTLE_BACKOFF_SECONDS),
      );
    }
    return answer;
  }

  private urlOf(endpoint: NativeAuthEndpoint): string {
    let url = this.endpointUrls.get(endpoint);
    if (url === undefined) {
      url = buildNativeAuthUrl(this.externalId.authority, endpoint);
      this.endpointUrls.set(endpoint, url);
    }
    return url;
  }
}
