/**
 * Tenant export and import behind the admin key: the current state as a (version 2) tenant file,
 * and a tenant file that replaces every tenant (users, applications, flows and settings). The
 * tenants themselves — their ids, kinds and order — are the running file's: changing them needs a
 * restart, since their stores and keys are keyed by tenant id.
 */
import { registerHttpFunction } from '@ropc/functions-edge';
import { adminError } from '../admin/admin-error';
import { adminJson, adminRoute, readAdminJsonBody } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { TenantSetChangedError } from '../emulator';
import { exportTenants } from '../tenant/export-tenant';
import { parseTenantFile } from '../tenant/load-tenant';
import { isTenantFileError } from '../tenant/tenant-file-error';

/** The local host's own request limit, and room for a few thousand users. */
const MAX_TENANT_BYTES = 1024 * 1024;

/**
 * GET /.emulator/tenant: the tenant file of the current state, users as the stores hold them now
 * (password hashes, never a password). Importing it gives the same tenants back.
 */
export const exportTenantFile = adminRoute(async (emulator) => {
  const users = await Promise.all(emulator.tenants.map((runtime) => runtime.users.list()));
  const byTenant = new Map(
    emulator.tenants.map((runtime, index) => [runtime.tenant, users[index]]),
  );
  return adminJson(
    200,
    exportTenants(
      emulator.tenants.map((runtime) => runtime.tenant),
      (tenant) => byTenant.get(tenant) ?? [],
    ),
  );
});

/**
 * PUT /.emulator/tenant: validates the body as a tenant file (every problem at once, as
 * `{ error: { code: "InvalidTenant", message, details: [{ path, message }] } }`), then replaces the
 * tenant and all state with it: grants, lockouts and rate counts are cleared; the clock and the
 * signing keys stay. 204 on success.
 */
export const importTenantFile = adminRoute(async (emulator, request) => {
  const json = await readAdminJsonBody(request, MAX_TENANT_BYTES);
  try {
    const tenants = await parseTenantFile(json, {
      onWarning: (message) => {
        emulator.log(`WARNING: imported tenant: ${message}`);
      },
    });
    await emulator.replaceTenants(tenants);
    for (const tenant of tenants)
      emulator.log(`tenant ${tenant.name} imported with ${tenant.users.length} users`);
    return { status: 204, headers: { 'Cache-Control': 'no-store' } };
  } catch (error) {
    if (error instanceof TenantSetChangedError)
      return adminError(409, 'TenantSetChanged', error.message);
    if (!isTenantFileError(error)) throw error;
    const count = error.problems.length === 1 ? '1 problem' : `${error.problems.length} problems`;
    return adminJson(400, {
      error: {
        code: 'InvalidTenant',
        message: `The tenant file has ${count}; nothing was changed.`,
        details: error.problems.map(({ path, message }) => ({ path, message })),
      },
    });
  }
});

registerHttpFunction('emulator-tenant-export', {
  route: '.emulator/tenant',
  methods: ['GET'],
  handler: exportTenantFile,
  storageFailure: adminStorageFailure,
});
registerHttpFunction('emulator-tenant-import', {
  route: '.emulator/tenant',
  methods: ['PUT'],
  handler: importTenantFile,
  storageFailure: adminStorageFailure,
});
