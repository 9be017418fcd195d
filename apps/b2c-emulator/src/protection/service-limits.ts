import {
  FixedWindowLimiter,
  type LimitCheck,
  type ListableRateCounterStore,
} from '@ropc/identity-protection';
import type { Clock } from '../clock';
import type { IdentityProtection, RequestLimit } from '../tenant/tenant-model';

const UNLIMITED: LimitCheck = { limited: false, count: 0 };

/** The counter key of the tenant-wide limit. */
const TENANT_KEY = 'tenant';
/** The counter keys of the per-address limit start with this, then the address. */
const CLIENT_KEY_PREFIX = 'ip|';

/** A service-limit counter as it stands: whose, its window, its count against the limit. */
export interface ServiceLimitCount {
  readonly scope: 'client' | 'tenant';
  /** The client address of a per-address counter. */
  readonly clientIp?: string;
  readonly count: number;
  readonly limit: RequestLimit;
  /** Epoch ms. */
  readonly windowStart: number;
  readonly windowEnd: number;
}

/**
 * B2C's service limits on the token endpoint (docs/b2c-ropc-protocol.md §6): 6,000 requests per 5
 * minutes per client IP and 200 per second per tenant by default, each a fixed window; either is
 * off when the tenant sets it to null (benchmark tenants). Read per request, as an imported tenant
 * may change them.
 */
export class ServiceLimits {
  constructor(
    private readonly store: ListableRateCounterStore,
    private readonly clock: Clock,
    private readonly settings: () => IdentityProtection,
  ) {}

  /** Counts one token request of `clientIp` against both limits; limited when either is over. */
  async hit(clientIp: string): Promise<LimitCheck> {
    const { ipRequestLimit, tenantRequestLimit } = this.settings();
    const [byIp, byTenant] = await Promise.all([
      this.count(ipRequestLimit, CLIENT_KEY_PREFIX + clientIp),
      this.count(tenantRequestLimit, TENANT_KEY),
    ]);
    return byIp.limited ? byIp : byTenant;
  }

  /**
   * The counters of windows not yet ended, tenant-wide and per client address, of the limits that
   * are on: for the admin API's protection view.
   */
  async counts(): Promise<ServiceLimitCount[]> {
    const { ipRequestLimit, tenantRequestLimit } = this.settings();
    const windows = await this.store.windows('', this.clock.now());
    return windows.flatMap(({ key, count, start, end }): ServiceLimitCount[] => {
      const window = { count, windowStart: start, windowEnd: end };
      if (key === TENANT_KEY)
        return tenantRequestLimit
          ? [{ scope: 'tenant', limit: tenantRequestLimit, ...window }]
          : [];
      if (!key.startsWith(CLIENT_KEY_PREFIX) || !ipRequestLimit) return [];
      const clientIp = key.slice(CLIENT_KEY_PREFIX.length);
      return [{ scope: 'client', clientIp, limit: ipRequestLimit, ...window }];
    });
  }

  private count(limit: RequestLimit | null, key: string): Promise<LimitCheck> {
    if (!limit) return Promise.resolve(UNLIMITED);
    const limiter = new FixedWindowLimiter(
      this.store,
      { limit: limit.requests, windowSeconds: limit.windowSeconds },
      () => this.clock.now(),
    );
    return limiter.hit(key);
  }
}
