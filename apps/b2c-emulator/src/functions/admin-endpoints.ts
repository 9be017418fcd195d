import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { checkAdminKey } from '../admin/admin-auth';
import { adminError, readJsonObject } from '../admin/admin-error';
import type { Emulator } from '../emulator';
import { MAX_KEY_ROLLOVER_SECONDS } from '../config';
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

/**
 * POST /.emulator/keys/rotate, optionally `{ "delaySeconds": N }`: a new signing key, published at
 * once and signing after the delay (default `B2C_EMULATOR_KEY_ROLLOVER_SECONDS`; 0 switches at
 * once); the replaced key stays published. Answers the new key's kid and its nbf (when it signs).
 */
export const rotateKeys = adminRoute(async (emulator, request) => {
  let delaySeconds = emulator.config.keyRolloverSeconds;
  if (request.headers.get('content-type') !== null) {
    const body = await readJsonObject(request, 1024);
    if ('error' in body) return body.error;
    const delay = body.value['delaySeconds'] ?? delaySeconds;
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
  const key = await emulator.stores.keys.rotate(delaySeconds);
  emulator.log(
    `signing key rotated; kid ${key.kid} signs ${delaySeconds === 0 ? 'now' : `in ${delaySeconds} s`}`,
  );
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
