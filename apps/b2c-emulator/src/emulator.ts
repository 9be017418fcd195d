import type { EmulatorConfig } from './config';
import type { OffsetClock } from './clock';
import { ServiceLimits } from './protection/service-limits';
import { SmartLockout } from './protection/smart-lockout';
import type { EmulatorStores } from './stores/emulator-stores';
import type { StoredUser } from './stores/user-store';
import type { Tenant } from './tenant/tenant-model';

/** Where log lines go: one line each, never a secret. */
export type LogLine = (line: string) => void;

/** What one cleanup run deleted, per store. */
export interface ExpiredEntries {
  readonly refreshGrants: number;
  readonly lockouts: number;
  readonly rateCounters: number;
  readonly flows: number;
  readonly outboxMessages: number;
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
  readonly serviceLimits: ServiceLimits;

  constructor(
    readonly config: EmulatorConfig,
    private currentTenant: Tenant,
    readonly stores: EmulatorStores,
    readonly clock: OffsetClock,
    readonly log: LogLine,
  ) {
    const settings = () => this.currentTenant.identityProtection;
    this.lockout = new SmartLockout(stores.lockouts, clock, settings, stores.fingerprintKey);
    this.serviceLimits = new ServiceLimits(stores.rates, clock, settings);
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
      this.stores.flows.clear(),
      this.stores.outbox.clear(),
    ]);
  }

  /**
   * Deletes what has expired by the emulator's clock (so a moved clock sweeps too): refresh
   * grants past retention, idle lockout state, rate counters of ended windows, flow tokens past
   * retention and outbox messages past their hour. Logs one line with every count.
   */
  async deleteExpired(): Promise<ExpiredEntries> {
    const now = this.clock.now();
    const [refreshGrants, lockouts, rateCounters, flows, outbox] = await Promise.all([
      this.stores.grants.deleteExpired(now),
      this.stores.lockouts.deleteExpired(now),
      this.stores.rates.deleteExpired(now),
      this.stores.flows.deleteExpired(now),
      this.stores.outbox.deleteExpired(now),
    ]);
    this.log(
      `cleanup: deleted ${refreshGrants} refresh-grant, ${lockouts} lockout and ${rateCounters} rate-counter entries, ${flows} flow-state entries and ${outbox} outbox messages`,
    );
    return { refreshGrants, lockouts, rateCounters, flows, outboxMessages: outbox };
  }
}
