import { randomUUID } from 'node:crypto';
import type { StoredUser } from '../stores/user-store';
import { hashPassword } from '../tenant/password-hasher';
import type { Tenant, UserIdentity } from '../tenant/tenant-model';
import {
  isExtensionProperty,
  readAttributes,
  type AttributeValue,
} from './graph-extension-attributes';
import { readGraphIdentities } from './graph-identities';
import { readPasswordPolicies } from './graph-password-rule';
import { readBoolean, type JsonObject } from './graph-property-readers';
import {
  checkUserProperties,
  readDisplayName,
  readPasswordProfile,
  readPersonName,
} from './graph-user-fields';

/** A validated `POST /v1.0/users` body. Holds the password only until it is hashed. */
export interface NewGraphUser {
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly identities: readonly UserIdentity[];
  /** None: an e-mail one-time-code account (External ID tenants only). */
  readonly password?: string;
  readonly forceChangePasswordNextSignIn: boolean;
  readonly passwordPolicies?: string;
  readonly accountEnabled: boolean;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/**
 * Validates a create body (docs/b2c-ropc-protocol.md §9): `displayName`, `identities` and — in a
 * B2C tenant — `passwordProfile.password` required (an External ID user without one signs in with
 * e-mailed codes); `accountEnabled` defaults to true and
 * `forceChangePasswordNextSignIn` to false (ROPC cannot complete a forced change).
 * @throws {GraphError} naming the first bad property.
 */
export function readNewUser(body: JsonObject, tenant: Tenant): NewGraphUser {
  checkUserProperties(body, isExtensionProperty);
  const displayName = readDisplayName(body['displayName']);
  const givenName = readPersonName(body['givenName'], 'givenName') ?? undefined;
  const surname = readPersonName(body['surname'], 'surname') ?? undefined;
  const identities = readGraphIdentities(body['identities'], tenant.name);
  const policies = body['passwordPolicies'];
  const passwordPolicies = policies == null ? undefined : readPasswordPolicies(policies);
  const profile = readPasswordProfile(
    body['passwordProfile'] ?? {},
    passwordPolicies,
    tenant.kind === 'b2c',
  );
  const enabled = body['accountEnabled'];
  const attributes = Object.fromEntries(
    [...readAttributes(body)].filter(
      (entry): entry is [string, AttributeValue] => entry[1] !== null,
    ),
  );
  return {
    displayName,
    ...(givenName === undefined ? {} : { givenName }),
    ...(surname === undefined ? {} : { surname }),
    identities,
    ...(profile.password === undefined ? {} : { password: profile.password }),
    forceChangePasswordNextSignIn: profile.forceChangePasswordNextSignIn ?? false,
    ...(passwordPolicies === undefined ? {} : { passwordPolicies }),
    accountEnabled: enabled == null ? true : readBoolean(enabled, 'accountEnabled'),
    attributes,
  };
}

/** The user to store: a new object id and the password, if any, as an argon2id hash. */
export async function createStoredUser(input: NewGraphUser): Promise<StoredUser> {
  const { password, ...profile } = input;
  return {
    ...profile,
    id: randomUUID(),
    ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
    refreshTokensValidFrom: 0,
  };
}
