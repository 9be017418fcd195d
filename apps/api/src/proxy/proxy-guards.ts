import type { HttpRequest } from '@azure/functions';
import { AccountFailureBudget, FixedWindowLimiter } from '@ropc/identity-protection';
import type { AuthorityKind } from '@ropc/telemetry';
import type { ApiConfig } from '../config';
import { AuthorityClient } from './authority-client';
import type { EndedSessionStore } from './ended-session-store';
import { KnownDeviceCookie } from './known-device-cookie';
import { ProxyMetrics } from './proxy-metrics';
import { RequestClients } from './request-client';
import type { SignInProxyStores } from './sign-in-proxy';
import { proxyTelemetrySink } from '../telemetry/proxy-telemetry-sink';
import { UpstreamBackoff } from './upstream-backoff';

/**
 * What every proxy of the API protects accounts and throttles clients with, whichever authority
 * it forwards to: sign-in and refresh throttles, per-account failure budgets, known devices, the
 * authority's back-off, ended sessions, metrics, who a request's client is, and the connections
 * to the authority. The B2C sign-in proxy and the native-authentication proxy each build one set
 * (their own back-off, metrics and connections) over the stores they share, and add what their
 * authority needs.
 */
export abstract class ProxyGuards {
  /** Credential attempts per client (`AUTH_THROTTLE_IP`). */
  readonly signInLimiter: FixedWindowLimiter;
  readonly refreshSessionLimiter: FixedWindowLimiter;
  readonly refreshClientLimiter: FixedWindowLimiter;
  readonly budget: AccountFailureBudget;
  readonly devices: KnownDeviceCookie;
  readonly backoff: UpstreamBackoff;
  readonly endedSessions: EndedSessionStore;
  readonly metrics: ProxyMetrics;
  /** The keep-alive connections to the authority, shared by every call of this proxy. */
  readonly authorityClient: AuthorityClient;
  private readonly clients: RequestClients;

  protected constructor(
    readonly config: ApiConfig,
    stores: SignInProxyStores,
    readonly now: () => number,
    log: (line: string) => void,
    /** Who logs and whom it calls, e.g. `sign-in proxy` and `B2C`, and its telemetry's kind. */
    names: { readonly proxy: string; readonly authority: string; readonly kind: AuthorityKind },
  ) {
    const { protection } = config;
    const limiter = (limit: { limit: number; windowSeconds: number }) =>
      new FixedWindowLimiter(stores.counters, limit, now);
    this.signInLimiter = limiter(protection.signInPerClient);
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
    this.metrics = new ProxyMetrics(
      log,
      now,
      names,
      proxyTelemetrySink(names.kind, () => this.metrics.callsInCurrentPeriod()),
    );
    this.clients = new RequestClients(config.trustedHops, names.proxy, log);
    this.authorityClient = new AuthorityClient(config.upstreamTimeoutMs, names.kind);
  }

  /** The client a request is counted as (`RequestClients`: trusted hops, IPv6 by /64). */
  client(request: HttpRequest): string {
    return this.clients.of(request);
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
