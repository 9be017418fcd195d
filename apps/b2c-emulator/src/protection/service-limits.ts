import {
  FixedWindowLimiter,
  type LimitCheck,
  type RateCounterStore,
} from '@ropc/identity-protection';
import type { Clock } from '../clock';
import type { IdentityProtection, RequestLimit } from '../tenant/tenant-model';

const UNLIMITED: LimitCheck = { limited: false, count: 0 };

/**
 * B2C's service limits on the token endpoint (docs/b2c-ropc-protocol.md §6): 6,000 requests per 5
 * minutes per client IP and 200 per second per tenant by default, each a fixed window; either is
 * off when the tenant sets it to null (benchmark tenants). Read per request, as an imported tenant
 * may change them.
 */
export class ServiceLimits {
  constructor(
    private readonly store: RateCounterStore,
    private readonly clock: Clock,
    private readonly settings: () => IdentityProtection,
  ) {}

  /** Counts one token request of `clientIp` against both limits; limited when either is over. */
  async hit(clientIp: string): Promise<LimitCheck> {
    const { ipRequestLimit, tenantRequestLimit } = this.settings();
    const [byIp, byTenant] = await Promise.all([
      this.count(ipRequestLimit, `ip|${clientIp}`),
      this.count(tenantRequestLimit, 'tenant'),
    ]);
    return byIp.limited ? byIp : byTenant;
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
