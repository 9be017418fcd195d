/**
 * The admin API's view of a tenant's identity protection: smart lockout per account (and, in B2C,
 * per client address) and the service-limit counters, and a way to lift a lockout — for the
 * console and for tests that need to see or undo what failed sign-ins did. Works on either store.
 */
import { registerHttpFunction } from '@ropc/functions-edge';
import { normaliseUsername } from '@ropc/identity-protection';
import { adminError } from '../admin/admin-error';
import { AdminRefusal, adminJson, adminTenantRoute, readAdminJsonBody } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import type { JsonObject } from '../admin/graph-property-readers';
import { protectionView, splitLockoutKey } from '../admin/protection-view';

/** The longest account name accepted: an e-mail address's 320 characters. */
const MAX_ACCOUNT_LENGTH = 320;
/** The longest client address accepted: an IPv6 address with a zone fits easily. */
const MAX_CLIENT_IP_LENGTH = 64;

/**
 * GET /.emulator/protection?tenant=: `{ tenant, settings, lockouts, serviceLimits }` — the
 * tenant's lockout and service-limit settings, every live lockout pair (`account`, `clientIp` or
 * null for External ID's per-account lock, `failures`, `lockouts`, `locked`, `lockedUntil`) and
 * every counter of a window not yet ended (`scope`, `clientIp`, `count`, `limit`,
 * `windowSeconds`, `windowStart`, `windowEnd`, `limited`). Times in ISO 8601, by the emulator's
 * clock. No password fingerprint is ever part of it.
 */
export const protection = adminTenantRoute(async (emulator, tenant) => {
  const settings = tenant.tenant.identityProtection;
  const view = await protectionView(tenant, emulator.clock.now());
  return adminJson(200, {
    tenant: tenant.tenant.name,
    settings: {
      lockoutThreshold: settings.lockoutThreshold,
      lockoutDurationSeconds: settings.lockoutDurationSeconds,
      lockoutsPerStep: settings.lockoutsPerStep,
      maxLockoutSeconds: settings.maxLockoutSeconds,
      ipRequestLimit: settings.ipRequestLimit,
      tenantRequestLimit: settings.tenantRequestLimit,
    },
    ...view,
  });
});

/** What an unlock asks: an account, and optionally one of its pairs. */
interface UnlockRequest {
  readonly account: string;
  /** Absent: every pair of the account; null: External ID's per-account lock; else one address. */
  readonly clientIp?: string | null;
}

function refuse(message: string): AdminRefusal {
  return new AdminRefusal(adminError(400, 'BadRequest', message));
}

function readUnlockRequest(body: JsonObject): UnlockRequest {
  const unknown = Object.keys(body).find((key) => key !== 'account' && key !== 'clientIp');
  if (unknown !== undefined) throw refuse(`Unknown property "${unknown.slice(0, 40)}".`);
  const account = body['account'];
  if (typeof account !== 'string' || account.trim() === '' || account.length > MAX_ACCOUNT_LENGTH)
    throw refuse(`"account" must be a username of 1 to ${MAX_ACCOUNT_LENGTH} characters.`);
  if (!('clientIp' in body)) return { account: normaliseUsername(account) };
  const clientIp = body['clientIp'];
  if (
    clientIp !== null &&
    (typeof clientIp !== 'string' || clientIp === '' || clientIp.length > MAX_CLIENT_IP_LENGTH)
  )
    throw refuse(
      `"clientIp" must be a client address of 1 to ${MAX_CLIENT_IP_LENGTH} characters, or null.`,
    );
  return { account: normaliseUsername(account), clientIp };
}

/**
 * POST /.emulator/protection/unlock?tenant= `{ "account": "…", "clientIp"?: "…" | null }`: forgets
 * the account's lockout state — every pair of it, or the one pair named (null: External ID's
 * per-account lock) — failures and lock alike, as an administrator's unlock does. Answers
 * `{ "cleared": n }`, the pairs forgotten (0 when there were none: asking twice is harmless).
 */
export const unlock = adminTenantRoute(async (emulator, tenant, request) => {
  const wanted = readUnlockRequest(await readAdminJsonBody(request, 1024));
  const cleared = (await tenant.lockout.list())
    .map(({ key }) => key)
    .filter((key) => {
      const pair = splitLockoutKey(key);
      return (
        pair.account === wanted.account &&
        (wanted.clientIp === undefined || pair.clientIp === wanted.clientIp)
      );
    });
  await Promise.all(cleared.map((key) => tenant.lockout.forget(key)));
  emulator.log(`${tenant.tenant.name}: ${cleared.length} lockout entries cleared`);
  return adminJson(200, { cleared: cleared.length });
});

for (const [name, route, method, handler] of [
  ['emulator-protection', '.emulator/protection', 'GET', protection],
  ['emulator-protection-unlock', '.emulator/protection/unlock', 'POST', unlock],
] as const) {
  registerHttpFunction(name, {
    route,
    methods: [method],
    handler,
    storageFailure: adminStorageFailure,
  });
}
