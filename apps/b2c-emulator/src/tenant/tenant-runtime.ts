import type { Clock } from '../clock';
import type { SigningKeyStore } from '../keys/signing-key-store';
import { ServiceLimits } from '../protection/service-limits';
import { SmartLockout } from '../protection/smart-lockout';
import type { EmulatorStores } from '../stores/emulator-stores';
import type { RefreshGrantStore } from '../stores/refresh-grant-store';
import {
  scopeRateCounters,
  scopeRefreshGrants,
  scopeStateStore,
} from '../stores/tenant-scoped-stores';
import type { StoredUser, UserStore } from '../stores/user-store';
import type { B2CTenant, ExternalIdTenant, Tenant } from './tenant-model';

/** Seeds stored users from the tenant file's users. */
export function seedUsers(tenant: Tenant): StoredUser[] {
  return tenant.users.map((user) => ({ ...user, refreshTokensValidFrom: 0 }));
}

/**
 * One tenant as the emulator runs it: its model, its users and signing keys, and its views of the
 * stores the tenants share (refresh grants, lockouts and rate counts, keyed by its id), with the
 * protections that read them. A route resolves its tenant's runtime once; the tenant's kind
 * answers (docs/architecture.md).
 */
export class TenantRuntime<T extends Tenant = Tenant> {
  readonly grants: RefreshGrantStore;
  readonly lockout: SmartLockout;
  readonly serviceLimits: ServiceLimits;

  constructor(
    private current: T,
    readonly users: UserStore,
    readonly keys: SigningKeyStore,
    shared: EmulatorStores,
    clock: Clock,
  ) {
    const settings = () => this.current.identityProtection;
    this.grants = scopeRefreshGrants(shared.grants, current.id);
    this.lockout = new SmartLockout(
      scopeStateStore(shared.lockouts, current.id),
      clock,
      settings,
      shared.fingerprintKey,
    );
    this.serviceLimits = new ServiceLimits(
      scopeRateCounters(shared.rates, current.id),
      clock,
      settings,
    );
  }

  get tenant(): T {
    return this.current;
  }

  /**
   * Takes the tenant's new model (a reset to the file, or an import of the same tenant id and
   * kind) and puts its users back to the file's. The stores the tenants share are cleared by the
   * emulator, once for all of them.
   */
  async replace(tenant: T): Promise<void> {
    this.current = tenant;
    await this.users.replaceAll(seedUsers(tenant));
  }

  isB2C(): this is TenantRuntime<B2CTenant> {
    return this.current.kind === 'b2c';
  }

  isExternalId(): this is TenantRuntime<ExternalIdTenant> {
    return this.current.kind === 'external-id';
  }
}
