import type { EmulatorConfig } from './config';
import type { OffsetClock } from './clock';
import type { EmulatorStores } from './stores/emulator-stores';
import type { B2CTenant, Tenant } from './tenant/tenant-model';
import { resolveTenant } from './tenant/resolve-tenant';
import type { TenantRuntime } from './tenant/tenant-runtime';

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

/**
 * The emulated tenants of one tenant file — Azure AD B2C and Entra External ID side by side —
 * with the configuration, the clock and the state they share. Functions reach it through
 * `getEmulator()`, and a request's tenant through {@link Emulator.tenantAt}.
 */
export class Emulator {
  constructor(
    readonly config: EmulatorConfig,
    readonly tenants: readonly TenantRuntime[],
    readonly stores: EmulatorStores,
    readonly clock: OffsetClock,
    readonly log: LogLine,
  ) {
    if (tenants.length === 0) throw new TypeError('an emulator needs at least one tenant');
  }

  /** The tenant a URL's tenant segment names (domain name or id, any case), or undefined. */
  tenantAt(segment: string): TenantRuntime | undefined {
    const tenant = resolveTenant(
      this.tenants.map((runtime) => runtime.tenant),
      segment,
    );
    return this.tenants.find((runtime) => runtime.tenant === tenant);
  }

  /** The first B2C tenant, else the first tenant: what admin routes act on without `?tenant=`. */
  get defaultTenant(): TenantRuntime {
    const first = this.tenants.find((runtime) => runtime.isB2C()) ?? this.tenants[0];
    if (!first) throw new TypeError('an emulator needs at least one tenant');
    return first;
  }

  /** The first B2C tenant, if the file has one. */
  get b2cTenant(): TenantRuntime<B2CTenant> | undefined {
    return this.tenants.find((runtime) => runtime.isB2C());
  }

  /**
   * Replaces every tenant's model and state with `tenants`' (a reset to the file, or an import),
   * which must name the same tenants with the same kinds in the same order: tenants cannot be
   * added or removed while running, since their stores and keys are keyed by id.
   */
  async replaceTenants(tenants: readonly Tenant[]): Promise<void> {
    const mismatch = sameTenantsProblem(this.tenants, tenants);
    if (mismatch) throw new TenantSetChangedError(mismatch);
    await Promise.all(
      this.tenants.map((runtime, index) => runtime.replace(tenants[index] as never)),
    );
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
   * retention and outbox messages past their hour — for every tenant at once. Logs one line with
   * every count.
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

/** An import (or a changed file at reset) that adds, drops, reorders or re-kinds tenants. */
export class TenantSetChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantSetChangedError';
  }
}

function sameTenantsProblem(
  running: readonly TenantRuntime[],
  replacing: readonly Tenant[],
): string | undefined {
  const describe = (list: readonly { id: string; kind: string }[]) =>
    list.map((tenant) => `${tenant.kind} ${tenant.id.toLowerCase()}`).join(', ');
  const now = describe(running.map((runtime) => runtime.tenant));
  const next = describe(replacing);
  return now === next
    ? undefined
    : `the file must hold the running tenants, in order (${now}); restart the emulator to change them`;
}
