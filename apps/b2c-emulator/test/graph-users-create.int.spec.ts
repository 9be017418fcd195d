import { decodeJwt } from 'jose';
import {
  ENTITY_CONTEXT,
  EXTENSIONS_APP,
  expectNoPasswordInAnswers,
  graph,
  newUser,
  signIn,
  startUsersEmulator,
  stopUsersEmulator,
} from './graph-users-client';
import { ALICE, TENANT, type RunningEmulator } from './start-emulator';

// Creating users: the body Graph answers, sign-in at once, unique identities, SDK annotations.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('b2c-emulator Graph users API', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startUsersEmulator();
  });

  afterAll(stopUsersEmulator);

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

  it('never puts a password in any answer', () => {
    expectNoPasswordInAnswers(6);
  });
});
