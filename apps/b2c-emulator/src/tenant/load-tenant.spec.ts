import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { onlyB2CTenant, tenantOfKind } from '../../test/tenant-kinds';
import { loadTenants, parseTenantFile } from './load-tenant';
import { isArgon2idPhc, verifyPassword } from './password-hasher';
import { TenantFileError, isTenantFileError } from './tenant-file-error';

const DEFAULT_TENANT = join(__dirname, 'default-tenant.json');
const SHORT_LIFETIME_TENANT = join(__dirname, '../../test/fixtures/short-lifetime-tenant.json');
const LIMITS_OFF_TENANT = join(__dirname, '../../test/fixtures/limits-off-tenant.json');

const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const BOB_ID = '35b106c3-2988-4419-8766-0f839dd276bc';
const WEB_APP_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
const NOTES_WRITE = 'https://contoso.onmicrosoft.com/api/notes.write';

/** A PHC string for "Carol-Passw0rd!" (argon2id, m=19456, t=2, p=1). */
const CAROL_PHC =
  '$argon2id$v=19$m=19456,t=2,p=1$pGSZuTsiMrnADCMljBVu6Q$YW/PfctJDGH7zxn+4hmpeN9j/efDvofer6ZE43MrGHc';

/** The smallest valid file: one flow, one application, one user. */
function minimalFile(): Record<string, unknown> {
  return {
    tenant: { name: 'contoso.onmicrosoft.com', id: '04fbcc13-aa6a-4630-aacc-9c6a9e838418' },
    userFlows: [{ name: 'B2C_1_ROPC_Auth', type: 'ropc', applicationClaims: ['objectId'] }],
    applications: [{ id: WEB_APP_ID, name: 'ROPC_Auth_app' }],
    users: [
      {
        id: ALICE_ID,
        displayName: 'Alice Contoso',
        identities: [{ signInType: 'emailAddress', issuerAssignedId: 'alice@contoso.com' }],
        password: 'Alice-Passw0rd!',
      },
    ],
  };
}

/** Runs `load` and returns the TenantFileError it must throw. */
async function tenantFileErrorOf(load: Promise<unknown>): Promise<TenantFileError> {
  const error: unknown = await load.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isTenantFileError(error)) {
    throw new Error(`expected a TenantFileError, got ${String(error)}`);
  }
  return error;
}

describe('loadTenants', () => {
  it('loads the default B2C tenant of docs/architecture.md', async () => {
    const tenant = tenantOfKind(await loadTenants(DEFAULT_TENANT), 0, 'b2c');

    expect(tenant).toMatchObject({
      name: 'contoso.onmicrosoft.com',
      id: '04fbcc13-aa6a-4630-aacc-9c6a9e838418',
      allowOutOfRangeLifetimes: false,
    });
    expect(tenant.userFlows).toEqual([
      {
        name: 'B2C_1_ROPC_Auth',
        type: 'ropc',
        applicationClaims: ['displayName', 'emailAddresses', 'identityProvider', 'objectId'],
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
    ]);
    expect(tenant.applications).toEqual([
      {
        id: WEB_APP_ID,
        name: 'ROPC_Auth_app',
        publicClient: true,
        implicitFlowAllowed: true,
        ropcEnabled: true,
        nativeAuthEnabled: false,
        exposedScopes: [],
        grantedScopes: [NOTES_READ, NOTES_WRITE],
        enabled: true,
      },
      {
        id: API_APP_ID,
        name: 'notes-api',
        publicClient: false,
        implicitFlowAllowed: false,
        ropcEnabled: false,
        nativeAuthEnabled: false,
        identifierUri: 'https://contoso.onmicrosoft.com/api',
        exposedScopes: [{ value: 'notes.read' }, { value: 'notes.write' }],
        grantedScopes: [],
        enabled: true,
      },
    ]);
  });

  it('loads alice and bob with argon2id hashes of their documented passwords', async () => {
    const tenant = tenantOfKind(await loadTenants(DEFAULT_TENANT), 0, 'b2c');

    expect(tenant.users.map((user) => [user.id, user.displayName, user.identities])).toEqual([
      [
        ALICE_ID,
        'Alice Contoso',
        [
          {
            signInType: 'emailAddress',
            issuer: 'contoso.onmicrosoft.com',
            issuerAssignedId: 'alice@contoso.com',
          },
        ],
      ],
      [
        BOB_ID,
        'Bob Contoso',
        [
          {
            signInType: 'emailAddress',
            issuer: 'contoso.onmicrosoft.com',
            issuerAssignedId: 'bob@contoso.com',
          },
        ],
      ],
    ]);
    const [alice, bob] = tenant.users;
    await expect(verifyPassword(alice!.passwordHash!, 'Alice-Passw0rd!')).resolves.toBe(true);
    await expect(verifyPassword(bob!.passwordHash!, 'Bob-Passw0rd!')).resolves.toBe(true);
  });

  it('loads a tenant with short lifetimes, a warning for each, and a lockout after 5', async () => {
    const warnings: string[] = [];
    const tenant = onlyB2CTenant(
      await loadTenants(SHORT_LIFETIME_TENANT, {
        onWarning: (message) => warnings.push(message),
      }),
    );

    expect(tenant.allowOutOfRangeLifetimes).toBe(true);
    expect(tenant.userFlows[0]?.lifetimes).toEqual({
      accessTokenSeconds: 60,
      idTokenSeconds: 60,
      refreshTokenSeconds: 300,
      slidingWindowSeconds: 600,
    });
    expect(tenant.identityProtection.lockoutThreshold).toBe(5);
    expect(warnings).toHaveLength(4);
  });

  it('loads a tenant without a per-IP request limit', async () => {
    const tenant = onlyB2CTenant(await loadTenants(LIMITS_OFF_TENANT));

    expect(tenant.identityProtection.ipRequestLimit).toBeNull();
  });

  it('accepts a file: URL and an already-parsed object', async () => {
    const fromUrl = onlyB2CTenant(await loadTenants(pathToFileURL(LIMITS_OFF_TENANT)));
    const fromObject = onlyB2CTenant(await loadTenants(minimalFile()));

    expect(fromUrl.name).toBe('contoso.onmicrosoft.com');
    expect(fromObject.users[0]?.id).toBe(ALICE_ID);
  });

  describe('with a file it cannot use', () => {
    let directory: string;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'tenant-'));
    });

    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('names a missing file', async () => {
      const file = join(directory, 'missing.json');
      const error = await tenantFileErrorOf(loadTenants(file));

      expect(error).toMatchObject({ code: 'ERR_TENANT_FILE', file });
      expect(error.problems).toEqual([{ path: '', message: 'cannot be read (ENOENT)' }]);
    });

    it('reports invalid JSON by line and column without quoting the text', async () => {
      const file = join(directory, 'broken.json');
      await writeFile(file, '{\n  "users": [{ "password": "Secret-1!" "id": 1 }]\n}\n');
      const error = await tenantFileErrorOf(loadTenants(file));

      expect(error.problems).toEqual([
        { path: '', message: 'is not valid JSON (line 2, column 39)' },
      ]);
      expect(error.message).not.toContain('Secret-1!');
    });

    it('reads a file that starts with a byte-order mark', async () => {
      const file = join(directory, 'bom.json');
      await writeFile(file, `\uFEFF${JSON.stringify(minimalFile())}`);

      await expect(loadTenants(file)).resolves.toMatchObject([{ name: 'contoso.onmicrosoft.com' }]);
    });
  });
});

describe('parseTenantFile', () => {
  it('hashes a clear-text password into an argon2id PHC string and keeps no plaintext', async () => {
    const tenant = onlyB2CTenant(await parseTenantFile(minimalFile()));
    const hash = tenant.users[0]!.passwordHash!;

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(isArgon2idPhc(hash)).toBe(true);
    await expect(verifyPassword(hash, 'Alice-Passw0rd!')).resolves.toBe(true);
    expect(JSON.stringify(tenant)).not.toContain('Alice-Passw0rd!');
    expect(Object.keys(tenant.users[0]!)).not.toContain('password');
  });

  it('keeps a given argon2id PHC string as it is, without hashing', async () => {
    const file = minimalFile();
    file['users'] = [
      {
        id: BOB_ID,
        displayName: 'Carol',
        identities: [{ signInType: 'userName', issuerAssignedId: 'carol' }],
        passwordHash: CAROL_PHC,
      },
    ];
    const hashPassword = jest.fn((plain: string) => Promise.resolve(plain));

    const tenant = onlyB2CTenant(await parseTenantFile(file, { hashPassword }));

    expect(tenant.users[0]?.passwordHash).toBe(CAROL_PHC);
    expect(hashPassword).not.toHaveBeenCalled();
    await expect(verifyPassword(CAROL_PHC, 'Carol-Passw0rd!')).resolves.toBe(true);
  });

  it('hashes with the injected function', async () => {
    const hashPassword = jest.fn(() => Promise.resolve(CAROL_PHC));

    const tenant = onlyB2CTenant(await parseTenantFile(minimalFile(), { hashPassword }));

    expect(hashPassword).toHaveBeenCalledWith('Alice-Passw0rd!');
    expect(tenant.users[0]?.passwordHash).toBe(CAROL_PHC);
  });

  it('refuses a PHC string whose salt and digest do not decode', async () => {
    const file = minimalFile();
    file['users'] = [
      {
        id: BOB_ID,
        displayName: 'Carol',
        identities: [{ signInType: 'userName', issuerAssignedId: 'carol' }],
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$bad$bad',
      },
    ];
    const error = await tenantFileErrorOf(parseTenantFile(file));

    expect(error.problems).toEqual([
      { path: '/users/0/passwordHash', message: 'is not a decodable argon2id PHC string' },
    ]);
    expect(error.message).not.toContain('$bad');
  });

  it('accepts a null sliding window ("No expiry")', async () => {
    const file = minimalFile();
    file['userFlows'] = [
      {
        name: 'B2C_1_ROPC_Auth',
        type: 'ropc',
        applicationClaims: [],
        lifetimes: { slidingWindowSeconds: null },
      },
    ];

    const tenant = onlyB2CTenant(await parseTenantFile(file));

    expect(tenant.userFlows[0]?.lifetimes.slidingWindowSeconds).toBeNull();
  });
});
