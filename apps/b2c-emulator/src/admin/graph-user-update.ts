import type { StoredUser } from '../stores/user-store';
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
  type PasswordProfileInput,
} from './graph-user-fields';

/** A validated `PATCH /v1.0/users/{id}` body: absent means "keep", `null` means "clear". */
export interface GraphUserUpdate {
  readonly displayName?: string;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly accountEnabled?: boolean;
  /** Replaces the whole collection, as Graph does. */
  readonly identities?: readonly UserIdentity[];
  readonly passwordPolicies?: string | null;
  readonly passwordProfile?: PasswordProfileInput;
  readonly attributes: ReadonlyMap<string, AttributeValue | null>;
}

/**
 * Validates an update body. A new password is checked under the policies the user will have
 * after the update (this body's `passwordPolicies`, else the current ones).
 * @throws {GraphError} naming the first bad property.
 */
export function readUserUpdate(
  body: JsonObject,
  tenant: Tenant,
  current: StoredUser,
): GraphUserUpdate {
  checkUserProperties(body, isExtensionProperty);
  const has = (key: string): boolean => key in body;
  const policies = has('passwordPolicies')
    ? body['passwordPolicies'] === null
      ? null
      : readPasswordPolicies(body['passwordPolicies'])
    : undefined;
  const effectivePolicies =
    policies === undefined ? current.passwordPolicies : (policies ?? undefined);
  return {
    ...(has('displayName') ? { displayName: readDisplayName(body['displayName']) } : {}),
    ...(has('givenName') ? { givenName: readPersonName(body['givenName'], 'givenName') } : {}),
    ...(has('surname') ? { surname: readPersonName(body['surname'], 'surname') } : {}),
    ...(has('accountEnabled')
      ? { accountEnabled: readBoolean(body['accountEnabled'], 'accountEnabled') }
      : {}),
    ...(has('identities')
      ? { identities: readGraphIdentities(body['identities'], tenant.name) }
      : {}),
    ...(policies === undefined ? {} : { passwordPolicies: policies }),
    ...(has('passwordProfile')
      ? { passwordProfile: readPasswordProfile(body['passwordProfile'], effectivePolicies, false) }
      : {}),
    attributes: readAttributes(body),
  };
}

/**
 * Applies an update. A new password (already hashed) moves `refreshTokensValidFrom` to `now`, so
 * refresh grants from earlier sign-ins end with AADB2C90129, as after a B2C password reset.
 */
export function applyUserUpdate(
  user: StoredUser,
  update: GraphUserUpdate,
  newPasswordHash: string | undefined,
  now: number,
): StoredUser {
  const { givenName, surname, passwordPolicies, ...rest } = user;
  const force = update.passwordProfile?.forceChangePasswordNextSignIn;
  return {
    ...rest,
    ...optional('givenName', update.givenName === undefined ? givenName : update.givenName),
    ...optional('surname', update.surname === undefined ? surname : update.surname),
    ...optional(
      'passwordPolicies',
      update.passwordPolicies === undefined ? passwordPolicies : update.passwordPolicies,
    ),
    displayName: update.displayName ?? user.displayName,
    accountEnabled: update.accountEnabled ?? user.accountEnabled,
    identities: update.identities ?? user.identities,
    forceChangePasswordNextSignIn: force ?? user.forceChangePasswordNextSignIn,
    attributes: applyAttributes(user.attributes, update.attributes),
    ...(newPasswordHash === undefined
      ? {}
      : { passwordHash: newPasswordHash, refreshTokensValidFrom: now }),
  };
}

/** An optional property: left out when cleared, so the stored user has no `null` fields. */
function optional<K extends string>(
  key: K,
  value: string | null | undefined,
): Partial<Record<K, string>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function applyAttributes(
  current: Readonly<Record<string, AttributeValue>>,
  changes: ReadonlyMap<string, AttributeValue | null>,
): Record<string, AttributeValue> {
  const merged = new Map<string, AttributeValue | null>([...Object.entries(current), ...changes]);
  return Object.fromEntries(
    [...merged].filter((entry): entry is [string, AttributeValue] => entry[1] !== null),
  );
}
