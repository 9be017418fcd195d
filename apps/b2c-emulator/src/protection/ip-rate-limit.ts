import type { Clock } from '../clock';
import type { RateLimitStore } from '../stores/rate-limit-store';
import type { IdentityProtection } from '../tenant/tenant-model';

/** Result of counting one request against the per-IP limit. */
export type RateLimitCheck =
  { readonly limited: false } | { readonly limited: true; readonly retryAfterSeconds: number };

/**
 * B2C's per-IP service limit (reference §6: 6,000 requests per 5 minutes by default), as a fixed
 * window per client IP. Off when the tenant sets `ipRequestLimit` to null (benchmark tenants).
 */
export class IpRateLimit {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
    private readonly settings: () => IdentityProtection,
  ) {}

  async hit(clientIp: string): Promise<RateLimitCheck> {
    const limit = this.settings().ipRequestLimit;
    if (!limit) return { limited: false };
    const windowMs = limit.windowSeconds * 1000;
    const now = this.clock.now();
    const window = await this.store.hit(`ip|${clientIp}`, windowMs, now);
    if (window.count <= limit.requests) return { limited: false };
    return {
      limited: true,
      retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)),
    };
  }
}
