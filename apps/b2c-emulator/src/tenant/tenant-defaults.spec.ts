import { onlyB2CTenant, tenantOfKind } from '../../test/tenant-kinds';
import { parseTenantFile } from './load-tenant';
import tenantSchema from './tenant.schema.json';

const ALICE_PHC =
  '$argon2id$v=19$m=19456,t=2,p=1$pGSZuTsiMrnADCMljBVu6Q$YW/PfctJDGH7zxn+4hmpeN9j/efDvofer6ZE43MrGHc';

/** Only what the schema requires; every other value comes from a default. */
const minimalFile = {
  tenant: { name: 'contoso.onmicrosoft.com', id: '04fbcc13-aa6a-4630-aacc-9c6a9e838418' },
  userFlows: [{ name: 'B2C_1_ROPC_Auth', type: 'ropc', applicationClaims: [] }],
  applications: [{ id: '360770b5-7e4f-4765-b292-87b8b2c5964d', name: 'ROPC_Auth_app' }],
  users: [
    {
      id: '26926d34-dad3-45bb-8bff-84a5f01522d9',
      displayName: 'Alice Contoso',
      identities: [{ signInType: 'emailAddress', issuerAssignedId: 'alice@contoso.com' }],
      passwordHash: ALICE_PHC,
    },
  ],
};

/** Only what the schema requires of an External ID tenant; every other value is a default. */
const minimalExternalIdTenant = {
  kind: 'external-id',
  tenant: { name: 'contosoid.onmicrosoft.com', id: '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37' },
  userFlows: [
    { name: 'SignUpSignIn', signInMethod: 'emailPassword' },
    { name: 'SignUpSignIn_Otp', signInMethod: 'emailOtp', attributes: [{ name: 'city' }] },
  ],
  applications: [{ id: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45', name: 'contoso-notes-spa' }],
  users: [
    {
      id: 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13',
      displayName: 'Carol Contoso',
      identities: [{ signInType: 'emailAddress', issuerAssignedId: 'carol@contoso.com' }],
    },
  ],
};

/** Every `default` keyword of the schema, as `pointer → value`. */
function schemaDefaults(node: unknown, pointer = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) {
    return [];
  }
  return Object.entries(node).flatMap(([key, value]): [string, unknown][] =>
    key === 'default' ? [[pointer, value]] : schemaDefaults(value, `${pointer}/${key}`),
  );
}

describe('tenant defaults', () => {
  it('applies the documented defaults to a minimal file', async () => {
    const tenant = onlyB2CTenant(await parseTenantFile(minimalFile));

    expect(tenant).toEqual({
      kind: 'b2c',
      name: 'contoso.onmicrosoft.com',
      id: '04fbcc13-aa6a-4630-aacc-9c6a9e838418',
      userFlows: [
        {
          name: 'B2C_1_ROPC_Auth',
          type: 'ropc',
          applicationClaims: [],
          policyClaim: 'tfp',
          issuerStyle: 'tenant',
          subjectClaim: 'objectId',
          lifetimes: {
            accessTokenSeconds: 3600,
            idTokenSeconds: 3600,
            refreshTokenSeconds: 1209600,
            slidingWindowSeconds: 7776000,
          },
          expiresInAsString: false,
        },
      ],
      applications: [
        {
          id: '360770b5-7e4f-4765-b292-87b8b2c5964d',
          name: 'ROPC_Auth_app',
          publicClient: true,
          implicitFlowAllowed: true,
          ropcEnabled: true,
          nativeAuthEnabled: false,
          exposedScopes: [],
          grantedScopes: [],
          enabled: true,
        },
      ],
      users: [
        {
          id: '26926d34-dad3-45bb-8bff-84a5f01522d9',
          displayName: 'Alice Contoso',
          identities: [
            {
              signInType: 'emailAddress',
              issuer: 'contoso.onmicrosoft.com',
              issuerAssignedId: 'alice@contoso.com',
            },
          ],
          passwordHash: ALICE_PHC,
          accountEnabled: true,
          attributes: {},
          forceChangePasswordNextSignIn: false,
        },
      ],
      identityProtection: {
        lockoutThreshold: 10,
        lockoutDurationSeconds: 60,
        lockoutsPerStep: 10,
        maxLockoutSeconds: 18000,
        nearIdenticalVariants: 3,
        ipRequestLimit: { requests: 6000, windowSeconds: 300 },
        tenantRequestLimit: { requests: 200, windowSeconds: 1 },
      },
      refreshTokens: { reuseDetection: true, reuseGraceSeconds: 10 },
      allowOutOfRangeLifetimes: false,
    });
  });

  it('applies the documented defaults to a minimal External ID tenant', async () => {
    const tenants = await parseTenantFile({ tenants: [minimalExternalIdTenant] });

    expect(tenants).toEqual([
      {
        kind: 'external-id',
        name: 'contosoid.onmicrosoft.com',
        id: '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37',
        userFlows: [
          {
            name: 'SignUpSignIn',
            signInMethod: 'emailPassword',
            signUpEnabled: true,
            attributes: [],
          },
          {
            name: 'SignUpSignIn_Otp',
            signInMethod: 'emailOtp',
            signUpEnabled: true,
            attributes: [{ name: 'city', required: false }],
          },
        ],
        applications: [
          {
            id: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45',
            name: 'contoso-notes-spa',
            publicClient: true,
            implicitFlowAllowed: false,
            ropcEnabled: false,
            nativeAuthEnabled: true,
            exposedScopes: [],
            grantedScopes: [],
            enabled: true,
          },
        ],
        users: [
          {
            id: 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13',
            displayName: 'Carol Contoso',
            identities: [
              {
                signInType: 'emailAddress',
                issuer: 'contosoid.onmicrosoft.com',
                issuerAssignedId: 'carol@contoso.com',
              },
            ],
            accountEnabled: true,
            attributes: {},
            forceChangePasswordNextSignIn: false,
          },
        ],
        identityProtection: {
          lockoutThreshold: 10,
          lockoutDurationSeconds: 60,
          lockoutsPerStep: 10,
          maxLockoutSeconds: 18000,
          nearIdenticalVariants: 3,
          ipRequestLimit: { requests: 6000, windowSeconds: 300 },
          tenantRequestLimit: { requests: 200, windowSeconds: 1 },
        },
        // External ID keeps a redeemed refresh token valid until it expires: no reuse detection.
        refreshTokens: { reuseDetection: false, reuseGraceSeconds: 10 },
        allowOutOfRangeLifetimes: false,
        lifetimes: { accessTokenSeconds: 3600, idTokenSeconds: 3600, refreshTokenSeconds: 86400 },
        fidelity: {
          tenantIdPaths: true,
          clientInfoEncoding: 'base64url',
          enforceResendInterval: false,
        },
      },
    ]);
  });

  it("applies every `default` of the published schema, so the schema's documentation holds", async () => {
    const tenants = await parseTenantFile({ tenants: [minimalFile, minimalExternalIdTenant] });
    const b2c = tenantOfKind(tenants, 0, 'b2c');
    const externalId = tenantOfKind(tenants, 1, 'external-id');
    // Where each schema object's properties end up in the model of the minimal tenants.
    const modelAt: Record<string, readonly unknown[]> = {
      '/$defs/b2cTenant/properties': [b2c],
      '/$defs/identityProtection/properties': [
        b2c.identityProtection,
        externalId.identityProtection,
      ],
      '/$defs/refreshTokens/properties': [b2c.refreshTokens],
      '/$defs/userFlow/properties': [b2c.userFlows[0]],
      '/$defs/lifetimes/properties': [b2c.userFlows[0]?.lifetimes],
      '/$defs/application/properties': [b2c.applications[0]],
      '/$defs/user/properties': [b2c.users[0]],
      '/$defs/externalIdTenant/properties': [externalId],
      '/$defs/externalIdUserFlow/properties': [externalId.userFlows[0]],
      '/$defs/externalIdUserFlow/properties/attributes/items/properties': [
        externalId.userFlows[1]?.attributes[0],
      ],
      '/$defs/externalIdApplication/properties': [externalId.applications[0]],
      '/$defs/externalIdUser/properties': [externalId.users[0]],
      '/$defs/externalIdLifetimes/properties': [externalId.lifetimes],
      '/$defs/externalIdFidelity/properties': [externalId.fidelity],
      '/$defs/externalIdRefreshTokens/properties': [externalId.refreshTokens],
    };
    const defaults = schemaDefaults(tenantSchema);

    expect(defaults).toHaveLength(47);
    for (const [pointer, value] of defaults) {
      const property = pointer.slice(pointer.lastIndexOf('/') + 1);
      // A default in a schema object missing from `modelAt` fails here, by its pointer.
      const owners = modelAt[pointer.slice(0, pointer.lastIndexOf('/'))] ?? [{}];
      for (const owner of owners) {
        // The pointer rides along so a failure names the default that was not applied.
        expect([pointer, (owner as Record<string, unknown>)[property]]).toEqual([pointer, value]);
      }
    }
  });
});
