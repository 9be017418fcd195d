import { join } from 'node:path';
import { OffsetClock } from './clock';
import { loadConfig } from './config';
import { Emulator, createMemoryStores, seedUsers, type LogLine } from './emulator';
import { loadTenant } from './tenant/load-tenant';
import type { Tenant } from './tenant/tenant-model';

/** The bundled default tenant: next to the bundle when built, next to this file in tests. */
export const DEFAULT_TENANT_FILE = join(__dirname, 'tenant', 'default-tenant.json');

let instance: Promise<Emulator> | undefined;

const log: LogLine = (line) => {
  console.log(`[b2c-emulator] ${line}`);
};

/** Loads the tenant file named by the configuration, warning loudly about out-of-range lifetimes. */
export function loadConfiguredTenant(tenantFile: string | undefined): Promise<Tenant> {
  return loadTenant(tenantFile ?? DEFAULT_TENANT_FILE, {
    onWarning: (message) => {
      console.warn(`[b2c-emulator] WARNING: ${message}`);
    },
  });
}

async function createEmulator(): Promise<Emulator> {
  const config = loadConfig();
  const clock = new OffsetClock();
  const tenant = await loadConfiguredTenant(config.tenantFile);
  const stores = createMemoryStores(config, clock);
  await stores.users.replaceAll(seedUsers(tenant));
  await stores.keys.current();
  return new Emulator(config, tenant, stores, clock, log);
}

/**
 * The process's emulator, created on first use from the environment (DESIGN.md's settings).
 * A failed start is not cached, so the next request reports the problem again.
 */
export function getEmulator(): Promise<Emulator> {
  instance ??= createEmulator().catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  return instance;
}
