import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY, TENANT, TENANT_ID, startEmulator, type RunningEmulator } from './start-emulator';
import {
  CONTOSOID,
  CONTOSOID_ID,
  CONTOSOID_USER_IDS,
  CONTOSO_USER_IDS,
  TWO_KIND_TENANT_FILE,
  contosoKids,
  contosoidKids,
} from './two-kind-tenant';

/**
 * The admin and Graph-shaped routes of an emulator with two tenants of two kinds: `?tenant=`
 * (name or id) picks the tenant, the first B2C tenant is the default, and export, import and reset
 * act on every tenant but never change which tenants run.
 */

interface TenantEntryJson {
  kind: string;
  tenant: { name: string; id: string };
  users: { id: string }[];
  [key: string]: unknown;
}

interface TenantFileJson {
  $schema?: string;
  tenants: TenantEntryJson[];
}

const RUNNING_TENANTS = `b2c ${TENANT_ID}, external-id ${CONTOSOID_ID}`;
const TENANT_SET_CHANGED = {
  error: {
    code: 'TenantSetChanged',
    message: `the file must hold the running tenants, in order (${RUNNING_TENANTS}); restart the emulator to change them`,
  },
};

describe('b2c-emulator admin routes with two tenants', () => {
  let directory: string;
  let tenantFile: string;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    // A copy the reset test may edit.
    directory = mkdtempSync(join(tmpdir(), 'b2c-emulator-tenants-'));
    tenantFile = join(directory, 'tenant.json');
    copyFileSync(TWO_KIND_TENANT_FILE, tenantFile);
    emulator = await startEmulator({ tenantFile });
  });

  afterAll(async () => {
    await emulator.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  beforeEach(async () => {
    copyFileSync(TWO_KIND_TENANT_FILE, tenantFile);
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
  });

  async function userIds(query: string): Promise<string[]> {
    const response = await emulator.admin('GET', `/v1.0/users${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: { id: string }[] };
    return body.value.map((user) => user.id).sort();
  }

  async function exportFile(): Promise<TenantFileJson> {
    const response = await emulator.admin('GET', '/.emulator/tenant');
    expect(response.status).toBe(200);
    return (await response.json()) as TenantFileJson;
  }

  it('health lists both tenants with their kinds; tenant and policies describe the B2C one', async () => {
    const response = await fetch(`${emulator.url}/.emulator/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      tenant: TENANT,
      policies: [POLICY],
      tenants: [
        { name: TENANT, id: TENANT_ID, kind: 'b2c' },
        { name: CONTOSOID, id: CONTOSOID_ID, kind: 'external-id' },
      ],
    });
  });

  it("lists the External ID tenant's users by its domain name or its id, in any case", async () => {
    const contosoid = [...CONTOSOID_USER_IDS].sort();
    expect(await userIds(`?tenant=${CONTOSOID}`)).toEqual(contosoid);
    expect(await userIds(`?tenant=${CONTOSOID_ID}`)).toEqual(contosoid);
    expect(await userIds(`?tenant=${CONTOSOID_ID.toUpperCase()}`)).toEqual(contosoid);
    expect(await userIds(`?tenant=${CONTOSOID.toUpperCase()}`)).toEqual(contosoid);
  });

  it('acts on the first B2C tenant without ?tenant=', async () => {
    const contoso = [...CONTOSO_USER_IDS].sort();
    expect(await userIds('')).toEqual(contoso);
    expect(await userIds(`?tenant=${TENANT}`)).toEqual(contoso);
  });

  it('creates a Graph user in the tenant ?tenant= names, and only there', async () => {
    const created = await emulator.admin('POST', `/v1.0/users?tenant=${CONTOSOID}`, {
      displayName: 'Dana Example',
      identities: [
        { signInType: 'emailAddress', issuer: CONTOSOID, issuerAssignedId: 'dana@contoso.com' },
      ],
      passwordProfile: { password: 'Dana-Passw0rd!', forceChangePasswordNextSignIn: false },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    expect(await userIds(`?tenant=${CONTOSOID}`)).toContain(id);
    expect(await userIds('')).not.toContain(id);
    expect((await emulator.admin('GET', `/v1.0/users/${id}`)).status).toBe(404);
    expect((await emulator.admin('GET', `/v1.0/users/${id}?tenant=${CONTOSOID_ID}`)).status).toBe(
      200,
    );
  });

  it('creates an External ID user without a password (codes only), which a B2C tenant refuses', async () => {
    const identity = { signInType: 'emailAddress', issuerAssignedId: 'erin@contoso.com' };
    const created = await emulator.admin('POST', `/v1.0/users?tenant=${CONTOSOID}`, {
      displayName: 'Erin Example',
      identities: [{ ...identity, issuer: CONTOSOID }],
    });
    expect(created.status).toBe(201);
    // With no password, the password app's sign-in needs a code the client did not declare.
    const initiate = await fetch(`${emulator.url}/${CONTOSOID}/oauth2/v2.0/initiate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45',
        username: 'erin@contoso.com',
        challenge_type: 'password redirect',
      }).toString(),
    });
    expect(await initiate.json()).toEqual({ challenge_type: 'redirect' });

    const refused = await emulator.admin('POST', '/v1.0/users', {
      displayName: 'Erin Example',
      identities: [{ ...identity, issuer: TENANT }],
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'Request_BadRequest',
        message: expect.stringContaining('passwordProfile.password') as unknown,
      },
    });
  });

  it('answers 404 TenantNotFound for a tenant the emulator does not have', async () => {
    const response = await emulator.admin('GET', '/v1.0/users?tenant=fabrikam.onmicrosoft.com');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 'TenantNotFound',
        message: `No such tenant; the emulator has: ${TENANT}, ${CONTOSOID}.`,
      },
    });
    const rotate = await emulator.admin('POST', '/.emulator/keys/rotate?tenant=fabrikam');
    expect(rotate.status).toBe(404);
  });

  it('answers 400 to a repeated tenant parameter, even when both name the same tenant', async () => {
    for (const query of [
      `?tenant=${TENANT}&tenant=${CONTOSOID}`,
      `?tenant=${TENANT}&tenant=${TENANT}`,
    ]) {
      const response = await emulator.admin('GET', `/v1.0/users${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'BadRequest', message: '"tenant" must be given at most once.' },
      });
    }
  });

  it("rotates one tenant's signing key and leaves the other's kid as it was", async () => {
    const [contosoBefore, contosoidBefore] = [
      await contosoKids(emulator),
      await contosoidKids(emulator),
    ];

    const rotated = await emulator.admin('POST', `/.emulator/keys/rotate?tenant=${CONTOSOID}`, {
      delaySeconds: 0,
    });
    expect(rotated.status).toBe(200);
    const { kid } = (await rotated.json()) as { kid: string };

    expect(await contosoidKids(emulator)).toEqual([kid, contosoidBefore[0]]);
    expect(await contosoKids(emulator)).toEqual(contosoBefore);

    const defaultRotation = await emulator.admin('POST', '/.emulator/keys/rotate', {
      delaySeconds: 0,
    });
    const { kid: contosoKid } = (await defaultRotation.json()) as { kid: string };
    expect((await contosoKids(emulator))[0]).toBe(contosoKid);
    expect(await contosoidKids(emulator)).toEqual([kid, contosoidBefore[0]]);
  });

  it('exports every tenant as a version 2 file, which imports back unchanged', async () => {
    const exported = await exportFile();
    expect(exported.tenants.map(({ kind, tenant }) => [kind, tenant.name, tenant.id])).toEqual([
      ['b2c', TENANT, TENANT_ID],
      ['external-id', CONTOSOID, CONTOSOID_ID],
    ]);
    expect(exported.tenants[1]?.users.map((user) => user.id)).toEqual(CONTOSOID_USER_IDS);

    expect((await emulator.admin('PUT', '/.emulator/tenant', exported)).status).toBe(204);
    expect(await exportFile()).toEqual(exported);
  });

  it('refuses with 409 an import that drops, reorders or re-kinds tenants, and changes nothing', async () => {
    const created = await emulator.admin('POST', `/v1.0/users?tenant=${CONTOSOID}`, {
      displayName: 'Erin Example',
      identities: [{ signInType: 'emailAddress', issuerAssignedId: 'erin@contoso.com' }],
      passwordProfile: { password: 'Erin-Passw0rd!' },
    });
    expect(created.status).toBe(201);
    const before = await exportFile();
    const [contoso, contosoid] = before.tenants as [TenantEntryJson, TenantEntryJson];
    const changedSets = [
      { ...before, tenants: [contoso] },
      { ...before, tenants: [contosoid, contoso] },
      // contoso's entry under contosoid's names: a B2C tenant where an External ID one runs.
      { ...before, tenants: [contoso, { ...contoso, tenant: contosoid.tenant }] },
    ];

    for (const file of changedSets) {
      const response = await emulator.admin('PUT', '/.emulator/tenant', file);
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual(TENANT_SET_CHANGED);
    }
    expect(await exportFile()).toEqual(before);
  });

  it('refuses with 409 a reset to a tenant file edited to drop a tenant, and resets once it is back', async () => {
    const created = await emulator.admin('POST', '/v1.0/users', {
      displayName: 'Frank Example',
      identities: [{ signInType: 'emailAddress', issuerAssignedId: 'frank@contoso.com' }],
      passwordProfile: { password: 'Frank-Passw0rd!' },
    });
    const { id } = (await created.json()) as { id: string };
    const file = JSON.parse(readFileSync(TWO_KIND_TENANT_FILE, 'utf8')) as TenantFileJson;
    writeFileSync(tenantFile, JSON.stringify({ ...file, tenants: file.tenants.slice(0, 1) }));

    const refused = await emulator.admin('POST', '/.emulator/reset');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual(TENANT_SET_CHANGED);
    expect(await userIds('')).toContain(id);

    copyFileSync(TWO_KIND_TENANT_FILE, tenantFile);
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
    expect(await userIds('')).toEqual([...CONTOSO_USER_IDS].sort());
  });
});
