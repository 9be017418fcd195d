import {
  ALICE_ID,
  COLLECTION_CONTEXT,
  expectNoPasswordInAnswers,
  graph,
  newUser,
  startUsersEmulator,
  stopUsersEmulator,
} from './graph-users-client';
import { TENANT } from './start-emulator';

// What the users API refuses: invalid user bodies (Graph's 400 naming the property), bodies that
// are no JSON object or too large, and calls without the admin key.

describe('b2c-emulator Graph users API', () => {
  beforeAll(async () => {
    await startUsersEmulator();
  });

  afterAll(stopUsersEmulator);

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
    expectNoPasswordInAnswers(30);
  });
});
