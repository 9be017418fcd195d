import {
  FixedWindowLimiter,
  type LimitCheck,
  type RateCounterStore,
} from '@ropc/identity-protection';
import type { Clock } from '../clock';
import type { IdentityProtection } from '../tenant/tenant-model';

/**
 * B2C's per-IP service limit (reference §6: 6,000 requests per 5 minutes by default), as a fixed
 * window per client IP. Off when the tenant sets `ipRequestLimit` to null (benchmark tenants).
 * Read per request, because an imported tenant may change it.
 */
export class IpRateLimit {
  constructor(
    private readonly store: RateCounterStore,
    private readonly clock: Clock,
    private readonly settings: () => IdentityProtection,
  ) {}

  hit(clientIp: string): Promise<LimitCheck> {
    const limit = this.settings().ipRequestLimit;
    if (!limit) return Promise.resolve({ limited: false, count: 0 });
    const limiter = new FixedWindowLimiter(
      this.store,
      { limit: limit.requests, windowSeconds: limit.windowSeconds },
      () => this.clock.now(),
    );
    return limiter.hit(`ip|${clientIp}`);
  }
}
