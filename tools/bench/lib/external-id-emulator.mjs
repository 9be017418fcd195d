// @ts-check
// Starts the built emulator bin with an Entra External ID tenant, for the native-auth benchmarks.
// The bench tenant (fixtures/bench-tenant.json, which startEmulator loads by default) holds only
// the B2C tenant, so this writes the emulator's default tenant file, both tenants, with every
// tenant's per-IP and per-tenant request limits off, as the bench tenant has them: the figures
// must measure sign-ins, not the emulator's service limits.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startEmulator } from './emulator-process.mjs';

/** @import { RunningServer } from './emulator-process.mjs' */

/**
 * A tenant of a version 2 tenant file, as far as this file reads it.
 * @typedef {{ identityProtection?: Record<string, unknown> } & Record<string, unknown>} TenantEntry
 */

/** The default tenant file's External ID tenant (apps/b2c-emulator/README.md, "External ID"). */
export const EXTERNAL_ID_TENANT = 'contosoid.onmicrosoft.com';
/** contoso-notes-spa: e-mail and password, native authentication on. */
export const SPA_CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
/** notes-api, the access tokens' audience. */
export const NOTES_API_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
/** The tenant file the built bin loads by default; the bench builds the emulator first. */
const DEFAULT_TENANT = join(ROOT, 'dist', 'apps', 'b2c-emulator', 'tenant', 'default-tenant.json');

/**
 * Writes the default tenant file with every tenant's request limits off into `dir`.
 * @param {string} dir
 */
function writeBenchTenants(dir) {
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(DEFAULT_TENANT, 'utf8'));
  const file = /** @type {{ tenants: TenantEntry[] }} */ (parsed);
  const tenants = file.tenants.map((tenant) => ({
    ...tenant,
    identityProtection: {
      ...tenant.identityProtection,
      ipRequestLimit: null,
      tenantRequestLimit: null,
    },
  }));
  const path = join(dir, 'bench-tenants.json');
  writeFileSync(path, JSON.stringify({ ...file, tenants }));
  return path;
}

/**
 * Starts the emulator (lib/emulator-process.mjs) with both default tenants, limits off, on an
 * ephemeral loopback port; the tenant file and the data share one throwaway directory.
 * @returns {Promise<RunningServer>}
 */
export async function startExternalIdEmulator() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-external-id-'));
  const removeDir = () => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const emulator = await startEmulator({ tenantFile: writeBenchTenants(dir), dataDir: dir });
    return {
      ...emulator,
      async stop() {
        await emulator.stop();
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}
