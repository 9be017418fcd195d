import {
  ALICE_ID,
  COLLECTION_CONTEXT,
  ENTITY_CONTEXT,
  createUser,
  expectNoPasswordInAnswers,
  graph,
  startUsersEmulator,
  stopUsersEmulator,
} from './graph-users-client';
import { TENANT } from './start-emulator';

// Reading users: one by id, the list with $select, the identities $filter, and the query options
// the emulator refuses rather than ignores.

describe('b2c-emulator Graph users API', () => {
  beforeAll(async () => {
    await startUsersEmulator();
    // A user created through the API, to be listed after the tenant file's users.
    await createUser('erin@contoso.com', 'Erin-Passw0rd!', { displayName: 'Erin Example' });
  });

  afterAll(stopUsersEmulator);

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

  it('never puts a password in any answer', () => {
    expectNoPasswordInAnswers(8);
  });
});
