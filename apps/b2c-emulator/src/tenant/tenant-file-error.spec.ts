import { parseTenantFile } from './load-tenant';
import { isTenantFileError, TenantFileError } from './tenant-file-error';

const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const SOME_PHC = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';

/** A tenant file with one or more mistakes of every kind the loader checks. */
const fileWithMistakes = {
  $schema: './tenant.schema.json',
  tenant: { name: 'contoso.onmicrosoft.com', id: 'not-a-guid' },
  colour: 'blue',
  userFlows: [
    {
      name: 'B2C_1_ROPC_Auth',
      type: 'ropc',
      applicationClaims: ['displayName', 'email'],
      lifetimes: { accessTokenSeconds: 60, slidingWindowSeconds: 86400 },
    },
    { name: 'b2c_1_ropc_auth', type: 'password', applicationClaims: [] },
  ],
  applications: [
    {
      id: '360770b5-7e4f-4765-b292-87b8b2c5964d',
      name: 'ROPC_Auth_app',
      grantedScopes: ['https://contoso.onmicrosoft.com/api/notes.delete'],
    },
    {
      id: '360770B5-7E4F-4765-B292-87B8B2C5964D',
      name: 'notes-api',
      exposedScopes: ['notes.read'],
    },
  ],
  users: [
    {
      id: ALICE_ID,
      displayName: 'Alice Contoso',
      identities: [{ signInType: 'emailAddress', issuerAssignedId: 'alice@contoso.com' }],
      password: 'Alice-Passw0rd!',
    },
    {
      id: ALICE_ID,
      displayName: 'Alice Again',
      identities: [
        { signInType: 'emailAddress', issuerAssignedId: 'ALICE@contoso.com' },
        { signInType: 'userName', issuerAssignedId: 'bob@example' },
        { signInType: 'emailAddress', issuerAssignedId: 'not-an-email' },
      ],
      password: 'Second-Secret-1!',
      passwordHash: SOME_PHC,
    },
    {
      id: '35b106c3-2988-4419-8766-0f839dd276bc',
      identities: [{ signInType: 'phone', issuerAssignedId: '+15550100' }],
      passwordHash: '$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
      attributes: { loyalty: 1, extension_tier: ['gold'] },
    },
  ],
  identityProtection: { lockoutThreshold: 0, maxLockoutSeconds: 30, ipRequestLimit: {} },
  refreshTokens: { reuseGraceSeconds: -1 },
};

async function problemsOf(json: unknown): Promise<TenantFileError> {
  const error: unknown = await parseTenantFile(json).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TenantFileError)) {
    throw new Error(`expected a TenantFileError, got ${String(error)}`);
  }
  return error;
}

describe('TenantFileError', () => {
  it('lists every mistake of a file at once, in file order, with a JSON pointer to each', async () => {
    const error = await problemsOf(fileWithMistakes);

    expect(error.code).toBe('ERR_TENANT_FILE');
    expect(error.problems).toEqual([
      { path: '/tenant/id', message: 'must be a GUID (8-4-4-4-12 hexadecimal digits)' },
      { path: '/colour', message: 'is not a known property' },
      {
        path: '/userFlows/0/applicationClaims/1',
        message:
          'must be displayName, givenName, surname, emailAddresses, identityProvider, objectId or extension_{Name}',
      },
      {
        path: '/userFlows/0/lifetimes/accessTokenSeconds',
        message:
          "must be within B2C's range 300–86400 seconds (set allowOutOfRangeLifetimes to accept other values)",
      },
      {
        path: '/userFlows/0/lifetimes/slidingWindowSeconds',
        message: 'must be at least refreshTokenSeconds',
      },
      {
        path: '/userFlows/1/name',
        message: 'duplicates /userFlows/0/name (user-flow names are unique, case-insensitively)',
      },
      { path: '/userFlows/1/type', message: 'must be "ropc"' },
      {
        path: '/applications/0/grantedScopes/0',
        message: 'is not exposed by any application (identifierUri + "/" + an exposedScopes value)',
      },
      {
        path: '/applications/1/id',
        message: 'duplicates /applications/0/id (application ids are unique)',
      },
      {
        path: '/applications/1/identifierUri',
        message: 'is required when the application exposes scopes',
      },
      { path: '/users/1', message: 'must have exactly one of password and passwordHash' },
      { path: '/users/1/id', message: 'duplicates /users/0/id (user object ids are unique)' },
      {
        path: '/users/1/identities/0/issuerAssignedId',
        message:
          'duplicates /users/0/identities/0/issuerAssignedId (sign-in names are unique per sign-in type, case-insensitively)',
      },
      {
        path: '/users/1/identities/1/issuerAssignedId',
        message:
          'must be an email local part (no @, at most 64 characters) for a userName identity',
      },
      {
        path: '/users/1/identities/2/issuerAssignedId',
        message: 'must be an email address for an emailAddress identity',
      },
      {
        path: '/users/2/identities/0/signInType',
        message: 'must be one of "emailAddress", "userName"',
      },
      {
        path: '/users/2/passwordHash',
        message: 'must be an argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)',
      },
      {
        path: '/users/2/attributes/loyalty',
        message: 'must be a custom attribute name extension_{Name}',
      },
      {
        path: '/users/2/attributes/extension_tier',
        message: 'must be of type "string" or "number" or "boolean"',
      },
      { path: '/users/2/displayName', message: 'is required' },
      { path: '/identityProtection/lockoutThreshold', message: 'must be at least 1' },
      {
        path: '/identityProtection/maxLockoutSeconds',
        message: 'must be at least lockoutDurationSeconds',
      },
      { path: '/identityProtection/ipRequestLimit/requests', message: 'is required' },
      { path: '/identityProtection/ipRequestLimit/windowSeconds', message: 'is required' },
      { path: '/refreshTokens/reuseGraceSeconds', message: 'must be at least 0' },
    ]);
  });

  it('never shows a password or a password hash, in the problems or in the message', async () => {
    const error = await problemsOf(fileWithMistakes);
    const shown = `${error.message}\n${JSON.stringify(error.problems)}`;

    for (const secret of ['Alice-Passw0rd!', 'Second-Secret-1!', 'c2FsdHNhbHQ', 'aGFzaGhhc2g']) {
      expect(shown).not.toContain(secret);
    }
  });

  it('spells the problems out in its message, for logs', async () => {
    const { colour: _colour, ...withoutColour } = fileWithMistakes;
    const error = await problemsOf({ ...withoutColour, tenant: {} });

    expect(error.message.split('\n').slice(0, 3)).toEqual([
      'The tenant file has 25 problems:',
      '  /tenant/name: is required',
      '  /tenant/id: is required',
    ]);
  });

  it('reports a file that is not an object at all', async () => {
    const error = await problemsOf([]);

    expect(error.problems).toEqual([{ path: '', message: 'must be of type "object"' }]);
    expect(isTenantFileError(error)).toBe(true);
    expect(isTenantFileError(new Error('other'))).toBe(false);
  });
});
