import { join } from 'node:path';
import { onlyB2CTenant, tenantOfKind } from '../../test/tenant-kinds';
import { exportTenants } from './export-tenant';
import { loadTenants, parseTenantFile } from './load-tenant';
import type { TenantFile, TenantFileExternalIdTenant } from './tenant-file';
import type { TenantUser } from './tenant-model';

const never = (): Promise<string> => Promise.reject(new Error('an exported file has no passwords'));

describe('exportTenants', () => {
  it.each([
    'default-tenant.json',
    '../../test/fixtures/short-lifetime-tenant.json',
    '../../test/fixtures/limits-off-tenant.json',
  ])('round-trips %s: the exported file loads into equal tenants without hashing', async (name) => {
    const tenants = await loadTenants(join(__dirname, name), { onWarning: () => undefined });

    const exported = exportTenants(tenants);
    const reloaded = await parseTenantFile(JSON.parse(JSON.stringify(exported)), {
      hashPassword: never,
      onWarning: () => undefined,
    });

    expect(reloaded).toEqual(tenants);
  });

  it('writes password hashes, never passwords', async () => {
    const tenants = await loadTenants(join(__dirname, 'default-tenant.json'));

    const exported = exportTenants(tenants);
    const text = JSON.stringify(exported);
    const [b2c, externalId] = exported.tenants as [TenantFile, TenantFileExternalIdTenant];

    expect(b2c.users.map((user) => Object.keys(user))).toEqual([
      expect.arrayContaining(['passwordHash']),
      expect.arrayContaining(['passwordHash']),
    ]);
    // External ID: alice and bob with their hashes; carol signs in with codes and has none.
    expect(externalId.users.map((user) => Object.keys(user).includes('passwordHash'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(text).not.toMatch(/"password"|Alice-Passw0rd!|Bob-Passw0rd!/);
    expect(exported.$schema).toBe('./tenant.schema.json');
  });

  it('exports the given users instead of the tenant file ones, without their store-only fields', async () => {
    const tenants = await loadTenants(join(__dirname, 'default-tenant.json'));
    const contoso = tenantOfKind(tenants, 0, 'b2c');
    const [alice] = contoso.users;
    const stored: TenantUser & { refreshTokensValidFrom: number } = {
      ...alice!,
      attributes: { extension_loyaltyNumber: '212342', extension_vip: true },
      accountEnabled: false,
      refreshTokensValidFrom: 1_700_000_000_000,
    };

    const exported = exportTenants([contoso], () => [stored]);
    const reloaded = onlyB2CTenant(await parseTenantFile(exported, { hashPassword: never }));
    const [file] = exported.tenants as [TenantFile];

    expect(file.users).toHaveLength(1);
    expect(file.users[0]).not.toHaveProperty('refreshTokensValidFrom');
    expect(reloaded.users).toEqual([
      {
        ...alice,
        attributes: { extension_loyaltyNumber: '212342', extension_vip: true },
        accountEnabled: false,
      },
    ]);
  });
});
