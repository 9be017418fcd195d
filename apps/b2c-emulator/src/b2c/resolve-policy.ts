import type { HttpRequest } from '@azure/functions';
import { parseEndpointUrl, policyEquals, type EndpointStyle } from '@ropc/protocol';
import { resolveTenant } from '../tenant/resolve-tenant';
import type { Tenant } from '../tenant/tenant-model';
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

/** Looks up the tenant (by name or id) and the policy (case-insensitively) of a request URL. */
export function resolvePolicy(request: HttpRequest, tenant: Tenant): PolicyLookup {
  const parsed = parseEndpointUrl(request.url);
  if (!parsed || parsed.policy === '') return { noPolicy: true };
  const resolved = resolveTenant([tenant], parsed.tenant);
  if (!resolved) return { missing: parsed.policy };
  const flow = resolved.userFlows.find((candidate) => policyEquals(candidate.name, parsed.policy));
  return flow
    ? { found: { flow, style: parsed.style, tenantSegment: parsed.tenant } }
    : { missing: parsed.policy };
}
