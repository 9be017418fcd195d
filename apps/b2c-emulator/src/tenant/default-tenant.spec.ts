import { join } from 'node:path';
import { tenantOfKind } from '../../test/tenant-kinds';
import { loadTenants } from './load-tenant';
import { verifyPassword } from './password-hasher';
import type { Tenant } from './tenant-model';

/** The bundled tenant file the emulator loads without `--tenant` (docs/architecture.md). */
const DEFAULT_TENANT = join(__dirname, 'default-tenant.json');

const CONTOSOID_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const PASSWORD_APP_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
const OTP_APP_ID = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
const API_APP_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
const NOTES_SCOPES = [`api://${API_APP_ID}/notes.read`, `api://${API_APP_ID}/notes.write`];

describe('the default tenant file', () => {
  let tenants: Tenant[];

  beforeAll(async () => {
    tenants = await loadTenants(DEFAULT_TENANT);
  });

  it('holds contoso (Azure AD B2C) and then contosoid (Entra External ID)', () => {
    expect(tenants.map(({ kind, name, id }) => ({ kind, name, id }))).toEqual([
      {
        kind: 'b2c',
        name: 'contoso.onmicrosoft.com',
        id: '04fbcc13-aa6a-4630-aacc-9c6a9e838418',
      },
      { kind: 'external-id', name: 'contosoid.onmicrosoft.com', id: CONTOSOID_ID },
    ]);
  });

  it('gives contosoid a password flow and a code flow, each with its native-auth app', () => {
    const contosoid = tenantOfKind(tenants, 1, 'external-id');

    expect(contosoid.userFlows).toEqual([
      {
        name: 'SignUpSignIn_EmailPassword',
        signInMethod: 'emailPassword',
        signUpEnabled: true,
        attributes: [
          { name: 'displayName', required: true },
          { name: 'city', required: false },
        ],
      },
      {
        name: 'SignUpSignIn_EmailOtp',
        signInMethod: 'emailOtp',
        signUpEnabled: true,
        attributes: [],
      },
    ]);
    expect(contosoid.applications).toEqual([
      {
        id: PASSWORD_APP_ID,
        name: 'contoso-notes-spa',
        publicClient: true,
        implicitFlowAllowed: false,
        ropcEnabled: false,
        nativeAuthEnabled: true,
        userFlow: 'SignUpSignIn_EmailPassword',
        exposedScopes: [],
        grantedScopes: NOTES_SCOPES,
        enabled: true,
      },
      {
        id: OTP_APP_ID,
        name: 'contoso-notes-otp',
        publicClient: true,
        implicitFlowAllowed: false,
        ropcEnabled: false,
        nativeAuthEnabled: true,
        userFlow: 'SignUpSignIn_EmailOtp',
        exposedScopes: [],
        grantedScopes: NOTES_SCOPES,
        enabled: true,
      },
      {
        id: API_APP_ID,
        name: 'notes-api',
        publicClient: false,
        implicitFlowAllowed: false,
        ropcEnabled: false,
        nativeAuthEnabled: false,
        identifierUri: `api://${API_APP_ID}`,
        exposedScopes: [{ value: 'notes.read' }, { value: 'notes.write' }],
        grantedScopes: [],
        enabled: true,
      },
    ]);
  });

  it("gives contosoid External ID's lifetimes and refresh-token settings", () => {
    const contosoid = tenantOfKind(tenants, 1, 'external-id');

    expect(contosoid.lifetimes).toEqual({
      accessTokenSeconds: 3600,
      idTokenSeconds: 3600,
      refreshTokenSeconds: 86400,
    });
    expect(contosoid.refreshTokens.reuseDetection).toBe(false);
    expect(contosoid.allowOutOfRangeLifetimes).toBe(false);
  });

  it('gives contosoid alice and bob with their documented passwords, and carol without one', async () => {
    const contosoid = tenantOfKind(tenants, 1, 'external-id');
    const byName = new Map(
      contosoid.users.map((user) => [user.identities[0]?.issuerAssignedId, user]),
    );

    expect([...byName.keys()]).toEqual([
      'alice@contoso.com',
      'bob@contoso.com',
      'carol@contoso.com',
    ]);
    expect(contosoid.users.map((user) => user.identities[0]?.issuer)).toEqual(
      Array(3).fill('contosoid.onmicrosoft.com'),
    );
    const alice = byName.get('alice@contoso.com');
    const bob = byName.get('bob@contoso.com');
    await expect(verifyPassword(alice?.passwordHash ?? '', 'Alice-Passw0rd!')).resolves.toBe(true);
    await expect(verifyPassword(bob?.passwordHash ?? '', 'Bob-Passw0rd!')).resolves.toBe(true);
    expect(byName.get('carol@contoso.com')).toMatchObject({
      id: 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13',
      displayName: 'Carol Contoso',
      accountEnabled: true,
    });
    expect(byName.get('carol@contoso.com')).not.toHaveProperty('passwordHash');
  });
});
