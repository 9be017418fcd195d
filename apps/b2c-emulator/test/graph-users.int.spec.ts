import { decodeJwt } from 'jose';
import {
  ADMIN_KEY,
  ALICE,
  CLIENT_ID,
  TENANT,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ENTITY_CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata#users/$entity';
const COLLECTION_CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata#users';
const EXTENSIONS_APP = '831374b3bd5041bfaa54263ec9e050fc';
const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const B2C_DESCRIPTION = /^(AADB2C\d{5}): /;

/** Every password the tests send; none may appear in any answer. */
const PASSWORDS = [
  'Erin-Passw0rd!',
  'Erin-N3w-Passw0rd!',
  'Frank-Passw0rd!',
  'Frank-N3w-Passw0rd!',
  'Gina-Passw0rd!',
  'weakpassword',
  'Sh0rt!x',
  'Ivy-Passw0rd!',
];

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | undefined;
}

/** A Graph user body for a local account with an email identity. */
function newUser(email: string, password: string, extra: Record<string, unknown> = {}) {
  return {
    displayName: `${email} Example`,
    identities: [{ signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: email }],
    passwordProfile: { password, forceChangePasswordNextSignIn: false },
    passwordPolicies: 'DisablePasswordExpiration',
    ...extra,
  };
}

describe('b2c-emulator Graph users API', () => {
  let emulator: RunningEmulator;
  const answers: string[] = [];

  /** Calls an admin route (with the admin key unless `key` says otherwise) and keeps the answer. */
  async function graph(
    method: string,
    path: string,
    body?: unknown,
    init: { key?: string | null; rawBody?: string; contentType?: string } = {},
  ): Promise<Answer> {
    const key = init.key === undefined ? ADMIN_KEY : init.key;
    const payload = init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
        ...(payload === undefined
          ? {}
          : { 'Content-Type': init.contentType ?? 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await response.text();
    answers.push(text);
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  }

  async function signIn(username: string, password: string) {
    const answer = await postForm(tokenUrl(emulator), aliceSignIn({ username, password }));
    answers.push(JSON.stringify(answer.body));
    return answer;
  }

  async function refresh(refreshToken: unknown) {
    const answer = await postForm(tokenUrl(emulator), {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: String(refreshToken),
    });
    answers.push(JSON.stringify(answer.body));
    return answer;
  }

  /** The AADB2C code of a B2C error body, after checking its `error` value. */
  function b2cCode(body: Record<string, unknown>, error: string): string | undefined {
    expect(body['error']).toBe(error);
    return B2C_DESCRIPTION.exec(String(body['error_description']))?.[1];
  }

  async function createUser(email: string, password: string, extra = {}): Promise<string> {
    const { status, body } = await graph('POST', '/v1.0/users', newUser(email, password, extra));
    expect(status).toBe(201);
    return String(body?.['id']);
  }

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  describe('POST /v1.0/users', () => {
    it('creates a local account that signs in with ROPC at once', async () => {
      const { status, headers, body } = await graph('POST', '/v1.0/users', {
        displayName: 'Erin Example',
        givenName: 'Erin',
        surname: 'Example',
        identities: [
          { signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: 'erin@contoso.com' },
          { signInType: 'userName', issuerAssignedId: 'erin' },
        ],
        passwordProfile: { password: 'Erin-Passw0rd!', forceChangePasswordNextSignIn: false },
        passwordPolicies: 'DisablePasswordExpiration',
        [`extension_${EXTENSIONS_APP}_loyaltyNumber`]: '212342',
        extension_vip: true,
      });
      expect(status).toBe(201);
      const id = String(body?.['id']);
      expect(id).toMatch(GUID);
      expect(headers.get('location')).toBe(`${emulator.url}/v1.0/users/${id}`);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id,
        displayName: 'Erin Example',
        givenName: 'Erin',
        surname: 'Example',
        identities: [
          { signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: 'erin@contoso.com' },
          { signInType: 'userName', issuer: TENANT, issuerAssignedId: 'erin' },
        ],
        accountEnabled: true,
        passwordPolicies: 'DisablePasswordExpiration',
        extension_loyaltyNumber: '212342',
        extension_vip: true,
      });

      const byEmail = await signIn('Erin@Contoso.com', 'Erin-Passw0rd!');
      expect(byEmail.status).toBe(200);
      expect(decodeJwt(String(byEmail.body['id_token']))).toMatchObject({
        name: 'Erin Example',
        emails: ['erin@contoso.com'],
        oid: id,
        sub: id,
      });
      expect((await signIn('erin', 'Erin-Passw0rd!')).status).toBe(200);
    });

    it('refuses an identity another user has, case-insensitively, with Graph’s 400', async () => {
      for (const email of ['ERIN@contoso.com', ALICE.username]) {
        const { status, body } = await graph(
          'POST',
          '/v1.0/users',
          newUser(email, 'Gina-Passw0rd!'),
        );
        expect(status).toBe(400);
        expect(body).toEqual({
          error: {
            code: 'Request_BadRequest',
            message: 'Another object with the same value for property identities already exists.',
            details: [{ code: 'ObjectConflict', target: 'identities' }],
          },
        });
      }
    });

    it('accepts the @odata.type annotations Graph SDKs send, and a weak password only with DisableStrongPassword', async () => {
      const body = newUser('ivy@contoso.com', 'weakpassword', {
        '@odata.type': '#microsoft.graph.user',
        passwordPolicies: 'DisablePasswordExpiration, DisableStrongPassword',
        accountEnabled: false,
      });
      const { status, body: created } = await graph('POST', '/v1.0/users', body);
      expect(status).toBe(201);
      expect(created).toMatchObject({
        accountEnabled: false,
        passwordPolicies: 'DisablePasswordExpiration, DisableStrongPassword',
      });
    });
  });

  describe('validation', () => {
    const valid = newUser('gina@contoso.com', 'Gina-Passw0rd!');
    const identity = valid.identities[0];
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no displayName', { ...valid, displayName: undefined }, 'MissingProperty', 'displayName'],
      ['a numeric displayName', { ...valid, displayName: 5 }, 'InvalidValue', 'displayName'],
      [
        'an unknown property',
        { ...valid, mailNickname: 'gina' },
        'UnknownProperty',
        'mailNickname',
      ],
      ['an id', { ...valid, id: ALICE_ID }, 'ReadOnlyProperty', 'id'],
      ['no identities', { ...valid, identities: [] }, 'MissingProperty', 'identities'],
      [
        'a federated identity',
        { ...valid, identities: [{ ...identity, signInType: 'federated' }] },
        'InvalidValue',
        'identities[0].signInType',
      ],
      [
        'an email identity that is no email',
        { ...valid, identities: [{ ...identity, issuerAssignedId: 'gina' }] },
        'InvalidValue',
        'identities[0].issuerAssignedId',
      ],
      [
        'another issuer',
        { ...valid, identities: [{ ...identity, issuer: 'fabrikam.com' }] },
        'InvalidValue',
        'identities[0].issuer',
      ],
      [
        'the same identity twice',
        { ...valid, identities: [identity, identity] },
        'InvalidValue',
        'identities',
      ],
      [
        'no password',
        { ...valid, passwordProfile: undefined },
        'MissingProperty',
        'passwordProfile.password',
      ],
      [
        'a weak password',
        { ...valid, passwordProfile: { password: 'weakpassword' } },
        'PasswordComplexity',
        'passwordProfile.password',
      ],
      [
        'a short password',
        { ...valid, passwordProfile: { password: 'Sh0rt!x' } },
        'PasswordComplexity',
        'passwordProfile.password',
      ],
      [
        'an unknown password profile property',
        { ...valid, passwordProfile: { password: 'Gina-Passw0rd!', mfa: true } },
        'UnknownProperty',
        'passwordProfile.mfa',
      ],
      [
        'a string accountEnabled',
        { ...valid, accountEnabled: 'yes' },
        'InvalidValue',
        'accountEnabled',
      ],
      [
        'unknown password policies',
        { ...valid, passwordPolicies: 'Foo' },
        'InvalidValue',
        'passwordPolicies',
      ],
      [
        'an object extension value',
        { ...valid, extension_tier: { gold: true } },
        'InvalidValue',
        'extension_tier',
      ],
      [
        'a malformed extension name',
        { ...valid, 'extension_tier-1': 'gold' },
        'InvalidValue',
        'extension_tier-1',
      ],
      [
        'a foreign @odata.type',
        { ...valid, '@odata.type': '#microsoft.graph.group' },
        'InvalidValue',
        '@odata.type',
      ],
    ];

    it.each(cases)('answers 400 naming the property for %s', async (_, body, code, target) => {
      const { status, body: answer } = await graph('POST', '/v1.0/users', body);
      expect(status).toBe(400);
      const error = answer?.['error'] as Record<string, unknown>;
      expect(error['code']).toBe('Request_BadRequest');
      expect(error['details']).toEqual([{ code, target }]);
      expect(error['message']).toContain(target);
    });

    it('gives a weak password Graph’s complexity message', async () => {
      const { body } = await graph('POST', '/v1.0/users', {
        ...valid,
        passwordProfile: { password: 'weakpassword' },
      });
      expect(body).toEqual({
        error: {
          code: 'Request_BadRequest',
          message:
            'The specified password does not comply with password complexity requirements. ' +
            'Please provide a different password. passwordProfile.password needs 8 to 256 characters from at least 3 of: ' +
            'lowercase letters, uppercase letters, digits, symbols; or passwordPolicies with ' +
            'DisableStrongPassword.',
          details: [{ code: 'PasswordComplexity', target: 'passwordProfile.password' }],
        },
      });
    });

    it('refuses a body that is not a JSON object, not JSON, or larger than 64 KiB', async () => {
      const array = await graph('POST', '/v1.0/users', [valid]);
      expect(array).toMatchObject({
        status: 400,
        body: { error: { code: 'BadRequest', message: 'The body must be a JSON object.' } },
      });
      const text = await graph('POST', '/v1.0/users', undefined, {
        rawBody: 'displayName=x',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(text).toMatchObject({
        status: 415,
        body: { error: { code: 'UnsupportedMediaType' } },
      });
      const large = await graph('POST', '/v1.0/users', { ...valid, givenName: 'x'.repeat(70_000) });
      expect(large).toMatchObject({ status: 413, body: { error: { code: 'RequestTooLarge' } } });
    });

    it('created nothing for any refused body', async () => {
      const { body } = await graph(
        'GET',
        `/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq 'gina@contoso.com' and c/issuer eq '${TENANT}')`,
      );
      expect(body).toEqual({ '@odata.context': COLLECTION_CONTEXT, value: [] });
    });
  });

  describe('GET /v1.0/users and /v1.0/users/{id}', () => {
    it('gets a user in Graph’s shape, or 404 in Graph’s error shape', async () => {
      const { status, body } = await graph('GET', `/v1.0/users/${ALICE_ID}`);
      expect(status).toBe(200);
      expect(body).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id: ALICE_ID,
        displayName: 'Alice Contoso',
        givenName: 'Alice',
        surname: 'Contoso',
        identities: [
          { signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: 'alice@contoso.com' },
        ],
        accountEnabled: true,
        passwordPolicies: 'DisablePasswordExpiration',
      });
      const missing = '00000000-0000-4000-8000-000000000000';
      const notFound = await graph('GET', `/v1.0/users/${missing}`);
      expect(notFound).toMatchObject({ status: 404 });
      expect(notFound.body).toEqual({
        error: {
          code: 'Request_ResourceNotFound',
          message: `Resource '${missing}' does not exist or one of its queried reference-property objects are not present.`,
        },
      });
    });

    it('lists users with $select, and finds one by the identities $filter', async () => {
      const { status, body } = await graph('GET', '/v1.0/users?$select=displayName,id');
      expect(status).toBe(200);
      expect(body?.['@odata.context']).toBe(`${COLLECTION_CONTEXT}(displayName,id)`);
      const value = body?.['value'] as Record<string, unknown>[];
      expect(value.slice(0, 2)).toEqual([
        { displayName: 'Alice Contoso', id: ALICE_ID },
        { displayName: 'Bob Contoso', id: '35b106c3-2988-4419-8766-0f839dd276bc' },
      ]);
      expect(value.map((user) => user['displayName'])).toContain('Erin Example');

      const filter = `identities/any(c:c/issuer eq '${TENANT}' and c/issuerAssignedId eq 'DAVE')`;
      const found = await graph('GET', `/v1.0/users?$filter=${encodeURIComponent(filter)}`);
      expect(found.body).toEqual({
        '@odata.context': COLLECTION_CONTEXT,
        value: [
          {
            id: '9a0b8c7d-2222-4b4b-8c8c-000000000002',
            displayName: 'Dave Username',
            givenName: null,
            surname: null,
            identities: [{ signInType: 'userName', issuer: TENANT, issuerAssignedId: 'dave' }],
            accountEnabled: true,
            passwordPolicies: null,
            extension_loyaltyNumber: '212342',
          },
        ],
      });
    });

    it('refuses query options it does not support instead of ignoring them', async () => {
      const top = await graph('GET', '/v1.0/users?$top=1');
      expect(top).toMatchObject({ status: 400 });
      expect(top.body).toEqual({
        error: {
          code: 'Request_UnsupportedQuery',
          message: 'The query option $top is not supported by the emulator.',
        },
      });
      const filter = await graph(
        'GET',
        `/v1.0/users?$filter=${encodeURIComponent("displayName eq 'x'")}`,
      );
      expect(filter).toMatchObject({
        status: 400,
        body: { error: { code: 'Request_UnsupportedQuery' } },
      });
      const select = await graph('GET', `/v1.0/users/${ALICE_ID}?$select=mail`);
      expect(select.body).toEqual({
        error: {
          code: 'Request_BadRequest',
          message: "Could not find a property named 'mail' on type 'microsoft.graph.user'.",
        },
      });
    });
  });

  describe('PATCH /v1.0/users/{id}', () => {
    it('updates profile fields, identities and custom attributes, and answers 204', async () => {
      const id = await createUser('frank@contoso.com', 'Frank-Passw0rd!', {
        givenName: 'Frank',
        extension_tier: 'gold',
      });
      const { status, body } = await graph('PATCH', `/v1.0/users/${id}`, {
        displayName: 'Frank Renamed',
        givenName: null,
        surname: 'Example',
        identities: [{ signInType: 'userName', issuerAssignedId: 'frank' }],
        [`extension_${EXTENSIONS_APP}_tier`]: null,
        extension_level: 3,
      });
      expect(status).toBe(204);
      expect(body).toBeUndefined();
      expect((await graph('GET', `/v1.0/users/${id}`)).body).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id,
        displayName: 'Frank Renamed',
        givenName: null,
        surname: 'Example',
        identities: [{ signInType: 'userName', issuer: TENANT, issuerAssignedId: 'frank' }],
        accountEnabled: true,
        passwordPolicies: 'DisablePasswordExpiration',
        extension_level: 3,
      });
      expect((await signIn('frank', 'Frank-Passw0rd!')).status).toBe(200);
      expect(
        b2cCode((await signIn('frank@contoso.com', 'Frank-Passw0rd!')).body, 'access_denied'),
      ).toBe('AADB2C90225');
    });

    it('changes the password: the old one fails and earlier refresh tokens are revoked', async () => {
      const before = await signIn('frank', 'Frank-Passw0rd!');
      expect(before.status).toBe(200);
      const patch = await graph('PATCH', `/v1.0/users/${await idOf('frank')}`, {
        passwordProfile: { password: 'Frank-N3w-Passw0rd!', forceChangePasswordNextSignIn: false },
      });
      expect(patch.status).toBe(204);

      const old = await signIn('frank', 'Frank-Passw0rd!');
      expect(old.status).toBe(400);
      expect(b2cCode(old.body, 'access_denied')).toBe('AADB2C90225');
      const stale = await refresh(before.body['refresh_token']);
      expect(stale.status).toBe(400);
      expect(b2cCode(stale.body, 'invalid_grant')).toBe('AADB2C90129');
      const fresh = await signIn('frank', 'Frank-N3w-Passw0rd!');
      expect(fresh.status).toBe(200);
      expect((await refresh(fresh.body['refresh_token'])).status).toBe(200);
    });

    it('checks a new password against the policies, and refuses an identity of another user', async () => {
      const id = await idOf('frank');
      const weak = await graph('PATCH', `/v1.0/users/${id}`, {
        passwordProfile: { password: 'weakpassword' },
      });
      expect(weak).toMatchObject({ status: 400 });
      expect((weak.body?.['error'] as Record<string, unknown>)['details']).toEqual([
        { code: 'PasswordComplexity', target: 'passwordProfile.password' },
      ]);
      const taken = await graph('PATCH', `/v1.0/users/${id}`, {
        identities: [{ signInType: 'emailAddress', issuerAssignedId: ALICE.username }],
      });
      expect(taken).toMatchObject({
        status: 400,
        body: { error: { code: 'Request_BadRequest', details: [{ code: 'ObjectConflict' }] } },
      });
      const unknown = await graph('PATCH', `/v1.0/users/${id}`, { mail: 'x@contoso.com' });
      expect(unknown).toMatchObject({
        status: 400,
        body: { error: { details: [{ code: 'UnknownProperty', target: 'mail' }] } },
      });
      // Nothing of the refused updates stuck: the password from the previous test still works.
      expect((await signIn('frank', 'Frank-N3w-Passw0rd!')).status).toBe(200);
    });

    it('answers 404 for an unknown user', async () => {
      const missing = '00000000-0000-4000-8000-000000000001';
      const { status, body } = await graph('PATCH', `/v1.0/users/${missing}`, { displayName: 'x' });
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
    });
  });

  describe('POST /v1.0/users/{id}/revokeSignInSessions', () => {
    it('revokes earlier refresh tokens while a new password sign-in works', async () => {
      const id = await createUser('gina@contoso.com', 'Gina-Passw0rd!');
      const before = await signIn('gina@contoso.com', 'Gina-Passw0rd!');
      const { status, body } = await graph('POST', `/v1.0/users/${id}/revokeSignInSessions`);
      expect(status).toBe(200);
      expect(body).toEqual({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean',
        value: true,
      });
      const stale = await refresh(before.body['refresh_token']);
      expect(stale.status).toBe(400);
      expect(b2cCode(stale.body, 'invalid_grant')).toBe('AADB2C90129');
      const fresh = await signIn('gina@contoso.com', 'Gina-Passw0rd!');
      expect(fresh.status).toBe(200);
      expect((await refresh(fresh.body['refresh_token'])).status).toBe(200);
    });
  });

  describe('DELETE /v1.0/users/{id}', () => {
    it('deletes the user: 204, then 404, and its refresh tokens give AADB2C90128', async () => {
      const id = await idOf('gina@contoso.com');
      const session = await signIn('gina@contoso.com', 'Gina-Passw0rd!');
      const deleted = await graph('DELETE', `/v1.0/users/${id}`);
      expect(deleted).toMatchObject({ status: 204, body: undefined });
      const gone = await refresh(session.body['refresh_token']);
      expect(gone.status).toBe(400);
      expect(b2cCode(gone.body, 'invalid_grant')).toBe('AADB2C90128');
      expect((await graph('GET', `/v1.0/users/${id}`)).status).toBe(404);
      expect((await graph('DELETE', `/v1.0/users/${id}`)).status).toBe(404);
      const signInAgain = await signIn('gina@contoso.com', 'Gina-Passw0rd!');
      expect(b2cCode(signInAgain.body, 'access_denied')).toBe('AADB2C90225');
    });
  });

  describe('admin key', () => {
    it('answers 401 without the key or with a wrong one, and changes nothing', async () => {
      const expected = {
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'The admin key is missing or wrong.',
        },
      };
      for (const key of [null, 'wrong-key-0123']) {
        const list = await graph('GET', '/v1.0/users', undefined, { key });
        expect(list).toMatchObject({ status: 401, body: expected });
        expect(list.headers.get('www-authenticate')).toBe('Bearer realm="b2c-emulator"');
        const create = await graph(
          'POST',
          '/v1.0/users',
          newUser('hal@contoso.com', 'Gina-Passw0rd!'),
          {
            key,
          },
        );
        expect(create).toMatchObject({ status: 401, body: expected });
        const remove = await graph('DELETE', `/v1.0/users/${ALICE_ID}`, undefined, { key });
        expect(remove.status).toBe(401);
      }
      expect((await graph('GET', `/v1.0/users/${ALICE_ID}`)).status).toBe(200);
    });
  });

  it('never puts a password in any answer', () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const text of answers) {
      for (const password of PASSWORDS) expect(text).not.toContain(password);
    }
  });

  /** The object id of the user with sign-in name `name`, found through the identities filter. */
  async function idOf(name: string): Promise<string> {
    const filter = `identities/any(c:c/issuerAssignedId eq '${name}' and c/issuer eq '${TENANT}')`;
    const { body } = await graph('GET', `/v1.0/users?$filter=${encodeURIComponent(filter)}`);
    const [user] = body?.['value'] as { id: string }[];
    return user?.id ?? '';
  }
});
