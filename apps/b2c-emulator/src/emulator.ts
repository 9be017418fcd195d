import { MemoryRateCounterStore, type RateCounterStore } from '@ropc/identity-protection';
import { randomBytes } from 'node:crypto';
import type { EmulatorConfig } from './config';
import { OffsetClock } from './clock';
import { FileSigningKeyStore } from './keys/file-signing-key-store';
import type { SigningKeyStore } from './keys/signing-key-store';
import { IpRateLimit } from './protection/ip-rate-limit';
import { SmartLockout } from './protection/smart-lockout';
import type { LockoutStore } from './stores/lockout-store';
import { MemoryLockoutStore } from './stores/memory-lockout-store';
import { MemoryRefreshGrantStore } from './stores/memory-refresh-grant-store';
import { MemoryUserStore } from './stores/memory-user-store';
import type { RefreshGrantStore } from './stores/refresh-grant-store';
import type { StoredUser, UserStore } from './stores/user-store';
import type { Tenant } from './tenant/tenant-model';

/** Where log lines go: one line each, never a secret. */
export type LogLine = (line: string) => void;

/** The stores an emulator keeps its state in. */
export interface EmulatorStores {
  readonly users: UserStore;
  readonly grants: RefreshGrantStore;
  readonly lockouts: LockoutStore;
  readonly rates: RateCounterStore;
  readonly keys: SigningKeyStore;
}

/** In-memory stores, with signing keys in the data directory. */
export function createMemoryStores(config: EmulatorConfig, clock: OffsetClock): EmulatorStores {
  return {
    users: new MemoryUserStore(),
    grants: new MemoryRefreshGrantStore(),
    lockouts: new MemoryLockoutStore(),
    rates: new MemoryRateCounterStore(),
    keys: new FileSigningKeyStore(config.dataDir, clock),
  };
}

/** Seeds stored users from the tenant file's users. */
export function seedUsers(tenant: Tenant): StoredUser[] {
  return tenant.users.map((user) => ({ ...user, refreshTokensValidFrom: 0 }));
}

/**
 * One emulated B2C tenant: its configuration, its clock, its state and the protections that
 * read them. Functions reach it through `getEmulator()`.
 */
export class Emulator {
  readonly lockout: SmartLockout;
  readonly rateLimit: IpRateLimit;

  constructor(
    readonly config: EmulatorConfig,
    private currentTenant: Tenant,
    readonly stores: EmulatorStores,
    readonly clock: OffsetClock,
    readonly log: LogLine,
  ) {
    const settings = () => this.currentTenant.identityProtection;
    this.lockout = new SmartLockout(stores.lockouts, clock, settings, randomBytes(32));
    this.rateLimit = new IpRateLimit(stores.rates, clock, settings);
  }

  get tenant(): Tenant {
    return this.currentTenant;
  }

  /** Replaces the tenant and all state with `tenant` (reset to the file, or an import). */
  async replaceTenant(tenant: Tenant): Promise<void> {
    this.currentTenant = tenant;
    await this.stores.users.replaceAll(seedUsers(tenant));
    await Promise.all([
      this.stores.grants.clear(),
      this.stores.lockouts.clear(),
      this.stores.rates.clear(),
    ]);
  }
}
