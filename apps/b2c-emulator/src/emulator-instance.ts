import { TableStorage } from '@ropc/table-storage';
import { join } from 'node:path';
import { OffsetClock } from './clock';
import { loadConfig, type EmulatorConfig } from './config';
import { Emulator, seedUsers, type LogLine } from './emulator';
import type { EmulatorStores } from './stores/emulator-stores';
import { createMemoryStores } from './stores/memory-stores';
import { openTableStores } from './stores/table-stores';
import { loadTenant } from './tenant/load-tenant';
import type { Tenant } from './tenant/tenant-model';

/** The bundled default tenant: next to the bundle when built, next to this file in tests. */
export const DEFAULT_TENANT_FILE = join(__dirname, 'tenant', 'default-tenant.json');

let instance: Promise<Emulator> | undefined;
let running: Emulator | undefined;

const log: LogLine = (line) => {
  console.log(`[b2c-emulator] ${line}`);
};

/**
 * Loads the tenant file named by the configuration, warning loudly about out-of-range lifetimes.
 */
export function loadConfiguredTenant(tenantFile: string | undefined): Promise<Tenant> {
  return loadTenant(tenantFile ?? DEFAULT_TENANT_FILE, {
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
  const tenant = await loadConfiguredTenant(config.tenantFile);
  const stores = await openStores(config, clock);
  if (!(await stores.users.seed(seedUsers(tenant)))) {
    log('users kept as stored: the tenant file seeds only an empty store');
  }
  await stores.keys.current();
  log(`state ${stores.description}`);
  running = new Emulator(config, tenant, stores, clock, log);
  return running;
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
