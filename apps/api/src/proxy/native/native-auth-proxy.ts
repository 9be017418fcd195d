import type { HttpRequest } from '@azure/functions';
import {
  AccountFailureBudget,
  FixedWindowLimiter,
  normaliseUsername,
} from '@ropc/identity-protection';
import { buildNativeAuthUrl, type NativeAuthEndpoint } from '@ropc/protocol/native-auth';
import type { ApiConfig, ExternalIdSettings } from '../../config';
import type { EndedSessionStore } from '../ended-session-store';
import { KnownDeviceCookie } from '../known-device-cookie';
import { ProxyMetrics } from '../proxy-metrics';
import { RequestClients } from '../request-client';
import type { SignInProxyStores } from '../sign-in-proxy';
import {
  DEFAULT_THROTTLE_BACKOFF_SECONDS,
  UpstreamBackoff,
  retryAfterSeconds,
} from '../upstream-backoff';
import { forwardNativeCall, type NativeUpstreamAnswer } from './native-upstream';

/**
 * The native-authentication proxy's collaborators (`/api/auth/native/{*path}`, forwarding to
 * `EXTERNAL_ID_AUTHORITY`): the same kind of budgets, throttles and stores as the B2C sign-in
 * proxy — accounts keyed by this authority — plus the limits on code sends and flow starts. It
 * exists only when the External ID settings are given (a TypeError otherwise).
 */
export class NativeAuthProxy {
  readonly externalId: ExternalIdSettings;
  /** Credential attempts per client (`AUTH_THROTTLE_IP`, as the B2C proxy's sign-ins). */
  readonly signInLimiter: FixedWindowLimiter;
  readonly codeSendsPerAccount: FixedWindowLimiter;
  readonly codeSendsPerClient: FixedWindowLimiter;
  readonly signUpStartsPerClient: FixedWindowLimiter;
  readonly resetStartsPerAccount: FixedWindowLimiter;
  readonly resetStartsPerClient: FixedWindowLimiter;
  readonly refreshSessionLimiter: FixedWindowLimiter;
  readonly refreshClientLimiter: FixedWindowLimiter;
  readonly budget: AccountFailureBudget;
  readonly devices: KnownDeviceCookie;
  readonly backoff: UpstreamBackoff;
  readonly endedSessions: EndedSessionStore;
  readonly metrics: ProxyMetrics;
  private readonly clients: RequestClients;

  constructor(
    readonly config: ApiConfig,
    stores: SignInProxyStores,
    readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = (line) => {
      console.warn(line);
    },
  ) {
    const { protection, externalId, nativeProxy } = config;
    if (!externalId) throw new TypeError('the native-auth proxy needs the External ID settings');
    this.externalId = externalId;
    this.clients = new RequestClients(config.trustedHops, 'native-auth proxy', log);
    const limiter = (limit: { limit: number; windowSeconds: number }) =>
      new FixedWindowLimiter(stores.counters, limit, now);
    this.signInLimiter = limiter(protection.signInPerClient);
    this.codeSendsPerAccount = limiter(nativeProxy.codeSendsPerAccount);
    this.codeSendsPerClient = limiter(nativeProxy.codeSendsPerClient);
    this.signUpStartsPerClient = limiter(nativeProxy.signUpStartsPerClient);
    this.resetStartsPerAccount = limiter(nativeProxy.resetStartsPerAccount);
    this.resetStartsPerClient = limiter(nativeProxy.resetStartsPerClient);
    this.refreshSessionLimiter = limiter(protection.refreshPerSession);
    this.refreshClientLimiter = limiter(protection.refreshPerClient);
    this.budget = new AccountFailureBudget(stores.budgets, protection.failureBudget, now);
    this.devices = new KnownDeviceCookie(
      config.cookieKeys,
      protection.failureBudget.deviceTrustSeconds,
      now,
    );
    this.backoff = new UpstreamBackoff(now);
    this.endedSessions = stores.endedSessions;
    this.metrics = new ProxyMetrics(log, now, {
      proxy: 'native-auth proxy',
      authority: 'External ID',
    });
  }

  /** The client a request is counted as (`RequestClients`: trusted hops, IPv6 by /64). */
  client(request: HttpRequest): string {
    return this.clients.of(request);
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
      buildNativeAuthUrl(this.externalId.authority, endpoint),
      form,
      headers,
      this.config.upstreamTimeoutMs,
    );
    if (answer.kind === 'answered' && answer.status === 429) {
      this.metrics.upstreamThrottled();
      this.backoff.backOff(
        retryAfterSeconds(answer.headers['retry-after'] ?? null, DEFAULT_THROTTLE_BACKOFF_SECONDS),
      );
    }
    return answer;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
