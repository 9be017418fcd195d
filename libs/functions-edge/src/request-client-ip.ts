import type { HttpRequest } from '@azure/functions';
import { clientIpFromForwardedFor } from '@ropc/identity-protection';

/**
 * The client IP under the trusted-hops rule (docs/architecture.md, "Client IP"): the local host and
 * Azure's front end append the socket address to `X-Forwarded-For`. `undefined` without the header
 * (a host that does not add it): the caller decides how such clients are counted.
 */
export function requestClientIp(request: HttpRequest, trustedHops: number): string | undefined {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded === null ? undefined : clientIpFromForwardedFor(forwarded, trustedHops);
}
