/**
 * Tenant export and import behind the admin key: the current state as a tenant file, and a
 * tenant file that replaces the whole tenant (users, applications, flows and settings).
 */
import { registerHttpFunction } from '@ropc/functions-edge';
import { adminJson, adminRoute, readAdminJsonBody } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { exportTenant } from '../tenant/export-tenant';
import { parseTenantFile } from '../tenant/load-tenant';
import { isTenantFileError } from '../tenant/tenant-file-error';

/** The local host's own request limit, and room for a few thousand users. */
const MAX_TENANT_BYTES = 1024 * 1024;

/**
 * GET /.emulator/tenant: the tenant file of the current state, users as the store holds them now
 * (password hashes, never a password). Importing it gives the same tenant back.
 */
export const exportTenantFile = adminRoute(async (emulator) => {
  const users = await emulator.stores.users.list();
  return adminJson(200, exportTenant(emulator.tenant, users));
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
    const tenant = await parseTenantFile(json, {
      onWarning: (message) => {
        emulator.log(`WARNING: imported tenant: ${message}`);
      },
    });
    await emulator.replaceTenant(tenant);
    emulator.log(`tenant ${tenant.name} imported with ${tenant.users.length} users`);
    return { status: 204, headers: { 'Cache-Control': 'no-store' } };
  } catch (error) {
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
