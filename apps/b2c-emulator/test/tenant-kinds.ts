import type { B2CTenant, ExternalIdTenant, Tenant, TenantKind } from '../src/tenant/tenant-model';

type OfKind<K extends TenantKind> = K extends 'b2c' ? B2CTenant : ExternalIdTenant;

/**
 * The tenant at `index` of a loaded tenant file, narrowed to `kind`; throws (failing the test)
 * when there is none or it is of the other kind.
 */
export function tenantOfKind<K extends TenantKind>(
  tenants: readonly Tenant[],
  index: number,
  kind: K,
): OfKind<K> {
  const tenant = tenants[index];
  if (tenant?.kind !== kind) {
    throw new Error(`expected a ${kind} tenant at ${index}, got ${tenant?.kind ?? 'none'}`);
  }
  return tenant as OfKind<K>;
}

/** The one B2C tenant of a version 1 file; throws unless the file loaded as exactly that. */
export function onlyB2CTenant(tenants: readonly Tenant[]): B2CTenant {
  if (tenants.length !== 1) throw new Error(`expected one tenant, got ${tenants.length}`);
  return tenantOfKind(tenants, 0, 'b2c');
}
