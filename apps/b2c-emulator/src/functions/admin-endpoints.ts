import type { HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { adminError } from '../admin/admin-error';
import { adminJson, adminRoute, adminTenantRoute, readAdminJsonBody } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { MAX_KEY_ROLLOVER_SECONDS } from '../config';
import { TenantSetChangedError } from '../emulator';
import { getEmulator, loadConfiguredTenants } from '../emulator-instance';

/**
 * GET /.emulator/health: 200 once the tenants are loaded and keys are ready; no key needed.
 * `tenant` and `policies` describe the first B2C tenant; `tenants` lists them all with their kind.
 */
export async function health(): Promise<HttpResponseInit> {
  try {
    const emulator = await getEmulator();
    const b2c = emulator.b2cTenant?.tenant;
    return adminJson(200, {
      status: 'ready',
      ...(b2c ? { tenant: b2c.name, policies: b2c.userFlows.map((flow) => flow.name) } : {}),
      tenants: emulator.tenants.map(({ tenant }) => ({
        name: tenant.name,
        id: tenant.id,
        kind: tenant.kind,
      })),
    });
  } catch {
    return adminJson(503, { status: 'unavailable' });
  }
}

/**
 * POST /.emulator/reset: every tenant's users, grants, lockouts, flows and outbox, and the clock,
 * back to the tenant file. A file edited to add, drop or re-kind tenants needs a restart (409).
 */
export const reset = adminRoute(async (emulator) => {
  try {
    await emulator.replaceTenants(await loadConfiguredTenants(emulator.config.tenantFile));
  } catch (error) {
    if (!(error instanceof TenantSetChangedError)) throw error;
    return adminError(409, 'TenantSetChanged', error.message);
  }
  emulator.clock.setOffsetSeconds(0);
  emulator.log('state reset to the tenant file');
  return { status: 204 };
});

/**
 * POST /.emulator/keys/rotate, optionally `{ "delaySeconds": N }`: a new signing key, published at
 * once and signing after the delay (default `B2C_EMULATOR_KEY_ROLLOVER_SECONDS`; 0 switches at
 * once); the replaced key stays published. Answers the new key's kid and its nbf (when it signs).
 */
export const rotateKeys = adminTenantRoute(async (emulator, tenant, request) => {
  let delaySeconds = emulator.config.keyRolloverSeconds;
  if (request.headers.get('content-type') !== null) {
    const body = await readAdminJsonBody(request, 1024);
    const delay = body['delaySeconds'] ?? delaySeconds;
    if (
      typeof delay !== 'number' ||
      !Number.isInteger(delay) ||
      delay < 0 ||
      delay > MAX_KEY_ROLLOVER_SECONDS
    )
      return adminError(
        400,
        'BadRequest',
        `"delaySeconds" must be a whole number of seconds (0–${MAX_KEY_ROLLOVER_SECONDS}).`,
      );
    delaySeconds = delay;
  }
  const key = await tenant.keys.rotate(delaySeconds);
  emulator.log(
    `${tenant.tenant.name}: signing key rotated; kid ${key.kid} signs ${delaySeconds === 0 ? 'now' : `in ${delaySeconds} s`}`,
  );
  return adminJson(200, { kid: key.kid, nbf: key.nbf });
});

/**
 * POST /.emulator/cleanup: runs the cleanup timer's sweep now and answers what it deleted, per
 * store. Under the local host `POST /admin/functions/cleanup` runs the timer itself; this route
 * also works in Azure, where that one needs the master key.
 */
export const cleanup = adminRoute(async (emulator) =>
  adminJson(200, await emulator.deleteExpired()),
);

const TEN_YEARS_SECONDS = 10 * 366 * 24 * 3600;

/** GET or POST /.emulator/clock `{ "offsetSeconds": N }`: moves every time rule of the tenant. */
export const clock = adminRoute(async (emulator, request) => {
  if (request.method === 'POST') {
    const body = await readAdminJsonBody(request, 1024);
    const offset = body['offsetSeconds'];
    if (
      typeof offset !== 'number' ||
      !Number.isFinite(offset) ||
      Math.abs(offset) > TEN_YEARS_SECONDS
    ) {
      return adminError(
        400,
        'BadRequest',
        '"offsetSeconds" must be a number of seconds within ±10 years.',
      );
    }
    emulator.clock.setOffsetSeconds(offset);
    emulator.log(`clock offset set to ${offset} s`);
  }
  return adminJson(200, {
    offsetSeconds: emulator.clock.offsetSeconds,
    now: new Date(emulator.clock.now()).toISOString(),
  });
});

for (const [name, route, methods, handler] of [
  ['emulator-health', '.emulator/health', ['GET'], health],
  ['emulator-reset', '.emulator/reset', ['POST'], reset],
  ['emulator-keys-rotate', '.emulator/keys/rotate', ['POST'], rotateKeys],
  ['emulator-cleanup', '.emulator/cleanup', ['POST'], cleanup],
  ['emulator-clock', '.emulator/clock', ['GET', 'POST'], clock],
] as const) {
  registerHttpFunction(name, { route, methods, handler, storageFailure: adminStorageFailure });
}
