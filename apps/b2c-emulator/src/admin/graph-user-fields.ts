import { GraphError, missingProperty } from './graph-error';
import { checkNewPassword } from './graph-password-rule';
import {
  checkODataType,
  readBoolean,
  readObject,
  readText,
  rejectUnknownProperties,
  type JsonObject,
} from './graph-property-readers';

/** The user properties both create and update accept (besides custom attributes). */
export const USER_PROPERTIES = [
  'displayName',
  'givenName',
  'surname',
  'identities',
  'passwordProfile',
  'passwordPolicies',
  'accountEnabled',
  '@odata.type',
] as const;

/** A `passwordProfile` as read: the password already checked against the policies. */
export interface PasswordProfileInput {
  readonly password?: string;
  readonly forceChangePasswordNextSignIn?: boolean;
}

/** Graph sets these itself; naming them in a body is a mistake worth a clear answer. */
const READ_ONLY_PROPERTIES = ['id', 'createdDateTime', 'userType', 'creationType'];

/** Rejects read-only and unknown properties, and a foreign `@odata.type`. */
export function checkUserProperties(body: JsonObject, isExtension: (key: string) => boolean): void {
  const readOnly = READ_ONLY_PROPERTIES.find((key) => key in body);
  if (readOnly !== undefined) {
    throw new GraphError(
      400,
      'Request_BadRequest',
      `Property '${readOnly}' is read-only and cannot be set.`,
      { code: 'ReadOnlyProperty', target: readOnly },
    );
  }
  rejectUnknownProperties(
    body,
    USER_PROPERTIES,
    { prefix: '', type: 'microsoft.graph.user' },
    isExtension,
  );
  checkODataType(body, 'microsoft.graph.user', '');
}

/** `displayName`: required, 1–256 characters. */
export function readDisplayName(value: unknown): string {
  if (value === undefined || value === null || value === '') throw missingProperty('displayName');
  return readText(value, 'displayName', { min: 1, max: 256 });
}

/** `givenName` or `surname`: 1–64 characters, or `null` to clear it. */
export function readPersonName(value: unknown, target: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  return readText(value, target, { min: 1, max: 64 });
}

/**
 * `passwordProfile`: `password` (checked under `policies`) and `forceChangePasswordNextSignIn`.
 * A new user needs a password; an update may change either or both.
 */
export function readPasswordProfile(
  value: unknown,
  policies: string | undefined,
  passwordRequired: boolean,
): PasswordProfileInput {
  const profile = readObject(value, 'passwordProfile');
  rejectUnknownProperties(profile, ['password', 'forceChangePasswordNextSignIn', '@odata.type'], {
    prefix: 'passwordProfile.',
    type: 'microsoft.graph.passwordProfile',
  });
  checkODataType(profile, 'microsoft.graph.passwordProfile', 'passwordProfile.');
  const { password, forceChangePasswordNextSignIn: force } = profile;
  if (passwordRequired && (password === undefined || password === null || password === '')) {
    throw missingProperty('passwordProfile.password');
  }
  return {
    ...(password === undefined ? {} : { password: checkNewPassword(password, policies) }),
    ...(force === undefined
      ? {}
      : {
          forceChangePasswordNextSignIn: readBoolean(
            force,
            'passwordProfile.forceChangePasswordNextSignIn',
          ),
        }),
  };
}
