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
    const tenant = await parseTenantFile(minimalFile);

    expect(tenant).toEqual({
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

  it("applies every `default` of the published schema, so the schema's documentation holds", async () => {
    const tenant = await parseTenantFile(minimalFile);
    // Where each schema object's properties end up in the model of the minimal file.
    const modelAt: Record<string, unknown> = {
      '/properties': tenant,
      '/properties/identityProtection/properties': tenant.identityProtection,
      '/properties/refreshTokens/properties': tenant.refreshTokens,
      '/$defs/userFlow/properties': tenant.userFlows[0],
      '/$defs/lifetimes/properties': tenant.userFlows[0]?.lifetimes,
      '/$defs/application/properties': tenant.applications[0],
      '/$defs/user/properties': tenant.users[0],
    };
    const defaults = schemaDefaults(tenantSchema);

    expect(defaults).toHaveLength(27);
    for (const [pointer, value] of defaults) {
      const property = pointer.slice(pointer.lastIndexOf('/') + 1);
      // A default in a schema object missing from `modelAt` fails here, by its pointer.
      const owner = (modelAt[pointer.slice(0, pointer.lastIndexOf('/'))] ?? {}) as Record<
        string,
        unknown
      >;
      // The pointer rides along so a failure names the default that was not applied.
      expect([pointer, owner[property]]).toEqual([pointer, value]);
    }
  });
});
