import type { HttpRequest } from '@azure/functions';
import {
  FixedWindowLimiter,
  MemoryRateCounterStore,
  clientIpFromForwardedFor,
  normaliseUsername,
  type RateCounterStore,
} from '@ropc/identity-protection';
import { authorityEndpointUrl } from '@ropc/protocol';
import type { ApiConfig } from '../config';
import type { EndedSessionStore } from './ended-session-store';
import { MemoryEndedSessionStore } from './memory-ended-session-store';
import { ProxyMetrics } from './proxy-metrics';

/** The state the proxy shares across requests (and, with a durable store, across instances). */
export interface SignInProxyStores {
  readonly counters: RateCounterStore;
  readonly endedSessions: EndedSessionStore;
}

/**
 * The sign-in proxy's collaborators: where it forwards, how it throttles, what it remembers. The
 * three endpoints (`auth-token.ts`, `auth-refresh.ts`, `auth-sign-out.ts`) are steps over these.
 */
export class SignInProxy {
  readonly tokenEndpoint: string;
  readonly ipLimiter: FixedWindowLimiter;
  /** Counts failed sign-ins per normalised username; checked before forwarding. */
  readonly usernameFailures: FixedWindowLimiter;
  readonly endedSessions: EndedSessionStore;
  readonly metrics: ProxyMetrics;

  constructor(
    readonly config: ApiConfig,
    stores: SignInProxyStores = {
      counters: new MemoryRateCounterStore(),
      endedSessions: new MemoryEndedSessionStore(),
    },
    readonly now: () => number = Date.now,
    log: (line: string) => void = (line) => {
      console.warn(line);
    },
  ) {
    this.tokenEndpoint = authorityEndpointUrl(config.parsedAuthority, 'token');
    this.ipLimiter = new FixedWindowLimiter(stores.counters, config.ipThrottle, now);
    this.usernameFailures = new FixedWindowLimiter(stores.counters, config.usernameThrottle, now);
    this.endedSessions = stores.endedSessions;
    this.metrics = new ProxyMetrics(log);
  }

  /** The real client's IP under the trusted-hops rule. */
  clientIp(request: HttpRequest): string {
    return (
      clientIpFromForwardedFor(
        request.headers.get('x-forwarded-for') ?? '',
        this.config.trustedHops,
      ) ?? 'unknown'
    );
  }

  /** The throttle keys of a sign-in attempt. */
  static ipKey(ip: string): string {
    return `proxy-ip|${ip}`;
  }

  static usernameKey(username: string): string {
    return `proxy-user|${normaliseUsername(username)}`;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
