import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALICE as EXTERNAL_ALICE,
  NativeAuthTestClient,
  SPA_CLIENT_ID,
  expectError,
  expectSuccess,
} from './external-id/native-auth-client';
import {
  ALICE,
  ADMIN_KEY,
  aliceSignIn,
  BOB,
  distinctWrongPassword,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';
import { CONTOSOID, CONTOSOID_ID, TWO_KIND_TENANT_FILE } from './two-kind-tenant';
import { TENANT, TENANT_ID } from './start-emulator';

/**
 * The admin routes the console reads beyond the older ones — GET /.emulator/tenants, GET
 * /.emulator/protection and POST /.emulator/protection/unlock — over HTTP against the built
 * emulator, on both stores: in memory and on Azure Table storage (Azurite).
 */

/** Lockouts after 3 failures; service-limit windows a day long, so no test straddles one. */
const LOCKOUT_THRESHOLD = 3;
const DAY_SECONDS = 86_400;

/** The two-kind tenant file with the protection settings above, in a temporary directory. */
function writeTenantFile(directory: string): string {
  const file = JSON.parse(readFileSync(TWO_KIND_TENANT_FILE, 'utf8')) as {
    tenants: { identityProtection: Record<string, unknown> }[];
  };
  for (const tenant of file.tenants) {
    tenant.identityProtection = {
      ...tenant.identityProtection,
      lockoutThreshold: LOCKOUT_THRESHOLD,
      ipRequestLimit: { requests: 100, windowSeconds: DAY_SECONDS },
      tenantRequestLimit: { requests: 1000, windowSeconds: DAY_SECONDS },
    };
  }
  const path = join(directory, 'tenant.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

interface LockoutView {
  account: string;
  clientIp: string | null;
  failures: number;
  lockouts: number;
  locked: boolean;
  lockedUntil: string | null;
}

interface ProtectionBody {
  tenant: string;
  settings: Record<string, unknown>;
  lockouts: LockoutView[];
  serviceLimits: Record<string, unknown>[];
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.each(['memory', 'table'] as const)('identity-protection admin routes (%s)', (store) => {
  const directory = mkdtempSync(join(tmpdir(), 'protection-admin-'));
  let azurite: RunningAzurite | undefined;
  let emulator: RunningEmulator;

  /** A B2C password grant for `username` from `clientIp` (one trusted hop: X-Forwarded-For). */
  const b2cSignIn = (clientIp: string, username: string, password: string) =>
    postForm(tokenUrl(emulator), aliceSignIn({ username, password }), {
      'X-Forwarded-For': clientIp,
    });

  const protection = async (tenant: string): Promise<ProtectionBody> => {
    const response = await emulator.admin('GET', `/.emulator/protection?tenant=${tenant}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return (await response.json()) as ProtectionBody;
  };

  const unlock = (tenant: string, body: unknown) =>
    emulator.admin('POST', `/.emulator/protection/unlock?tenant=${tenant}`, body);

  beforeAll(async () => {
    if (store === 'table') azurite = await startAzurite();
    emulator = await startEmulator({
      tenantFile: writeTenantFile(directory),
      env: {
        B2C_EMULATOR_TRUSTED_HOPS: '1',
        ...(azurite ? { STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
      },
    });
  }, 60_000);

  afterAll(async () => {
    await emulator.stop();
    await azurite?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  beforeEach(async () => {
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
  });

  it('refuses all three routes without the admin key', async () => {
    for (const [method, path] of [
      ['GET', '/.emulator/tenants'],
      ['GET', '/.emulator/protection'],
      ['POST', '/.emulator/protection/unlock'],
    ] as const) {
      const response = await fetch(`${emulator.url}${path}`, { method });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'The admin key is missing or wrong.',
        },
      });
    }
  });

  it('GET /.emulator/tenants lists each tenant: kind, flows, applications, users, public key facts', async () => {
    const rotated = await emulator.admin('POST', `/.emulator/keys/rotate?tenant=${CONTOSOID}`, {
      delaySeconds: 600,
    });
    expect(rotated.status).toBe(200);
    const { kid: nextKid } = (await rotated.json()) as { kid: string };

    const response = await emulator.admin('GET', '/.emulator/tenants');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const { tenants } = JSON.parse(text) as { tenants: Record<string, unknown>[] };
    expect(tenants.map(({ signingKeys: _keys, ...rest }) => rest)).toEqual([
      {
        name: TENANT,
        id: TENANT_ID,
        kind: 'b2c',
        default: true,
        userFlows: ['B2C_1_ROPC_Auth'],
        applications: [
          { id: '360770b5-7e4f-4765-b292-87b8b2c5964d', name: 'ROPC_Auth_app', enabled: true },
          { id: '0e842314-a3f9-451e-a34c-f22568d6db61', name: 'notes-api', enabled: true },
        ],
        userCount: 2,
      },
      {
        name: CONTOSOID,
        id: CONTOSOID_ID,
        kind: 'external-id',
        default: false,
        userFlows: ['SignUpSignIn_EmailPassword', 'SignUpSignIn_EmailOtp'],
        applications: [
          { id: SPA_CLIENT_ID, name: 'contoso-notes-spa', enabled: true },
          { id: 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47', name: 'contoso-notes-otp', enabled: true },
          { id: 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28', name: 'notes-api', enabled: true },
        ],
        userCount: 3,
      },
    ]);
    const [contosoKeys, contosoidKeys] = tenants.map(
      (tenant) => tenant['signingKeys'] as { kid: string; nbf: string; status: string }[],
    );
    expect(contosoKeys).toEqual([
      { kid: expect.any(String), nbf: expect.stringMatching(ISO), status: 'signing' },
    ]);
    expect(contosoidKeys?.map((key) => key.status)).toEqual(['signing', 'next']);
    expect(contosoidKeys?.[1]?.kid).toBe(nextKid);
    // Public facts only: no JWK member, public or private, is part of the answer.
    expect(text).not.toMatch(/"(d|p|q|dp|dq|qi|n|e|kty)":/u);
  });

  it('shows B2C failures per (client address, account), the lock at the threshold, and the counters', async () => {
    for (let index = 0; index < LOCKOUT_THRESHOLD; index++) {
      const refused = await b2cSignIn(
        '203.0.113.7',
        ALICE.username,
        distinctWrongPassword('w', index),
      );
      expect(refused.status).toBe(400);
    }
    expect((await b2cSignIn('198.51.100.1', ALICE.username, 'wrong-from-elsewhere')).status).toBe(
      400,
    );
    expect((await b2cSignIn('198.51.100.1', BOB.username, BOB.password)).status).toBe(200);

    const body = await protection(TENANT);
    expect(body.tenant).toBe(TENANT);
    expect(body.settings).toEqual({
      lockoutThreshold: LOCKOUT_THRESHOLD,
      lockoutDurationSeconds: 60,
      lockoutsPerStep: 10,
      maxLockoutSeconds: 18000,
      ipRequestLimit: { requests: 100, windowSeconds: DAY_SECONDS },
      tenantRequestLimit: { requests: 1000, windowSeconds: DAY_SECONDS },
    });
    // Bob's success left nothing to show; Alice has a locked pair and a counting one.
    expect(body.lockouts).toEqual([
      {
        account: 'alice@contoso.com',
        clientIp: '198.51.100.1',
        failures: 1,
        lockouts: 0,
        locked: false,
        lockedUntil: null,
      },
      {
        account: 'alice@contoso.com',
        clientIp: '203.0.113.7',
        failures: LOCKOUT_THRESHOLD,
        lockouts: 1,
        locked: true,
        lockedUntil: expect.stringMatching(ISO),
      },
    ]);
    const lockedUntil = Date.parse(body.lockouts[1]?.lockedUntil ?? '');
    const window = {
      windowSeconds: DAY_SECONDS,
      windowStart: expect.stringMatching(ISO),
      windowEnd: expect.stringMatching(ISO),
      limited: false,
    };
    expect(body.serviceLimits).toEqual([
      { scope: 'tenant', clientIp: null, count: 5, limit: 1000, ...window },
      { scope: 'client', clientIp: '198.51.100.1', count: 2, limit: 100, ...window },
      { scope: 'client', clientIp: '203.0.113.7', count: 3, limit: 100, ...window },
    ]);
    const [tenantWindow] = body.serviceLimits;
    expect(
      Date.parse(String(tenantWindow?.['windowEnd'])) -
        Date.parse(String(tenantWindow?.['windowStart'])),
    ).toBe(DAY_SECONDS * 1000);
    // The lock lasts the configured minute from the last failure (by the emulator's clock).
    expect(lockedUntil).toBeGreaterThan(Date.now());
    // Nothing of a password, not even its fingerprint, is in the answer.
    expect(JSON.stringify(body)).not.toMatch(/fingerprint|"e:|wrong/u);
    // The other tenant shows none of it.
    expect((await protection(CONTOSOID)).lockouts).toEqual([]);
  });

  it('POST /.emulator/protection/unlock lifts one pair, then every pair of an account', async () => {
    for (let index = 0; index < LOCKOUT_THRESHOLD; index++) {
      await b2cSignIn('203.0.113.7', ALICE.username, distinctWrongPassword('w', index));
    }
    await b2cSignIn('198.51.100.1', ALICE.username, 'wrong-from-elsewhere');
    const locked = await b2cSignIn('203.0.113.7', ALICE.username, ALICE.password);
    expect(locked.status).toBe(400);
    expect(locked.body['error_description']).toMatch(/^AADB2C90114:/u);

    const one = await unlock(TENANT, { account: ' Alice@Contoso.com ', clientIp: '203.0.113.7' });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ cleared: 1 });
    expect((await b2cSignIn('203.0.113.7', ALICE.username, ALICE.password)).status).toBe(200);
    expect((await protection(TENANT)).lockouts.map((pair) => pair.clientIp)).toEqual([
      '198.51.100.1',
    ]);

    const every = await unlock(TENANT, { account: ALICE.username });
    expect(await every.json()).toEqual({ cleared: 1 });
    expect((await protection(TENANT)).lockouts).toEqual([]);
    // Asking again is harmless.
    expect(await (await unlock(TENANT, { account: ALICE.username })).json()).toEqual({
      cleared: 0,
    });
  });

  it('shows External ID locks per account (no address) and lifts them', async () => {
    const client = new NativeAuthTestClient(emulator, CONTOSOID, {
      'X-Forwarded-For': '203.0.113.9',
    });
    for (let index = 0; index < LOCKOUT_THRESHOLD; index++) {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, EXTERNAL_ALICE.username);
      expectError(
        await client.passwordGrant(SPA_CLIENT_ID, token, distinctWrongPassword('x', index)),
      );
    }
    const body = await protection(CONTOSOID);
    expect(body.lockouts).toEqual([
      {
        account: 'alice@contoso.com',
        clientIp: null,
        failures: LOCKOUT_THRESHOLD,
        lockouts: 1,
        locked: true,
        lockedUntil: expect.stringMatching(ISO),
      },
    ]);
    // A lock of the External ID tenant's Alice is not one of the B2C tenant's Alice.
    expect((await protection(TENANT)).lockouts).toEqual([]);

    expect(
      await (await unlock(CONTOSOID, { account: 'alice@contoso.com', clientIp: null })).json(),
    ).toEqual({ cleared: 1 });
    expectSuccess(
      await client.passwordGrant(
        SPA_CLIENT_ID,
        await client.passwordChallengeToken(SPA_CLIENT_ID, EXTERNAL_ALICE.username),
        EXTERNAL_ALICE.password,
        ['openid', 'offline_access'],
      ),
    );
    expect((await protection(CONTOSOID)).lockouts).toEqual([]);
  });

  it('answers bad input with a typed 4xx, never a 500', async () => {
    const cases: [string, string, unknown, number, string][] = [
      [
        'GET',
        '/.emulator/protection?tenant=nowhere.onmicrosoft.com',
        undefined,
        404,
        'TenantNotFound',
      ],
      [
        'GET',
        `/.emulator/protection?tenant=${TENANT}&tenant=${CONTOSOID}`,
        undefined,
        400,
        'BadRequest',
      ],
      ['POST', `/.emulator/protection/unlock?tenant=${TENANT}`, {}, 400, 'BadRequest'],
      ['POST', `/.emulator/protection/unlock?tenant=${TENANT}`, { account: '' }, 400, 'BadRequest'],
      ['POST', `/.emulator/protection/unlock?tenant=${TENANT}`, { account: 7 }, 400, 'BadRequest'],
      [
        'POST',
        `/.emulator/protection/unlock?tenant=${TENANT}`,
        { account: 'a'.repeat(321) },
        400,
        'BadRequest',
      ],
      [
        'POST',
        `/.emulator/protection/unlock?tenant=${TENANT}`,
        { account: 'a@b.c', clientIp: 5 },
        400,
        'BadRequest',
      ],
      [
        'POST',
        `/.emulator/protection/unlock?tenant=${TENANT}`,
        { account: 'a@b.c', extra: 1 },
        400,
        'BadRequest',
      ],
      ['POST', `/.emulator/protection/unlock?tenant=${TENANT}`, [1], 400, 'BadRequest'],
      [
        'POST',
        `/.emulator/protection/unlock?tenant=${TENANT}`,
        { account: 'x'.repeat(2000) },
        413,
        'RequestTooLarge',
      ],
    ];
    for (const [method, path, body, status, code] of cases) {
      const response = await emulator.admin(method, path, body);
      expect({ path, body, status: response.status }).toEqual({ path, body, status });
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe(code);
      expect(answer.error.message).not.toContain(ADMIN_KEY);
    }
    const plain = await fetch(`${emulator.url}/.emulator/protection/unlock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/plain' },
      body: 'alice',
    });
    expect(plain.status).toBe(415);
  });
});
