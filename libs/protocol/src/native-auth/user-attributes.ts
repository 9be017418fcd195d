/**
 * The `attributes` parameter of sign-up (docs/entra-native-auth-protocol.md §4.4): the user's
 * attributes as one JSON object of strings, keyed by the attributes' programmatic names
 * (`displayName`, `city`, or `extension_{appIdWithoutHyphens}_{name}` for a custom attribute).
 */

/** User attributes by programmatic name. */
export type UserAttributes = Readonly<Record<string, string>>;

/** The built-in attributes a user flow can collect at sign-up. */
export const BUILT_IN_USER_ATTRIBUTES = [
  'displayName',
  'givenName',
  'surname',
  'city',
  'country',
  'jobTitle',
  'postalCode',
  'state',
  'streetAddress',
] as const;

// Letters, digits and underscores, starting with a letter: the built-in names and
// extension_{appId}_{name}. Also keeps `__proto__` and friends out.
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,255}$/;

/** True when `name` can be an attribute's programmatic name. */
export function isUserAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

/**
 * The programmatic name of a custom attribute: `extension_`, the application id of the app that
 * holds the tenant's extension attributes without hyphens, `_`, the attribute's name.
 *
 * @throws TypeError when the result is not a valid attribute name.
 */
export function customUserAttributeName(extensionsAppId: string, name: string): string {
  const attribute = `extension_${extensionsAppId.replace(/-/g, '')}_${name}`;
  if (!isUserAttributeName(attribute)) throw new TypeError('not a valid custom attribute name');
  return attribute;
}

/**
 * Encodes attributes as the `attributes` parameter: `JSON.stringify` of the object, as MSAL
 * sends it (the form encoding then percent-encodes it).
 *
 * @throws TypeError on a name that is not an attribute name or a value that is not a string.
 */
export function encodeUserAttributes(attributes: UserAttributes): string {
  for (const [name, value] of Object.entries(attributes)) {
    if (!isUserAttributeName(name)) throw new TypeError('not a valid attribute name');
    if (typeof value !== 'string') throw new TypeError('attribute values must be strings');
  }
  return JSON.stringify(attributes);
}

/** Why an `attributes` parameter was refused. */
export type UserAttributesErrorCode =
  'too_large' | 'invalid_json' | 'not_an_object' | 'too_many' | 'invalid_name' | 'not_a_string';

/** The outcome of {@link decodeUserAttributes}; `attribute` names the attribute at fault. */
export type DecodeUserAttributesResult =
  | { readonly ok: true; readonly attributes: UserAttributes }
  | {
      readonly ok: false;
      readonly error: { readonly code: UserAttributesErrorCode; readonly attribute?: string };
    };

/** Limits of {@link decodeUserAttributes}. */
export interface DecodeUserAttributesOptions {
  /** Longest accepted parameter, in UTF-16 code units. Default 8,192. */
  readonly maxLength?: number;
  /** Most attributes accepted. Default 64. */
  readonly maxAttributes?: number;
}

const refuse = (code: UserAttributesErrorCode, attribute?: string): DecodeUserAttributesResult => ({
  ok: false,
  error: attribute === undefined ? { code } : { code, attribute },
});

/**
 * Decodes an `attributes` parameter as a server reads it: a JSON object whose keys are attribute
 * names and whose values are strings. Whether the user flow knows an attribute is the server's
 * next check (unknown ones are ignored by External ID).
 */
export function decodeUserAttributes(
  text: string,
  options: DecodeUserAttributesOptions = {},
): DecodeUserAttributesResult {
  if (text.length > (options.maxLength ?? 8192)) return refuse('too_large');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('invalid_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return refuse('not_an_object');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > (options.maxAttributes ?? 64)) return refuse('too_many');
  const attributes: Record<string, string> = {};
  for (const [name, attribute] of entries) {
    if (!isUserAttributeName(name)) return refuse('invalid_name');
    if (typeof attribute !== 'string') return refuse('not_a_string', name);
    attributes[name] = attribute;
  }
  return { ok: true, attributes };
}
