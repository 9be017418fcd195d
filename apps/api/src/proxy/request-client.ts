import type { HttpRequest } from '@azure/functions';
import { requestClientIp } from '@ropc/functions-edge';
import { clientBucket } from '@ropc/identity-protection';

/** The client of a request whose host added no `X-Forwarded-For` (fail closed: one bucket). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * Who a proxy counts a request as: its IP under the trusted-hops rule, an IPv6 client by its /64.
 * Without `X-Forwarded-For` (a host that does not add it, such as Core Tools) every request shares
 * one bucket, which fails closed; the first one logs how to fix it, once per proxy.
 */
export class RequestClients {
  private warned = false;

  constructor(
    private readonly trustedHops: number,
    /** Names the proxy in the warning, e.g. `sign-in proxy`. */
    private readonly proxyName: string,
    private readonly log: (line: string) => void,
  ) {}

  of(request: HttpRequest): string {
    const ip = requestClientIp(request, this.trustedHops);
    if (ip) return clientBucket(ip);
    if (!this.warned) {
      this.warned = true;
      this.log(
        `${this.proxyName}: WARNING a request came without X-Forwarded-For, so every such client shares one throttle; ` +
          'run behind a reverse proxy that adds it and set AUTH_TRUSTED_HOPS to the number of such proxies',
      );
    }
    return UNKNOWN_CLIENT;
  }
}
