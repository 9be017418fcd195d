import { registerHttpFunction } from '@ropc/functions-edge';
import { adminJson, adminRoute } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { summariseTenant } from '../admin/tenant-summary';

/**
 * GET /.emulator/tenants: `{ tenants: [...] }`, every tenant of the file in its order with `name`,
 * `id`, `kind`, `default` (the one admin routes act on without `?tenant=`), `userFlows` (names),
 * `applications` (`id`, `name`, `enabled`), `userCount` and `signingKeys` (`kid`, `nbf`, `status`:
 * signing, next or previous — public facts only). Admin key required: it counts users.
 */
export const tenants = adminRoute(async (emulator) => {
  const fallback = emulator.defaultTenant;
  return adminJson(200, {
    tenants: await Promise.all(
      emulator.tenants.map((runtime) => summariseTenant(runtime, runtime === fallback)),
    ),
  });
});

registerHttpFunction('emulator-tenants', {
  route: '.emulator/tenants',
  methods: ['GET'],
  handler: tenants,
  storageFailure: adminStorageFailure,
});
