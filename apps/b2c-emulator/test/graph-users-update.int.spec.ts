import {
  ENTITY_CONTEXT,
  EXTENSIONS_APP,
  b2cCode,
  createUser,
  expectNoPasswordInAnswers,
  graph,
  idOf,
  refresh,
  signIn,
  startUsersEmulator,
  stopUsersEmulator,
} from './graph-users-client';
import { ALICE, TENANT } from './start-emulator';

// Updating users: profile fields, identities and extension attributes, and the password — which
// revokes earlier refresh tokens.

describe('b2c-emulator Graph users API', () => {
  beforeAll(async () => {
    await startUsersEmulator();
  });

  afterAll(stopUsersEmulator);

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

  it('never puts a password in any answer', () => {
    expectNoPasswordInAnswers(18);
  });
});
