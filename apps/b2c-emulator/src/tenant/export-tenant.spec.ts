import { join } from 'node:path';
import { exportTenant } from './export-tenant';
import { loadTenant, parseTenantFile } from './load-tenant';
import type { TenantUser } from './tenant-model';

const never = (): Promise<string> => Promise.reject(new Error('an exported file has no passwords'));

describe('exportTenant', () => {
  it.each([
    'default-tenant.json',
    '../../test/fixtures/short-lifetime-tenant.json',
    '../../test/fixtures/limits-off-tenant.json',
  ])(
    'round-trips %s: the exported file loads into an equal tenant without hashing',
    async (name) => {
      const tenant = await loadTenant(join(__dirname, name), { onWarning: () => undefined });

      const exported = exportTenant(tenant);
      const reloaded = await parseTenantFile(JSON.parse(JSON.stringify(exported)), {
        hashPassword: never,
        onWarning: () => undefined,
      });

      expect(reloaded).toEqual(tenant);
    },
  );

  it('writes password hashes, never passwords', async () => {
    const tenant = await loadTenant(join(__dirname, 'default-tenant.json'));

    const exported = exportTenant(tenant);
    const text = JSON.stringify(exported);

    expect(exported.users.map((user) => Object.keys(user))).toEqual([
      expect.arrayContaining(['passwordHash']),
      expect.arrayContaining(['passwordHash']),
    ]);
    expect(text).not.toMatch(/"password"|Alice-Passw0rd!|Bob-Passw0rd!/);
    expect(exported.$schema).toBe('./tenant.schema.json');
  });

  it('exports the given users instead of the tenant file ones, without their store-only fields', async () => {
    const tenant = await loadTenant(join(__dirname, 'default-tenant.json'));
    const [alice] = tenant.users;
    const stored: TenantUser & { refreshTokensValidFrom: number } = {
      ...alice!,
      attributes: { extension_loyaltyNumber: '212342', extension_vip: true },
      accountEnabled: false,
      refreshTokensValidFrom: 1_700_000_000_000,
    };

    const exported = exportTenant(tenant, [stored]);
    const reloaded = await parseTenantFile(exported, { hashPassword: never });

    expect(exported.users).toHaveLength(1);
    expect(exported.users[0]).not.toHaveProperty('refreshTokensValidFrom');
    expect(reloaded.users).toEqual([
      {
        ...alice,
        attributes: { extension_loyaltyNumber: '212342', extension_vip: true },
        accountEnabled: false,
      },
    ]);
  });
});
