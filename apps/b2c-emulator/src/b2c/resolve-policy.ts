import type { HttpRequest } from '@azure/functions';
import { parseEndpointUrl, policyEquals, type EndpointStyle } from '@ropc/protocol';
import type { B2CTenant } from '../tenant/tenant-model';
import type { UserFlow } from './user-flow';

/** The user flow a policy URL names, with the URL style it was asked in. */
export interface ResolvedPolicy {
  readonly flow: UserFlow;
  readonly style: EndpointStyle;
  /** The tenant segment as written in the URL (name or id). */
  readonly tenantSegment: string;
}

/** What a request URL names: a user flow, an unknown policy, or no policy at all. */
export type PolicyLookup =
  { readonly found: ResolvedPolicy } | { readonly missing: string } | { readonly noPolicy: true };

/**
 * Looks up the policy (case-insensitively) of a request URL in `tenant`, the B2C tenant its route
 * resolved (none: the URL names a tenant the emulator does not have, or one of another kind).
 */
export function resolvePolicy(request: HttpRequest, tenant: B2CTenant | undefined): PolicyLookup {
  const parsed = parseEndpointUrl(request.url);
  if (!parsed || parsed.policy === '') return { noPolicy: true };
  if (!tenant) return { missing: parsed.policy };
  const flow = tenant.userFlows.find((candidate) => policyEquals(candidate.name, parsed.policy));
  return flow
    ? { found: { flow, style: parsed.style, tenantSegment: parsed.tenant } }
    : { missing: parsed.policy };
}
