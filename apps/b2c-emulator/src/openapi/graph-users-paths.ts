import { ADMIN_REFUSALS, adminError, tenantQuery } from './admin-paths';
import { headerRef, jsonResponse, schemaRef } from './emulator-refs';

const noStore = { 'Cache-Control': headerRef('NoStore') } as const;
const security = [{ adminKey: [] }];
const tags = ['Graph users'];

const userId = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The user's object id.",
  schema: { type: 'string' },
} as const;
const select = {
  name: '$select',
  in: 'query',
  required: false,
  description: 'Comma-separated properties to answer (Graph names).',
  schema: { type: 'string' },
} as const;
const filter = {
  name: '$filter',
  in: 'query',
  required: false,
  description: "Only `identities/any(c:c/issuerAssignedId eq '…' and c/issuer eq '…')`.",
  schema: { type: 'string' },
} as const;

const userBody = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        description:
          "Graph's user: `displayName`, `identities`, `passwordProfile` (left out for a code-only " +
          'External ID user), `accountEnabled`, names, `passwordPolicies`, extension attributes.',
      },
    },
  },
} as const;

const graphRefusals = {
  '400': adminError(
    'A bad body or query (`Request_BadRequest`, `details` naming the property; a taken sign-in ' +
      'name is `ObjectConflict`), or an unsupported query (`Request_UnsupportedQuery`).',
  ),
  '413': adminError('The body is larger than 64 KiB (`RequestTooLarge`).'),
  '415': adminError('The body is not `application/json` (`UnsupportedMediaType`).'),
  ...ADMIN_REFUSALS,
} as const;

/** The Microsoft Graph-shaped users API (v1.0) behind the admin key. */
export const GRAPH_USERS_PATHS = {
  '/v1.0/users': {
    parameters: [tenantQuery],
    get: {
      operationId: 'listUsers',
      tags,
      summary: 'List users',
      security,
      parameters: [select, filter],
      responses: {
        '200': jsonResponse('The users.', 'GraphUserList', noStore),
        ...graphRefusals,
      },
    },
    post: {
      operationId: 'createUser',
      tags,
      summary: 'Create a user',
      security,
      requestBody: userBody,
      responses: {
        '201': jsonResponse('The new user.', 'GraphUser', {
          ...noStore,
          Location: headerRef('UserLocation'),
        }),
        ...graphRefusals,
      },
    },
  },
  '/v1.0/users/{id}': {
    parameters: [userId, tenantQuery],
    get: {
      operationId: 'getUser',
      tags,
      summary: 'Read a user',
      security,
      parameters: [select],
      responses: { '200': jsonResponse('The user.', 'GraphUser', noStore), ...graphRefusals },
    },
    patch: {
      operationId: 'updateUser',
      tags,
      summary: 'Update a user',
      description: "A new password ends the user's refresh grants.",
      security,
      requestBody: userBody,
      responses: { '204': { description: 'Updated.', headers: noStore }, ...graphRefusals },
    },
    delete: {
      operationId: 'deleteUser',
      tags,
      summary: 'Delete a user',
      security,
      responses: { '204': { description: 'Deleted.', headers: noStore }, ...graphRefusals },
    },
  },
  '/v1.0/users/{id}/revokeSignInSessions': {
    parameters: [userId, tenantQuery],
    post: {
      operationId: 'revokeSignInSessions',
      tags,
      summary: "End a user's refresh grants",
      security,
      responses: {
        '200': jsonResponse('Revoked.', schemaRef('GraphBoolean'), noStore),
        ...graphRefusals,
      },
    },
  },
} as const;
