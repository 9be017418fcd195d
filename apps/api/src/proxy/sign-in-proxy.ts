import type { HttpRequest } from '@azure/functions';
import { requestClientIp } from '@ropc/functions-edge';
import {
  AccountFailureBudget,
  FixedWindowLimiter,
  MemoryRateCounterStore,
  MemoryStateStore,
  clientBucket,
  normaliseUsername,
  type AccountLedger,
  type AtomicStateStore,
  type RateCounterStore,
} from '@ropc/identity-protection';
import { authorityEndpointUrl, type TokenRequest } from '@ropc/protocol';
import type { ApiConfig, B2CSettings } from '../config';
import type { EndedSessionStore } from './ended-session-store';
import { KnownDeviceCookie } from './known-device-cookie';
import { MemoryEndedSessionStore } from './memory-ended-session-store';
import { ProxyMetrics } from './proxy-metrics';
import {
  DEFAULT_THROTTLE_BACKOFF_SECONDS,
  UpstreamBackoff,
  retryAfterSeconds,
} from './upstream-backoff';
import { forwardTokenRequest, type UpstreamAnswer } from './upstream-token-endpoint';

/** The state the proxy shares across requests (and, with a durable store, across instances). */
export interface SignInProxyStores {
  readonly counters: RateCounterStore;
  readonly endedSessions: EndedSessionStore;
  /** Per-account failure budgets (`AccountFailureBudget`). */
  readonly budgets: AtomicStateStore<AccountLedger>;
}

/** The client of a request whose host added no `X-Forwarded-For` (fail closed: one bucket). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The sign-in proxy's collaborators: where it forwards, how it protects accounts and throttles
 * clients, what it remembers. The three endpoints (`auth-token.ts`, `auth-refresh.ts`,
 * `auth-sign-out.ts`) are steps over these. It forwards to the B2C authority, so it exists only
 * when the B2C settings are given (a TypeError otherwise).
 */
export class SignInProxy {
  /** The authority the proxy forwards to, and the client id it sends. */
  readonly b2c: B2CSettings;
  readonly tokenEndpoint: string;
  /** Sign-in attempts per client (`AUTH_THROTTLE_IP`). */
  readonly signInLimiter: FixedWindowLimiter;
  readonly refreshSessionLimiter: FixedWindowLimiter;
  readonly refreshClientLimiter: FixedWindowLimiter;
  readonly budget: AccountFailureBudget;
  readonly devices: KnownDeviceCookie;
  readonly backoff: UpstreamBackoff;
  readonly endedSessions: EndedSessionStore;
  readonly metrics: ProxyMetrics;
  private warnedUnknownClient = false;

  constructor(
    readonly config: ApiConfig,
    stores: SignInProxyStores = {
      counters: new MemoryRateCounterStore(),
      endedSessions: new MemoryEndedSessionStore(),
      budgets: new MemoryStateStore<AccountLedger>(),
    },
    readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = (line) => {
      console.warn(line);
    },
  ) {
    const { protection, b2c } = config;
    if (!b2c) throw new TypeError('the sign-in proxy needs the B2C settings');
    this.b2c = b2c;
    this.tokenEndpoint = authorityEndpointUrl(b2c.parsedAuthority, 'token');
    this.signInLimiter = new FixedWindowLimiter(stores.counters, protection.signInPerClient, now);
    this.refreshSessionLimiter = new FixedWindowLimiter(
      stores.counters,
      protection.refreshPerSession,
      now,
    );
    this.refreshClientLimiter = new FixedWindowLimiter(
      stores.counters,
      protection.refreshPerClient,
      now,
    );
    this.budget = new AccountFailureBudget(stores.budgets, protection.failureBudget, now);
    this.devices = new KnownDeviceCookie(
      config.cookieKeys,
      protection.failureBudget.deviceTrustSeconds,
      now,
    );
    this.backoff = new UpstreamBackoff(now);
    this.endedSessions = stores.endedSessions;
    this.metrics = new ProxyMetrics(log, now);
  }

  /**
   * The client a request is counted as: its IP under the trusted-hops rule, an IPv6 client by its
   * /64. Without `X-Forwarded-For` (a host that does not add it, such as Core Tools) every request
   * shares one bucket, which fails closed; the first one logs how to fix it.
   */
  client(request: HttpRequest): string {
    const ip = requestClientIp(request, this.config.trustedHops);
    if (ip) return clientBucket(ip);
    if (!this.warnedUnknownClient) {
      this.warnedUnknownClient = true;
      this.log(
        'sign-in proxy: WARNING a request came without X-Forwarded-For, so every such client shares one throttle; ' +
          'run behind a reverse proxy that adds it and set AUTH_TRUSTED_HOPS to the number of such proxies',
      );
    }
    return UNKNOWN_CLIENT;
  }

  /**
   * Sends a token request to the authority, counting the call; a 429 holds back every further
   * call of this instance for the time the authority asked.
   */
  async forward(request: TokenRequest): Promise<UpstreamAnswer> {
    this.metrics.upstreamCall();
    const answer = await forwardTokenRequest(
      this.tokenEndpoint,
      request,
      this.config.upstreamTimeoutMs,
    );
    if (answer.kind === 'refused' && answer.status === 429)
      this.backoff.backOff(retryAfterSeconds(answer.retryAfter, DEFAULT_THROTTLE_BACKOFF_SECONDS));
    return answer;
  }

  /** The account an attempt is for: the authority and the normalised username. */
  accountOf(username: string): string {
    return `${this.b2c.authority}|${normaliseUsername(username)}`;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
