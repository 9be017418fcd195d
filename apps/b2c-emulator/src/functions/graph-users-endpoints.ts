/**
 * The Microsoft Graph users API (v1.0) of a B2C tenant, as far as local accounts go
 * (docs/b2c-ropc-protocol.md §9), behind the admin key. Graph's own access tokens are not modelled: the admin key stands in.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { normaliseUsername } from '@ropc/identity-protection';
import { GraphError, userNotFound } from '../admin/graph-error';
import { adminJson, adminTenantRoute, readAdminJsonBody } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { createStoredUser, readNewUser } from '../admin/graph-user-create';
import { readGraphUserQuery, type GraphUserQuery } from '../admin/graph-user-query';
import {
  GRAPH_METADATA,
  graphUsersContext,
  selectProperties,
  toGraphUserResource,
} from '../admin/graph-user-resource';
import { applyUserUpdate, readUserUpdate } from '../admin/graph-user-update';
import type { TenantRuntime } from '../tenant/tenant-runtime';
import { requestOrigin } from '../http/request-origin';
import { UserConflictError, type StoredUser } from '../stores/user-store';
import { hashPassword } from '../tenant/password-hasher';

/** Create and update bodies are small; anything larger is a mistake or an attack. */
const MAX_BODY_BYTES = 64 * 1024;

const userId = (request: HttpRequest): string => request.params['id'] ?? '';

/** Runs a store write, answering a duplicate sign-in name as Graph does (400, not 409). */
async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof UserConflictError)) throw error;
    throw new GraphError(
      400,
      'Request_BadRequest',
      `Another object with the same value for property ${error.field} already exists.`,
      { code: 'ObjectConflict', target: error.field },
    );
  }
}

async function findUser(tenant: TenantRuntime, id: string): Promise<StoredUser> {
  const user = await tenant.users.get(id);
  if (!user) throw userNotFound(id);
  return user;
}

/** The users holding `identity` (at most one: sign-in names are unique). */
async function findByIdentity(
  tenant: TenantRuntime,
  identity: NonNullable<GraphUserQuery['identity']>,
): Promise<readonly StoredUser[]> {
  const user = await tenant.users.findBySignInName(identity.issuerAssignedId);
  const wanted = normaliseUsername(identity.issuerAssignedId);
  const matches = user?.identities.some(
    (candidate) =>
      normaliseUsername(candidate.issuerAssignedId) === wanted &&
      candidate.issuer.toLowerCase() === identity.issuer.toLowerCase(),
  );
  return user && matches ? [user] : [];
}

/** POST /v1.0/users: 201 with the new user and its Location. */
export const createUser = adminTenantRoute(async (emulator, tenant, request) => {
  const input = readNewUser(await readAdminJsonBody(request, MAX_BODY_BYTES), tenant.tenant);
  const stored = await createStoredUser(input);
  const user = await saving(() => tenant.users.create(stored));
  emulator.log(`user ${user.id} created`);
  const location = `${requestOrigin(request, emulator.config)}/v1.0/users/${user.id}`;
  const resource = toGraphUserResource(user, tenant.tenant);
  return adminJson(
    201,
    { '@odata.context': graphUsersContext(undefined, true), ...resource },
    {
      Location: location,
    },
  );
});

/** GET /v1.0/users, with `$select` and the identities `$filter`. */
export const listUsers = adminTenantRoute(async (emulator, tenant, request) => {
  const query = readGraphUserQuery(request.query, tenant.tenant, true);
  const users = query.identity
    ? await findByIdentity(tenant, query.identity)
    : await tenant.users.list();
  return adminJson(200, {
    '@odata.context': graphUsersContext(query.select, false),
    value: users.map((user) =>
      selectProperties(toGraphUserResource(user, tenant.tenant), query.select),
    ),
  });
});

/** GET /v1.0/users/{id}, with `$select`. */
export const getUser = adminTenantRoute(async (emulator, tenant, request) => {
  const query = readGraphUserQuery(request.query, tenant.tenant, false);
  const user = await findUser(tenant, userId(request));
  return adminJson(200, {
    '@odata.context': graphUsersContext(query.select, true),
    ...selectProperties(toGraphUserResource(user, tenant.tenant), query.select),
  });
});

/** PATCH /v1.0/users/{id}: 204. A new password revokes the user's refresh grants. */
export const updateUser = adminTenantRoute(async (emulator, tenant, request) => {
  const id = userId(request);
  const body = await readAdminJsonBody(request, MAX_BODY_BYTES);
  const update = readUserUpdate(body, tenant.tenant, await findUser(tenant, id));
  const password = update.passwordProfile?.password;
  const hash = password === undefined ? undefined : await hashPassword(password);
  const now = emulator.clock.now();
  const updated = await saving(() =>
    tenant.users.update(id, (user) => applyUserUpdate(user, update, hash, now)),
  );
  if (!updated) throw userNotFound(id);
  emulator.log(`user ${updated.id} updated${hash ? '; password changed, grants revoked' : ''}`);
  return noContent();
});

/** DELETE /v1.0/users/{id}: 204; the user's refresh grants then end with AADB2C90128. */
export const deleteUser = adminTenantRoute(async (emulator, tenant, request) => {
  const id = userId(request);
  if (!(await tenant.users.delete(id))) throw userNotFound(id);
  emulator.log(`user ${id} deleted`);
  return noContent();
});

/**
 * POST /v1.0/users/{id}/revokeSignInSessions: refresh grants from earlier sign-ins end with
 * AADB2C90129; a new password sign-in works at once.
 */
export const revokeSignInSessions = adminTenantRoute(async (emulator, tenant, request) => {
  const id = userId(request);
  const now = emulator.clock.now();
  const updated = await tenant.users.update(id, (user) => ({
    ...user,
    refreshTokensValidFrom: now,
  }));
  if (!updated) throw userNotFound(id);
  emulator.log(`user ${updated.id}: sign-in sessions revoked`);
  return adminJson(200, { '@odata.context': `${GRAPH_METADATA}#Edm.Boolean`, value: true });
});

function noContent(): HttpResponseInit {
  return { status: 204, headers: { 'Cache-Control': 'no-store' } };
}

for (const [name, route, method, handler] of [
  ['graph-users-list', 'v1.0/users', 'GET', listUsers],
  ['graph-users-create', 'v1.0/users', 'POST', createUser],
  ['graph-user-get', 'v1.0/users/{id}', 'GET', getUser],
  ['graph-user-update', 'v1.0/users/{id}', 'PATCH', updateUser],
  ['graph-user-delete', 'v1.0/users/{id}', 'DELETE', deleteUser],
  ['graph-user-revoke', 'v1.0/users/{id}/revokeSignInSessions', 'POST', revokeSignInSessions],
] as const) {
  registerHttpFunction(name, {
    route,
    methods: [method],
    handler,
    storageFailure: adminStorageFailure,
  });
}
