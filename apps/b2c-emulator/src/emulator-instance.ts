import { TableStorage } from '@ropc/table-storage';
import { join } from 'node:path';
import { OffsetClock } from './clock';
import { loadConfig, type EmulatorConfig } from './config';
import { Emulator, type LogLine } from './emulator';
import type { EmulatorStores } from './stores/emulator-stores';
import { createMemoryStores } from './stores/memory-stores';
import { openTableStores } from './stores/table-stores';
import { loadTenants } from './tenant/load-tenant';
import type { Tenant } from './tenant/tenant-model';
import { seedUsers, TenantRuntime } from './tenant/tenant-runtime';

/** The bundled default tenant: next to the bundle when built, next to this file in tests. */
export const DEFAULT_TENANT_FILE = join(__dirname, 'tenant', 'default-tenant.json');

let instance: Promise<Emulator> | undefined;
let running: Emulator | undefined;

const log: LogLine = (line) => {
  console.log(`[b2c-emulator] ${line}`);
};

/**
 * Loads the tenants of the file named by the configuration, warning loudly about out-of-range
 * lifetimes.
 */
export function loadConfiguredTenants(tenantFile: string | undefined): Promise<Tenant[]> {
  return loadTenants(tenantFile ?? DEFAULT_TENANT_FILE, {
    onWarning: (message) => {
      console.warn(`[b2c-emulator] WARNING: ${message}`);
    },
  });
}

/** In memory without a connection string; otherwise the shared tables. */
function openStores(config: EmulatorConfig, clock: OffsetClock): Promise<EmulatorStores> {
  if (config.storageConnectionString === undefined) {
    return Promise.resolve(createMemoryStores(config, clock));
  }
  const storage = new TableStorage(config.storageConnectionString, {
    timeoutMs: config.storageTimeoutMs,
  });
  return openTableStores(storage, clock);
}

async function createEmulator(): Promise<Emulator> {
  const config = loadConfig();
  const clock = new OffsetClock();
  const tenants = await loadConfiguredTenants(config.tenantFile);
  const stores = await openStores(config, clock);
  // What a store kept before tenants had their own users and keys belongs to the first B2C tenant.
  const adopter = tenants.find((tenant) => tenant.kind === 'b2c');
  const runtimes = await Promise.all(
    tenants.map((tenant) => startTenant(tenant, stores, clock, tenant === adopter)),
  );
  log(`state ${stores.description}`);
  running = new Emulator(config, runtimes, stores, clock, log);
  return running;
}

/** Opens a tenant's users (seeding an empty store) and signing keys. */
async function startTenant(
  tenant: Tenant,
  stores: EmulatorStores,
  clock: OffsetClock,
  adoptLegacy: boolean,
): Promise<TenantRuntime> {
  const users = await stores.users(tenant.id, adoptLegacy);
  if (!(await users.seed(seedUsers(tenant)))) {
    log(`${tenant.name}: users kept as stored (the tenant file seeds only an empty store)`);
  }
  const keys = stores.signingKeys(tenant.id, adoptLegacy);
  await keys.current();
  return new TenantRuntime(tenant, users, keys, stores, clock);
}

/**
 * The process's emulator, created on first use from the environment (docs/architecture.md's
 * settings). A failed start is not cached, so the next request reports the problem again (or, when
 * the storage service was down, starts the emulator once it answers).
 */
export function getEmulator(): Promise<Emulator> {
  instance ??= createEmulator().catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  return instance;
}

/** The emulator once it has started, without starting it (for answers to failures). */
export function runningEmulator(): Emulator | undefined {
  return running;
}
