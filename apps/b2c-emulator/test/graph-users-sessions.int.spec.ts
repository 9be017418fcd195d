import {
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

// Ending a user's sessions: revokeSignInSessions, and deleting the user.

describe('b2c-emulator Graph users API', () => {
  beforeAll(async () => {
    await startUsersEmulator();
  });

  afterAll(stopUsersEmulator);

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

  it('never puts a password in any answer', () => {
    expectNoPasswordInAnswers(13);
  });
});
