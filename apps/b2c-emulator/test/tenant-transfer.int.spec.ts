import {
  ADMIN_KEY,
  ALICE,
  CLIENT_ID,
  TENANT,
  TENANT_ID,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

const ARGON2ID = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
const B2C_DESCRIPTION = /^(AADB2C\d{5}): /;
const DAVE_ID = '9a0b8c7d-2222-4b4b-8c8c-000000000002';
const EXTENSIONS_APP_ID = '831374b3-bd50-41bf-aa54-263ec9e050fc';

interface TenantJson {
  kind?: string;
  tenant: { name: string; id: string };
  applications: Record<string, unknown>[];
  users: Record<string, unknown>[];
  [key: string]: unknown;
}

/** An export: a version 2 file holding every tenant of the running file (here, one B2C tenant). */
interface TenantFileJson {
  $schema?: string;
  tenants: TenantJson[];
}

/** The only tenant of an export of the one-tenant test file. */
function onlyTenant(json: TenantFileJson): TenantJson {
  expect(json.tenants).toHaveLength(1);
  return json.tenants[0]!;
}

describe('b2c-emulator tenant export and import', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  async function exportTenant(): Promise<{ text: string; json: TenantFileJson }> {
    const response = await emulator.admin('GET', '/.emulator/tenant');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    return { text, json: JSON.parse(text) as TenantFileJson };
  }

  async function importTenant(body: unknown): Promise<Response> {
    return emulator.admin('PUT', '/.emulator/tenant', body);
  }

  async function signIn(username: string, password: string) {
    return postForm(tokenUrl(emulator), aliceSignIn({ username, password }));
  }

  function b2cCode(body: Record<string, unknown>): string | undefined {
    return B2C_DESCRIPTION.exec(String(body['error_description']))?.[1];
  }

  it('exports the current state as a tenant file with password hashes, never passwords', async () => {
    const { text, json } = await exportTenant();
    expect(Object.keys(json).sort()).toEqual(['$schema', 'tenants']);
    const tenant = onlyTenant(json);
    expect(tenant.kind).toBe('b2c');
    expect(tenant.tenant).toEqual({ name: TENANT, id: TENANT_ID });
    expect(tenant.users.map((user) => user['id'])).toContain(DAVE_ID);
    for (const user of tenant.users) {
      expect(user['password']).toBeUndefined();
      expect(user['passwordHash']).toMatch(ARGON2ID);
    }
    expect(tenant.users.find((user) => user['id'] === DAVE_ID)).toEqual({
      id: DAVE_ID,
      displayName: 'Dave Username',
      identities: [{ signInType: 'userName', issuer: TENANT, issuerAssignedId: 'dave' }],
      passwordHash: expect.stringMatching(ARGON2ID) as unknown,
      accountEnabled: true,
      attributes: { extension_loyaltyNumber: '212342' },
      forceChangePasswordNextSignIn: false,
    });
    for (const password of [ALICE.password, 'Bob-Passw0rd!', 'Dave-Passw0rd!']) {
      expect(text).not.toContain(password);
    }
  });

  it('round-trips: an export imported again restores users who sign in with their passwords', async () => {
    const created = await emulator.admin('POST', '/v1.0/users', {
      displayName: 'Erin Example',
      identities: [{ signInType: 'emailAddress', issuerAssignedId: 'erin@contoso.com' }],
      passwordProfile: { password: 'Erin-Passw0rd!' },
    });
    expect(created.status).toBe(201);
    const erinId = ((await created.json()) as { id: string }).id;
    const saved = await exportTenant();

    // Change the state after the export: Erin deleted, Alice holding a refresh token.
    expect((await emulator.admin('DELETE', `/v1.0/users/${erinId}`)).status).toBe(204);
    const session = await signIn(ALICE.username, ALICE.password);
    expect(session.status).toBe(200);

    const imported = await importTenant(saved.json);
    expect(imported.status).toBe(204);
    expect(await imported.text()).toBe('');
    expect((await exportTenant()).json).toEqual(saved.json);
    expect((await signIn('erin@contoso.com', 'Erin-Passw0rd!')).status).toBe(200);
    expect((await signIn(ALICE.username, ALICE.password)).status).toBe(200);
    // An import replaces all state: refresh grants from before it are gone.
    const stale = await postForm(tokenUrl(emulator), {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: String(session.body['refresh_token']),
    });
    expect(stale.status).toBe(400);
    expect(stale.body['error']).toBe('invalid_grant');
  });

  it('imports a tenant with clear-text passwords and a b2c-extensions-app, replacing the users', async () => {
    const { json } = await exportTenant();
    const exported = onlyTenant(json);
    const tenant = {
      ...exported,
      applications: [
        ...exported.applications,
        { id: EXTENSIONS_APP_ID, name: 'b2c-extensions-app. Do not modify.', publicClient: false },
      ],
      users: [
        {
          id: DAVE_ID,
          displayName: 'Dave Imported',
          identities: [{ signInType: 'userName', issuerAssignedId: 'dave' }],
          password: 'Dave-Imp0rted!',
          attributes: { extension_loyaltyNumber: '99' },
        },
      ],
    };
    expect((await importTenant({ ...json, tenants: [tenant] })).status).toBe(204);

    expect((await signIn('dave', 'Dave-Imp0rted!')).status).toBe(200);
    expect(b2cCode((await signIn(ALICE.username, ALICE.password)).body)).toBe('AADB2C90225');
    const dave = await emulator.admin('GET', `/v1.0/users/${DAVE_ID}?$select=displayName`);
    expect(await dave.json()).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(displayName)/$entity',
      displayName: 'Dave Imported',
    });
    // With a b2c-extensions-app, Graph names custom attributes after its app id.
    const list = await emulator.admin('GET', '/v1.0/users');
    expect(await list.json()).toMatchObject({
      value: [{ id: DAVE_ID, extension_831374b3bd5041bfaa54263ec9e050fc_loyaltyNumber: '99' }],
    });
    expect((await exportTenant()).text).not.toContain('Dave-Imp0rted!');
  });

  it('refuses an invalid tenant listing every problem, and changes nothing', async () => {
    const before = await exportTenant();
    const tenant = onlyTenant(before.json);
    const broken = {
      ...tenant,
      userFlows: [],
      users: [{ ...tenant.users[0], id: 'not-a-guid', password: 'Secret-Passw0rd!' }],
    };
    const response = await importTenant({ ...before.json, tenants: [broken] });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'InvalidTenant',
        message: 'The tenant file has 3 problems; nothing was changed.',
        details: [
          { path: '/tenants/0/userFlows', message: 'must have at least 1 item' },
          {
            path: '/tenants/0/users/0',
            message: 'must have exactly one of password and passwordHash',
          },
          {
            path: '/tenants/0/users/0/id',
            message: 'must be a GUID (8-4-4-4-12 hexadecimal digits)',
          },
        ],
      },
    });
    expect(text).not.toContain('Secret-Passw0rd!');
    expect((await exportTenant()).json).toEqual(before.json);
    expect((await signIn('dave', 'Dave-Imp0rted!')).status).toBe(200);
  });

  it('refuses a body that is not a JSON object or not JSON', async () => {
    const array = await importTenant([]);
    expect(array.status).toBe(400);
    expect(await array.json()).toEqual({
      error: { code: 'BadRequest', message: 'The body must be a JSON object.' },
    });
    const form = await fetch(`${emulator.url}/.emulator/tenant`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('needs the admin key for both routes', async () => {
    for (const init of [{ method: 'GET' }, { method: 'PUT', body: '{}' }]) {
      const response = await fetch(`${emulator.url}/.emulator/tenant`, {
        ...init,
        headers: { Authorization: 'Bearer wrong-key-0123', 'Content-Type': 'application/json' },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'The admin key is missing or wrong.',
        },
      });
    }
  });
});
