/**
 * The attribute lists of error bodies (docs/entra-native-auth-protocol.md §4.4):
 * `required_attributes` with `attributes_required`, `invalid_attributes` with
 * `attribute_validation_failed`, `unverified_attributes` with `verification_required`. Only
 * `name` is established for the last two; other fields are kept when they have the expected type.
 */

/** An attribute the user flow still needs, as `required_attributes` lists it. */
export interface RequiredAttribute {
  readonly name: string;
  /** `string` in every published example. */
  readonly type?: string;
  readonly required?: boolean;
  readonly options?: { readonly regex?: string };
}

/** An attribute whose value the server refused. */
export interface InvalidAttribute {
  readonly name: string;
  /** Read by MSAL's types; not shown in any published example. */
  readonly reason?: string;
}

/** An attribute that must be verified before sign-up can go on. */
export interface UnverifiedAttribute {
  readonly name: string;
}

/** Lists longer than this are cut: no user flow collects that many attributes. */
export const MAX_LISTED_ATTRIBUTES = 100;

type Item = Readonly<Record<string, unknown>>;

function itemsOf(value: unknown): Item[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .slice(0, MAX_LISTED_ATTRIBUTES)
    .map((item: unknown): Item | undefined => {
      // Some SDKs decode a bare name; accept it rather than lose the attribute.
      if (typeof item === 'string') return { name: item };
      return typeof item === 'object' && item !== null && !Array.isArray(item)
        ? (item as Item)
        : undefined;
    })
    .filter((item): item is Item => typeof item?.['name'] === 'string' && item['name'] !== '');
}

const nameOf = (item: Item): string => item['name'] as string;

/** Reads `required_attributes`; undefined when it is not an array. Unnamed items are dropped. */
export function parseRequiredAttributes(value: unknown): RequiredAttribute[] | undefined {
  return itemsOf(value)?.map((item) => {
    const { type, required, options } = item;
    const regex =
      typeof options === 'object' && options !== null ? (options as Item)['regex'] : undefined;
    return {
      name: nameOf(item),
      ...(typeof type === 'string' ? { type } : {}),
      ...(typeof required === 'boolean' ? { required } : {}),
      ...(typeof regex === 'string' ? { options: { regex } } : {}),
    };
  });
}

/** Reads `invalid_attributes`; undefined when it is not an array. Unnamed items are dropped. */
export function parseInvalidAttributes(value: unknown): InvalidAttribute[] | undefined {
  return itemsOf(value)?.map((item) => {
    const reason = item['reason'];
    return { name: nameOf(item), ...(typeof reason === 'string' ? { reason } : {}) };
  });
}

/** Reads `unverified_attributes`; undefined when it is not an array. Unnamed items are dropped. */
export function parseUnverifiedAttributes(value: unknown): UnverifiedAttribute[] | undefined {
  return itemsOf(value)?.map((item) => ({ name: nameOf(item) }));
}
