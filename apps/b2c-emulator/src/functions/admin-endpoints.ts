import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { checkAdminKey } from '../admin/admin-auth';
import { adminError, readJsonObject } from '../admin/admin-error';
import type { Emulator } from '../emulator';
import { getEmulator, loadConfiguredTenant } from '../emulator-instance';

const json = (status: number, body: unknown): HttpResponseInit => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  jsonBody: body,
});

/** Wraps an admin handler with the admin-key check. */
function adminRoute(
  handler: (emulator: Emulator, request: HttpRequest) => Promise<HttpResponseInit>,
) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const emulator = await getEmulator();
    return checkAdminKey(request, emulator.config) ?? handler(emulator, request);
  };
}

/** GET /.emulator/health: 200 once the tenant is loaded and keys are ready; no key needed. */
export async function health(): Promise<HttpResponseInit> {
  try {
    const emulator = await getEmulator();
    return json(200, {
      status: 'ready',
      tenant: emulator.tenant.name,
      policies: emulator.tenant.userFlows.map((f) => f.name),
    });
  } catch {
    return json(503, { status: 'unavailable' });
  }
}

/** POST /.emulator/reset: users, grants, lockouts and the clock back to the tenant file. */
export const reset = adminRoute(async (emulator) => {
  await emulator.replaceTenant(await loadConfiguredTenant(emulator.config.tenantFile));
  emulator.clock.setOffsetSeconds(0);
  emulator.log('state reset to the tenant file');
  return { status: 204 };
});

/** POST /.emulator/keys/rotate: a new current signing key; the old one stays published. */
export const rotateKeys = adminRoute(async (emulator) => {
  const key = await emulator.stores.keys.rotate();
  emulator.log(`signing key rotated; current kid ${key.kid}`);
  return json(200, { kid: key.kid, nbf: key.nbf });
});

/**
 * POST /.emulator/cleanup: runs the cleanup timer's sweep now and answers what it deleted, per
 * store. Under the local host `POST /admin/functions/cleanup` runs the timer itself; this route
 * also works in Azure, where that one needs the master key.
 */
export const cleanup = adminRoute(async (emulator) => json(200, await emulator.deleteExpired()));

const TEN_YEARS_SECONDS = 10 * 366 * 24 * 3600;

/** GET or POST /.emulator/clock `{ "offsetSeconds": N }`: moves every time rule of the tenant. */
export const clock = adminRoute(async (emulator, request) => {
  if (request.method === 'POST') {
    const body = await readJsonObject(request, 1024);
    if ('error' in body) return body.error;
    const offset = body.value['offsetSeconds'];
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
  return json(200, {
    offsetSeconds: emulator.clock.offsetSeconds,
    now: new Date(emulator.clock.now()).toISOString(),
  });
});

app.http('emulator-health', {
  route: '.emulator/health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: health,
});
app.http('emulator-reset', {
  route: '.emulator/reset',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: reset,
});
app.http('emulator-keys-rotate', {
  route: '.emulator/keys/rotate',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: rotateKeys,
});
app.http('emulator-cleanup', {
  route: '.emulator/cleanup',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: cleanup,
});
app.http('emulator-clock', {
  route: '.emulator/clock',
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  handler: clock,
});
