import type { HttpRequest } from '@azure/functions';
import { clientIpFromForwardedFor } from '@ropc/identity-protection';

/**
 * The client IP under the trusted-hops rule. The local host (and Azure's front end) append the
 * socket address to X-Forwarded-For; without the header the address is unknown.
 */
export function requestClientIp(request: HttpRequest, trustedHops: number): string {
  const forwarded = request.headers.get('x-forwarded-for') ?? '';
  return clientIpFromForwardedFor(forwarded, trustedHops) ?? 'unknown';
}
