import { normaliseUsername } from '@ropc/identity-protection';
import type { UserIdentity } from '../tenant/tenant-model';
import { invalidValue, missingProperty } from './graph-error';
import {
  checkODataType,
  readObject,
  rejectUnknownProperties,
  type JsonObject,
} from './graph-property-readers';

const IDENTITY_PROPERTIES = ['signInType', 'issuer', 'issuerAssignedId', '@odata.type'];

/** ajv-formats' full `email` format: what the tenant file's schema checks on import. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** An email local part, as the tenant schema requires of a `userName` identity. */
const USER_NAME = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * Identities per user: an emulator limit (B2C documents none), as the tenant file's schema has
 * it. A user and its sign-in names change in one Table storage transaction of at most 100 rows.
 */
export const MAX_IDENTITIES = 20;

/**
 * Graph `identities[]` of a local account: one to {@link MAX_IDENTITIES}; `signInType`
 * `emailAddress` (an email of at most 254 characters) or `userName` (an email local part of at
 * most 64); `issuer` the tenant's domain, the default; no sign-in name twice. Uniqueness across
 * users is the store's.
 */
export function readGraphIdentities(value: unknown, tenantName: string): UserIdentity[] {
  if (value === undefined || value === null) throw missingProperty('identities');
  if (!Array.isArray(value)) throw invalidValue('identities', 'must be an array');
  if (value.length === 0) throw missingProperty('identities');
  if (value.length > MAX_IDENTITIES) {
    throw invalidValue('identities', `must hold at most ${MAX_IDENTITIES} identities`);
  }
  const identities = value.map((item: unknown, index) =>
    readIdentity(readObject(item, `identities[${index}]`), `identities[${index}].`, tenantName),
  );
  const names = identities.map((identity) => normaliseUsername(identity.issuerAssignedId));
  if (new Set(names).size !== names.length) {
    throw invalidValue('identities', 'must not hold the same issuerAssignedId twice');
  }
  return identities;
}

function readIdentity(object: JsonObject, prefix: string, tenantName: string): UserIdentity {
  rejectUnknownProperties(object, IDENTITY_PROPERTIES, {
    prefix,
    type: 'microsoft.graph.objectIdentity',
  });
  checkODataType(object, 'microsoft.graph.objectIdentity', prefix);
  const signInType = object['signInType'];
  if (signInType === undefined) throw missingProperty(`${prefix}signInType`);
  if (signInType !== 'emailAddress' && signInType !== 'userName') {
    throw invalidValue(
      `${prefix}signInType`,
      'must be emailAddress or userName (the emulator has local accounts only)',
    );
  }
  return {
    signInType,
    issuer: readIssuer(object['issuer'], `${prefix}issuer`, tenantName),
    issuerAssignedId: readSignInName(object['issuerAssignedId'], signInType, prefix),
  };
}

/** Local accounts are issued by the tenant itself; its name is written as configured. */
function readIssuer(value: unknown, target: string, tenantName: string): string {
  if (value === undefined || value === null) return tenantName;
  if (typeof value !== 'string' || value.toLowerCase() !== tenantName.toLowerCase()) {
    throw invalidValue(target, `must be the tenant's domain ${tenantName} for a local account`);
  }
  return tenantName;
}

function readSignInName(
  value: unknown,
  signInType: UserIdentity['signInType'],
  prefix: string,
): string {
  const target = `${prefix}issuerAssignedId`;
  if (value === undefined || value === null || value === '') throw missingProperty(target);
  if (signInType === 'emailAddress') {
    if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
      throw invalidValue(target, 'must be an email address for an emailAddress identity');
    }
  } else if (typeof value !== 'string' || value.length > 64 || !USER_NAME.test(value)) {
    throw invalidValue(
      target,
      'must be an email local part (no @, at most 64 characters) for a userName identity',
    );
  }
  return value;
}
