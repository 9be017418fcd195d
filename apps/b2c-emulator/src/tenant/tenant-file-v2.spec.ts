import { onlyB2CTenant, tenantOfKind } from '../../test/tenant-kinds';
import { exportTenants } from './export-tenant';
import { parseTenantFile, type ParseTenantFileOptions } from './load-tenant';
import { isTenantFileError, type TenantFileProblem } from './tenant-file-error';

const B2C_NAME = 'contoso.onmicrosoft.com';
const B2C_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
const EXTERNAL_ID_NAME = 'contosoid.onmicrosoft.com';
const EXTERNAL_ID_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const ROPC_APP_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
const SPA_APP_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
const API_APP_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const CAROL_ID = 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13';

/** A PHC string for "Carol-Passw0rd!" (argon2id, m=19456, t=2, p=1). */
const PHC =
  '$argon2id$v=19$m=19456,t=2,p=1$pGSZuTsiMrnADCMljBVu6Q$YW/PfctJDGH7zxn+4hmpeN9j/efDvofer6ZE43MrGHc';

/** Hashing is not under test here: clear-text passwords hash to {@link PHC} at once. */
const QUICK: ParseTenantFileOptions = { hashPassword: () => Promise.resolve(PHC) };

type Json = Record<string, unknown>;

/** A small valid B2C tenant entry of a version 2 file. */
function b2cEntry(overrides: Json = {}): Json {
  return {
    kind: 'b2c',
    tenant: { name: B2C_NAME, id: B2C_ID },
    userFlows: [{ name: 'B2C_1_ROPC_Auth', type: 'ropc', applicationClaims: ['objectId'] }],
    applications: [{ id: ROPC_APP_ID, name: 'ROPC_Auth_app' }],
    users: [
      {
        id: ALICE_ID,
        displayName: 'Alice Contoso',
        identities: [{ signInType: 'emailAddress', issuerAssignedId: 'alice@contoso.com' }],
        passwordHash: PHC,
      },
    ],
    ...overrides,
  };
}

/** A small valid External ID tenant entry: one flow, one app linked to it, one user. */
function externalIdEntry(overrides: Json = {}): Json {
  return {
    kind: 'external-id',
    tenant: { name: EXTERNAL_ID_NAME, id: EXTERNAL_ID_ID },
    userFlows: [{ name: 'SignUpSignIn', signInMethod: 'emailPassword' }],
    applications: [{ id: SPA_APP_ID, name: 'contoso-notes-spa', userFlow: 'SignUpSignIn' }],
    users: [
      {
        id: ALICE_ID,
        displayName: 'Alice Contoso',
        identities: [{ signInType: 'emailAddress', issuerAssignedId: 'alice@contoso.com' }],
        passwordHash: PHC,
      },
    ],
    ...overrides,
  };
}

/** A user entry with `secret` (password, passwordHash, both or neither). */
function carol(secret: Json): Json {
  return {
    id: CAROL_ID,
    displayName: 'Carol Contoso',
    identities: [{ signInType: 'emailAddress', issuerAssignedId: 'carol@contoso.com' }],
    ...secret,
  };
}

/** The problems of a file that must not load (none if it loads). */
async function problemsOf(json: unknown): Promise<readonly TenantFileProblem[]> {
  const error: unknown = await parseTenantFile(json, QUICK).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error === undefined) return [];
  if (isTenantFileError(error)) return error.problems;
  throw error instanceof Error ? error : new Error('expected a TenantFileError');
}

const MSAL_MINIMUM =
  'must be above 300 seconds (MSAL refuses a shorter expires_in); set allowOutOfRangeLifetimes to accept it';

describe('tenant file version 2', () => {
  it('loads a B2C and an External ID tenant from one file, in file order', async () => {
    const b2cFirst = await parseTenantFile({ tenants: [b2cEntry(), externalIdEntry()] }, QUICK);
    const externalIdFirst = await parseTenantFile(
      { tenants: [externalIdEntry(), b2cEntry()] },
      QUICK,
    );

    expect(b2cFirst.map(({ kind, name, id }) => [kind, name, id])).toEqual([
      ['b2c', B2C_NAME, B2C_ID],
      ['external-id', EXTERNAL_ID_NAME, EXTERNAL_ID_ID],
    ]);
    expect(externalIdFirst.map(({ kind, name }) => [kind, name])).toEqual([
      ['external-id', EXTERNAL_ID_NAME],
      ['b2c', B2C_NAME],
    ]);
  });

  it('reads an entry without `kind` as a B2C tenant', async () => {
    const { kind: _kind, ...withoutKind } = b2cEntry();

    const tenants = await parseTenantFile({ tenants: [withoutKind, externalIdEntry()] }, QUICK);

    expect(tenants.map((tenant) => tenant.kind)).toEqual(['b2c', 'external-id']);
  });

  it('still loads a version 1 file as one B2C tenant', async () => {
    const { kind: _kind, ...v1 } = b2cEntry();

    const tenant = onlyB2CTenant(
      await parseTenantFile({ $schema: './tenant.schema.json', ...v1 }, QUICK),
    );

    expect(tenant).toMatchObject({ kind: 'b2c', name: B2C_NAME, id: B2C_ID });
    expect(tenant.userFlows.map((flow) => flow.name)).toEqual(['B2C_1_ROPC_Auth']);
  });

  it('refuses B2C fields in an External ID tenant, pointing under /tenants/N', async () => {
    const file = {
      tenants: [
        b2cEntry(),
        externalIdEntry({
          userFlows: [
            {
              name: 'SignUpSignIn',
              signInMethod: 'emailPassword',
              type: 'ropc',
              applicationClaims: ['objectId'],
            },
          ],
          applications: [
            {
              id: SPA_APP_ID,
              name: 'contoso-notes-spa',
              userFlow: 'SignUpSignIn',
              ropcEnabled: true,
              implicitFlowAllowed: true,
            },
          ],
        }),
      ],
    };

    await expect(problemsOf(file)).resolves.toEqual([
      { path: '/tenants/1/userFlows/0/type', message: 'is not a known property' },
      { path: '/tenants/1/userFlows/0/applicationClaims', message: 'is not a known property' },
      { path: '/tenants/1/applications/0/ropcEnabled', message: 'is not a known property' },
      { path: '/tenants/1/applications/0/implicitFlowAllowed', message: 'is not a known property' },
    ]);
  });

  it('refuses External ID fields in a B2C tenant, pointing under /tenants/N', async () => {
    const file = {
      tenants: [
        externalIdEntry(),
        b2cEntry({
          lifetimes: { accessTokenSeconds: 3600 },
          fidelity: { tenantIdPaths: true },
          applications: [
            { id: ROPC_APP_ID, name: 'ROPC_Auth_app', nativeAuthEnabled: true, userFlow: 'x' },
          ],
        }),
      ],
    };

    await expect(problemsOf(file)).resolves.toEqual([
      // In file order: `applications` comes before the added properties.
      { path: '/tenants/1/applications/0/nativeAuthEnabled', message: 'is not a known property' },
      { path: '/tenants/1/applications/0/userFlow', message: 'is not a known property' },
      { path: '/tenants/1/lifetimes', message: 'is not a known property' },
      { path: '/tenants/1/fidelity', message: 'is not a known property' },
    ]);
  });

  it('refuses a B2C user without a password, which only an External ID tenant may have', async () => {
    const file = {
      tenants: [b2cEntry({ users: [carol({})] }), externalIdEntry({ users: [carol({})] })],
    };

    await expect(problemsOf(file)).resolves.toEqual([
      { path: '/tenants/0/users/0', message: 'must have exactly one of password and passwordHash' },
    ]);
  });

  it('refuses duplicate tenant names (in any case) and ids across tenants', async () => {
    const sameName = {
      tenants: [
        b2cEntry(),
        externalIdEntry({ tenant: { name: B2C_NAME.toUpperCase(), id: EXTERNAL_ID_ID } }),
      ],
    };
    const sameId = {
      tenants: [b2cEntry(), externalIdEntry({ tenant: { name: EXTERNAL_ID_NAME, id: B2C_ID } })],
    };

    await expect(problemsOf(sameName)).resolves.toEqual([
      {
        path: '/tenants/1/tenant/name',
        message: 'duplicates /tenants/0/tenant/name (tenant names are unique, case-insensitively)',
      },
    ]);
    await expect(problemsOf(sameId)).resolves.toEqual([
      {
        path: '/tenants/1/tenant/id',
        message: 'duplicates /tenants/0/tenant/id (tenant ids are unique)',
      },
    ]);
  });

  it('lets two tenants hold the same user id and sign-in name: uniqueness is per tenant', async () => {
    const tenants = await parseTenantFile({ tenants: [b2cEntry(), externalIdEntry()] }, QUICK);

    expect(tenants.map((tenant) => tenant.users[0]?.identities[0]?.issuerAssignedId)).toEqual([
      'alice@contoso.com',
      'alice@contoso.com',
    ]);
  });

  it('refuses an External ID app linked to a user flow the tenant does not have', async () => {
    const file = {
      tenants: [
        b2cEntry(),
        externalIdEntry({
          applications: [
            { id: SPA_APP_ID, name: 'contoso-notes-spa', userFlow: 'SignUpSignIn' },
            { id: API_APP_ID, name: 'other-spa', userFlow: 'NoSuchFlow' },
          ],
        }),
      ],
    };

    await expect(problemsOf(file)).resolves.toEqual([
      { path: '/tenants/1/applications/1/userFlow', message: 'names no user flow of the tenant' },
    ]);
  });

  it('refuses an External ID access-token lifetime of 300 seconds or less, and takes 301', async () => {
    const at = (accessTokenSeconds: number) => ({
      tenants: [b2cEntry(), externalIdEntry({ lifetimes: { accessTokenSeconds } })],
    });

    await expect(problemsOf(at(300))).resolves.toEqual([
      { path: '/tenants/1/lifetimes/accessTokenSeconds', message: MSAL_MINIMUM },
    ]);
    await expect(problemsOf(at(60))).resolves.toEqual([
      { path: '/tenants/1/lifetimes/accessTokenSeconds', message: MSAL_MINIMUM },
    ]);
    const tenants = await parseTenantFile(at(301), QUICK);
    expect(tenantOfKind(tenants, 1, 'external-id').lifetimes.accessTokenSeconds).toBe(301);
  });

  it('accepts a short External ID access token with allowOutOfRangeLifetimes, with a warning', async () => {
    const warnings: string[] = [];
    const file = {
      tenants: [
        b2cEntry(),
        externalIdEntry({ allowOutOfRangeLifetimes: true, lifetimes: { accessTokenSeconds: 60 } }),
      ],
    };

    const tenants = await parseTenantFile(file, {
      ...QUICK,
      onWarning: (message) => warnings.push(message),
    });

    const externalId = tenantOfKind(tenants, 1, 'external-id');
    expect(externalId.allowOutOfRangeLifetimes).toBe(true);
    expect(externalId.lifetimes).toEqual({
      accessTokenSeconds: 60,
      idTokenSeconds: 3600,
      refreshTokenSeconds: 86400,
    });
    expect(warnings).toEqual([
      '/tenants/1/lifetimes/accessTokenSeconds is 60 s: MSAL refuses an expires_in of 300 s or less',
    ]);
  });

  it('warns about an External ID refresh token of 300 s or less, which MSAL will not redeem', async () => {
    const file = {
      tenants: [
        b2cEntry(),
        externalIdEntry({
          lifetimes: { accessTokenSeconds: 3600, idTokenSeconds: 3600, refreshTokenSeconds: 300 },
        }),
      ],
    };
    const warnings: string[] = [];
    await parseTenantFile(file, { ...QUICK, onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([
      '/tenants/1/lifetimes/refreshTokenSeconds is 300 s: MSAL does not redeem a refresh token with 300 s or less left',
    ]);
  });

  it('refuses an External ID user with both a password and a password hash, quoting neither', async () => {
    const file = {
      tenants: [
        b2cEntry(),
        externalIdEntry({ users: [carol({ password: 'Carol-Passw0rd!', passwordHash: PHC })] }),
      ],
    };

    const error: unknown = await parseTenantFile(file, QUICK).catch((reason: unknown) => reason);

    if (!isTenantFileError(error))
      throw new Error(`expected a TenantFileError, got ${String(error)}`);
    expect(error.problems).toEqual([
      { path: '/tenants/1/users/0', message: 'must have at most one of password and passwordHash' },
    ]);
    expect(error.message).not.toContain('Carol-Passw0rd!');
    expect(error.message).not.toContain(PHC);
  });

  it('loads an External ID user without a password as a code-only user, without a hash', async () => {
    const hashPassword = jest.fn(() => Promise.resolve(PHC));
    const file = { tenants: [b2cEntry(), externalIdEntry({ users: [carol({})] })] };

    const tenants = await parseTenantFile(file, { hashPassword });

    const [user] = tenantOfKind(tenants, 1, 'external-id').users;
    expect(user).toMatchObject({ id: CAROL_ID, accountEnabled: true });
    expect(user).not.toHaveProperty('passwordHash');
    expect(hashPassword).not.toHaveBeenCalled();
  });

  it('hashes a clear-text External ID password and keeps no plaintext', async () => {
    const hashPassword = jest.fn(() => Promise.resolve(PHC));
    const file = {
      tenants: [b2cEntry(), externalIdEntry({ users: [carol({ password: 'Carol-Passw0rd!' })] })],
    };

    const tenants = await parseTenantFile(file, { hashPassword });

    expect(hashPassword).toHaveBeenCalledWith('Carol-Passw0rd!');
    expect(tenantOfKind(tenants, 1, 'external-id').users[0]?.passwordHash).toBe(PHC);
    expect(JSON.stringify(tenants)).not.toContain('Carol-Passw0rd!');
  });

  it('round-trips both kinds with non-default settings through export and parse', async () => {
    const file = {
      tenants: [
        b2cEntry({
          identityProtection: { lockoutThreshold: 5, ipRequestLimit: null },
          refreshTokens: { reuseDetection: false, reuseGraceSeconds: 0 },
        }),
        externalIdEntry({
          allowOutOfRangeLifetimes: true,
          userFlows: [
            {
              name: 'SignUpSignIn',
              signInMethod: 'emailPassword',
              signUpEnabled: false,
              attributes: [{ name: 'displayName', required: true }, { name: 'city' }],
            },
            { name: 'SignUpSignIn_Otp', signInMethod: 'emailOtp' },
          ],
          applications: [
            {
              id: SPA_APP_ID,
              name: 'contoso-notes-spa',
              userFlow: 'SignUpSignIn',
              grantedScopes: [`api://${API_APP_ID}/notes.read`],
            },
            {
              id: API_APP_ID,
              name: 'notes-api',
              publicClient: false,
              nativeAuthEnabled: false,
              identifierUri: `api://${API_APP_ID}`,
              exposedScopes: ['notes.read'],
              enabled: false,
            },
          ],
          users: [
            carol({}),
            {
              id: ALICE_ID,
              displayName: 'Alice Contoso',
              givenName: 'Alice',
              identities: [{ signInType: 'emailAddress', issuerAssignedId: 'alice@contoso.com' }],
              password: 'Alice-Passw0rd!',
              accountEnabled: false,
              attributes: { extension_loyaltyNumber: '212342' },
            },
          ],
          lifetimes: { accessTokenSeconds: 120, idTokenSeconds: 900, refreshTokenSeconds: 7200 },
          refreshTokens: { reuseDetection: true, reuseGraceSeconds: 5 },
          fidelity: {
            tenantIdPaths: false,
            clientInfoEncoding: 'base64',
            enforceResendInterval: true,
          },
        }),
      ],
    };
    const options = { ...QUICK, onWarning: () => undefined };
    const tenants = await parseTenantFile(file, options);

    const exported = JSON.parse(JSON.stringify(exportTenants(tenants))) as unknown;
    const reloaded = await parseTenantFile(exported, {
      hashPassword: () => Promise.reject(new Error('an exported file has no passwords')),
      onWarning: () => undefined,
    });

    expect(reloaded).toEqual(tenants);
    expect(tenantOfKind(reloaded, 1, 'external-id')).toMatchObject({
      lifetimes: { accessTokenSeconds: 120, idTokenSeconds: 900, refreshTokenSeconds: 7200 },
      refreshTokens: { reuseDetection: true, reuseGraceSeconds: 5 },
      fidelity: { clientInfoEncoding: 'base64', enforceResendInterval: true },
    });
    expect(tenantOfKind(reloaded, 1, 'external-id').users[0]).not.toHaveProperty('passwordHash');
  });
});
