import type { Tenant } from './tenant-model';

/**
 * The tenant a URL's tenant segment names — its domain name or its id, in any case — or
 * `undefined`. Every route resolves its tenant here, once, before the tenant's authority kind
 * answers (docs/architecture.md).
 */
export function resolveTenant(tenants: readonly Tenant[], segment: string): Tenant | undefined {
  const wanted = segment.toLowerCase();
  return tenants.find(
    (tenant) => tenant.name.toLowerCase() === wanted || tenant.id.toLowerCase() === wanted,
  );
}
